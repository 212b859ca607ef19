import Foundation
import SegmintCore
import SegmintCheck
import SegmintSQL
import SegmintStore
import SegmintAnalysis

/// `segmint overlap FILE... --catalog PATH (--db URL | --static) [--segments a,b] [--format table|csv|json] [--svg OUT.svg] [--as-of DATE]`.
public struct OverlapRequest: Sendable {
    public var paths: [String]
    public var catalogPath: String
    public var dbURL: String?
    public var segments: [String]?
    public var format: String
    public var svgPath: String?
    public var staticOnly: Bool
    public var asOf: String?
    public init(paths: [String], catalogPath: String, dbURL: String? = nil, segments: [String]? = nil, format: String = "table",
                svgPath: String? = nil, staticOnly: Bool = false, asOf: String? = nil) {
        self.paths = paths; self.catalogPath = catalogPath; self.dbURL = dbURL; self.segments = segments; self.format = format
        self.svgPath = svgPath; self.staticOnly = staticOnly; self.asOf = asOf
    }
}

/// Overlap of N segments from ONE scan: `SQLCompiler.overlapQuery` counts entities per
/// membership pattern and every figure is derived from those counts in Swift. `--static`
/// reads no data and prints what the static analysis proves. `progress` receives a status
/// line (with `\r`) about once a second while the query runs.
public func runOverlap(_ r: OverlapRequest, progress: (@Sendable (String) -> Void)? = nil) -> CommandOutput {
    guard let format = OverlapFormat(rawValue: r.format) else {
        return .usage(CLICode.usage, "unknown format \"\(r.format)\"", help: "use table, csv or json")
    }
    if r.staticOnly && r.svgPath != nil {
        return .usage(CLICode.usage, "--svg needs counts from --db; it cannot be used with --static")
    }
    let input: AnalysisInput, names: [String]
    switch loadSegments(r) {
    case .success(let loaded): (input, names) = loaded
    case .failure(let e): return e.output
    }
    if r.staticOnly {
        let report = StaticAnalysis.analyze(input.program, segments: names)
        return CommandOutput(exitCode: 0, stdout: report.render(format), stderr: input.warnings)
    }
    guard let url = r.dbURL else {
        return .usage(CLICode.usage, "overlap needs --db URL", help: "or --static for the analysis without data")
    }
    guard names.count >= 1 else {
        return .usage(CLICode.usage, "no segments to compare")
    }
    let db: Database, dialect: Dialect
    switch AnalysisInput.open(url) {
    case .success(let d): (db, dialect) = d
    case .failure(let e): return e.output
    }
    defer { db.close() }
    let sql: String
    switch SQLCompiler.overlapQuery(input.program, segments: names, options: CompileOptions(dialect: dialect, asOf: input.asOf)) {
    case .success(let s): sql = s
    case .failure(let f): return CommandOutput(exitCode: 1, stderr: input.render(f.diagnostics))
    }
    let ticker = Ticker(label: "overlap: one scan over \(names.count) segments", sink: progress)
    let result: QueryResult
    do {
        result = try db.query(sql)
        ticker.stop(final: "overlap: one scan over \(names.count) segments done")
    } catch {
        ticker.stop(final: nil)
        return .failure(2, after: input.warnings, [.thrown(error, code: DatabaseCode.sql)])
    }
    let base = try? AnalysisInput.counter(db: db, dialect: dialect, asOf: input.asOf)(input.program.withEveryone(), CheckedProgram.everyoneName)
    let report: OverlapReport
    switch OverlapReport.patterns(from: result, segments: names.count).flatMap({ OverlapReport.derive(segments: names, patterns: $0, base: base) }) {
    case .success(let rep): report = rep
    case .failure(let e): return .failure(2, after: input.warnings, [.error(DatabaseCode.unexpectedResult, "\(e)", at: nil)])
    }
    var err = input.warnings
    let entities = ExplainReport.plural(input.program.catalog.entity.name)
    if let svg = r.svgPath {
        let titles = names.map { input.program.segment(named: $0)?.title }
        do { try AtomicFile.write(OverlapSVG.render(report, titles: titles, entities: entities), to: svg) } catch {
            return .failure(2, after: err, [.error(CLICode.cannotWrite, "\(error)", at: nil)],
                            stdout: report.render(format, entities: entities))
        }
        err += "wrote \(svg)\n"
    }
    return CommandOutput(exitCode: 0, stdout: report.render(format, entities: entities), stderr: err)
}

/// The benchmark behind `bench/overlap/run.sh` (`segmint overlap --compare-naive`): the
/// one-scan overlap and the naive way (one intersection count query per pair, N(N-1)/2 of
/// them) on the same connection, timed side by side, and checked to agree.
public func runOverlapComparison(_ r: OverlapRequest, progress: (@Sendable (String) -> Void)? = nil) -> CommandOutput {
    let input: AnalysisInput, names: [String]
    switch loadSegments(r) {
    case .success(let loaded): (input, names) = loaded
    case .failure(let e): return e.output
    }
    guard let url = r.dbURL else { return .usage(CLICode.usage, "--compare-naive needs --db URL") }
    let db: Database, dialect: Dialect
    switch AnalysisInput.open(url) {
    case .success(let d): (db, dialect) = d
    case .failure(let e): return e.output
    }
    defer { db.close() }
    let options = CompileOptions(dialect: dialect, asOf: input.asOf)
    do {
        let sql: String
        switch SQLCompiler.overlapQuery(input.program, segments: names, options: options) {
        case .success(let s): sql = s
        case .failure(let f): return CommandOutput(exitCode: 1, stderr: input.render(f.diagnostics))
        }
        let t0 = Date()
        let result = try db.query(sql)
        let oneScan = Date().timeIntervalSince(t0)
        let report: OverlapReport
        switch OverlapReport.patterns(from: result, segments: names.count).flatMap({ OverlapReport.derive(segments: names, patterns: $0) }) {
        case .success(let rep): report = rep
        case .failure(let e): return .failure(2, [.error(DatabaseCode.unexpectedResult, "\(e)", at: nil)])
        }
        progress?("one scan: \(Fmt3.seconds(oneScan))\n")
        let count = AnalysisInput.counter(db: db, dialect: dialect, asOf: input.asOf)
        var pairs = 0, mismatches = 0
        let t1 = Date()
        for (i, a) in names.enumerated() {
            for (j, b) in names.enumerated() where j > i {
                var p = input.program
                var both = p.segment(named: a) ?? p.segments[0]
                both.name = "__pair_\(i)_\(j)"; both.include = [.inSegment(a), .inSegment(b)]; both.exclude = []; both.references = [a, b]
                p.segments.append(both)
                if try count(p, both.name) != report.intersections[i][j] { mismatches += 1 }
                pairs += 1
                if pairs % 10 == 0 { progress?("\rnaive: \(pairs) pairwise queries, \(Fmt3.seconds(Date().timeIntervalSince(t1)))") }
            }
        }
        let naive = Date().timeIntervalSince(t1)
        progress?("\n")
        var out = "segments: \(names.count), pairs: \(pairs), database: \(db.dialectName)\n"
        out += "one-scan overlap (1 query):        \(Fmt3.seconds(oneScan))\n"
        out += "naive pairwise (\(pairs) queries):   \(Fmt3.seconds(naive))\n"
        out += "speed-up: \(oneScan > 0 ? String(Int((naive / oneScan).rounded())) : "-")x\n"
        out += "pairwise intersections agree: \(mismatches == 0 ? "yes" : "NO (\(mismatches) differ)")\n"
        return CommandOutput(exitCode: mismatches == 0 ? 0 : 1, stdout: out)
    } catch {
        return .failure(2, [.thrown(error, code: DatabaseCode.sql)])
    }
}

/// The checked program and the segments `--segments` names (every segment when nil).
private func loadSegments(_ r: OverlapRequest) -> Result<(AnalysisInput, [String]), CommandOutputError> {
    let loaded = AnalysisInput.load(paths: r.paths, catalogPath: r.catalogPath, asOf: r.asOf)
    guard case .success(let input) = loaded else { return .failure(CommandOutputError(output: loaded.failureOutput)) }
    return input.select(r.segments).map { (input, $0) }
}

enum Fmt3 {
    static func seconds(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000) s"
    }
}

extension CheckedProgram {
    static let everyoneName = "__segmint_everyone"

    /// The program plus a segment with no conditions: the whole entity table.
    func withEveryone() -> CheckedProgram {
        var p = self
        guard let any = segments.first else { return p }
        var all = any
        all.name = CheckedProgram.everyoneName; all.include = nil; all.exclude = []; all.references = []
        p.segments.append(all)
        return p
    }
}
