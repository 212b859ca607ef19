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
        return CommandOutput(exitCode: 2, stderr: "segmint: error: unknown format \"\(r.format)\" (use table, csv or json)\n")
    }
    if r.staticOnly && r.svgPath != nil {
        return CommandOutput(exitCode: 2, stderr: "segmint: error: --svg needs counts from --db; it cannot be used with --static\n")
    }
    let loaded = AnalysisInput.load(paths: r.paths, catalogPath: r.catalogPath, asOf: r.asOf)
    guard case .success(let input) = loaded else { return loaded.failureOutput }
    let names: [String]
    switch input.select(r.segments) {
    case .success(let n): names = n
    case .failure(let e): return e.output
    }
    if r.staticOnly {
        let report = StaticAnalysis.analyze(input.program, segments: names)
        return CommandOutput(exitCode: 0, stdout: report.render(format), stderr: input.warnings)
    }
    guard let url = r.dbURL else {
        return CommandOutput(exitCode: 2, stderr: "segmint: error: overlap needs --db URL (or --static for the analysis without data)\n")
    }
    guard names.count >= 1 else {
        return CommandOutput(exitCode: 2, stderr: "segmint: error: no segments to compare\n")
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
        return CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n")
    }
    let base = try? AnalysisInput.counter(db: db, dialect: dialect, asOf: input.asOf)(input.program.withEveryone(), CheckedProgram.everyoneName)
    let report: OverlapReport
    switch OverlapReport.patterns(from: result, segments: names.count).flatMap({ OverlapReport.derive(segments: names, patterns: $0, base: base) }) {
    case .success(let rep): report = rep
    case .failure(let e): return CommandOutput(exitCode: 2, stderr: "segmint: error: \(e)\n")
    }
    var err = input.warnings
    let entities = ExplainReport.plural(input.program.catalog.entity.name)
    if let svg = r.svgPath {
        let titles = names.map { input.program.segment(named: $0)?.title }
        do { try AtomicFile.write(OverlapSVG.render(report, titles: titles, entities: entities), to: svg) } catch {
            return CommandOutput(exitCode: 2, stdout: report.render(format, entities: entities), stderr: err + "segmint: error: \(error)\n")
        }
        err += "wrote \(svg)\n"
    }
    return CommandOutput(exitCode: 0, stdout: report.render(format, entities: entities), stderr: err)
}

/// The benchmark behind `bench/overlap/run.sh` (`segmint overlap --compare-naive`): the
/// one-scan overlap and the naive way (one intersection count query per pair, N(N-1)/2 of
/// them) on the same connection, timed side by side, and checked to agree.
public func runOverlapComparison(_ r: OverlapRequest, progress: (@Sendable (String) -> Void)? = nil) -> CommandOutput {
    let loaded = AnalysisInput.load(paths: r.paths, catalogPath: r.catalogPath, asOf: r.asOf)
    guard case .success(let input) = loaded else { return loaded.failureOutput }
    let names: [String]
    switch input.select(r.segments) {
    case .success(let n): names = n
    case .failure(let e): return e.output
    }
    guard let url = r.dbURL else { return CommandOutput(exitCode: 2, stderr: "segmint: error: --compare-naive needs --db URL\n") }
    let db: Database, dialect: Dialect
    switch AnalysisInput.open(url) {
    case .success(let d): (db, dialect) = d
    case .failure(let e): return e.output
    }
    defer { db.close() }
    let options = CompileOptions(dialect: dialect, asOf: input.asOf)
    do {
        guard case .success(let sql) = SQLCompiler.overlapQuery(input.program, segments: names, options: options) else {
            return CommandOutput(exitCode: 1, stderr: "segmint: error: the overlap query could not be compiled\n")
        }
        let t0 = Date()
        let result = try db.query(sql)
        let oneScan = Date().timeIntervalSince(t0)
        guard case .success(let report) = OverlapReport.patterns(from: result, segments: names.count)
                .flatMap({ OverlapReport.derive(segments: names, patterns: $0) }) else {
            return CommandOutput(exitCode: 2, stderr: "segmint: error: unexpected overlap query result\n")
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
        return CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n")
    }
}

enum Fmt3 {
    static func seconds(_ s: Double) -> String {
        let ms = Int((s * 1000).rounded())
        return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000) s"
    }
}

/// The checked program and settings every analysis command starts from.
struct AnalysisInput {
    var program: CheckedProgram
    var asOf: CivilDate?
    var sources: SourceMap
    /// Rendered warnings of the front end (printed on stderr, they do not fail the command).
    var warnings: String

    enum Loaded {
        case success(AnalysisInput)
        case failure(CommandOutput)
        var failureOutput: CommandOutput {
            if case .failure(let o) = self { return o }
            return CommandOutput(exitCode: 0)
        }
    }

    static func load(paths: [String], catalogPath: String, asOf: String?) -> Loaded {
        guard !paths.isEmpty else { return .failure(CommandOutput(exitCode: 2, stderr: "segmint: error: no input files\n")) }
        var date: CivilDate?
        if let a = asOf {
            guard let d = CivilDate(iso: a) else {
                return .failure(CommandOutput(exitCode: 2, stderr: "segmint: error: --as-of \"\(a)\" is not a valid date (YYYY-MM-DD)\n"))
            }
            date = d
        }
        let run = FrontEnd.run(paths: paths, catalogPath: catalogPath)
        let renderer = DiagnosticRenderer(sources: run.sources)
        guard let program = run.program else {
            var err = renderer.human(run.diagnostics)
            let summary = FrontEnd.summary(run.diagnostics)
            if !summary.isEmpty { err += summary + "\n" }
            return .failure(CommandOutput(exitCode: run.exitCode == 0 ? 1 : run.exitCode, stderr: err))
        }
        return .success(AnalysisInput(program: program, asOf: date, sources: run.sources, warnings: renderer.human(run.diagnostics)))
    }

    func render(_ diagnostics: [Diagnostic]) -> String { DiagnosticRenderer(sources: sources).human(diagnostics) }

    /// `--segments a,b` (every segment when nil), unknown names reported with a did-you-mean.
    func select(_ wanted: [String]?) -> Result<[String], CommandOutputError> {
        let all = program.segments.map(\.name)
        guard let wanted = wanted else { return .success(all) }
        var out: [String] = []
        for w in wanted where !w.isEmpty {
            guard all.contains(w) else {
                let help = Suggest.closest(to: w, in: all).map { "\n  = help: did you mean \"\($0)\"?" } ?? ""
                return .failure(CommandOutputError(output: CommandOutput(exitCode: 2, stderr: "segmint: error: unknown segment \"\(w)\"\(help)\n")))
            }
            if !out.contains(w) { out.append(w) }
        }
        return .success(out)
    }

    static func open(_ url: String) -> Result<(Database, Dialect), CommandOutputError> {
        do {
            let db = try DatabaseURL.open(url, create: false)
            guard let dialect = Dialect(rawValue: db.dialectName) else {
                db.close()
                return .failure(CommandOutputError(output: CommandOutput(exitCode: 2, stderr: "segmint: error: unsupported database dialect \(db.dialectName)\n")))
            }
            return .success((db, dialect))
        } catch {
            return .failure(CommandOutputError(output: CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n")))
        }
    }

    /// Counts a segment by compiling it with `--count` for the database's dialect.
    static func counter(db: Database, dialect: Dialect, asOf: CivilDate?) -> SegmentCounter {
        return { program, name in
            switch SQLCompiler.compile(program, segment: name, options: CompileOptions(dialect: dialect, asOf: asOf, count: true)) {
            case .failure(let f):
                throw DatabaseError(.sql, f.diagnostics.map(\.message).joined(separator: "; "))
            case .success(let sql):
                let r = try db.query(sql)
                guard let cell = r.rows.first?.first, let text = cell, let n = Int(text) else {
                    throw DatabaseError(.sql, "count query for \(name) returned no number")
                }
                return n
            }
        }
    }
}

/// A CommandOutput carried through `Result`.
struct CommandOutputError: Error { var output: CommandOutput }

extension Result where Failure == CommandOutputError {
    /// Unwraps a success, or hands back the command output of a failure.
    var output: CommandOutput? { if case .failure(let e) = self { return e.output }; return nil }
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

/// Prints "label… Ns" about once a second on a background thread until stopped.
final class Ticker: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private let sink: (@Sendable (String) -> Void)?
    private let start = Date()
    private let live = isatty(2) != 0

    init(label: String, sink: (@Sendable (String) -> Void)?) {
        self.sink = sink
        guard let sink = sink else { return }
        sink("\(label)…")
        // A log file (stderr not a terminal) gets the start and the end, not a line per second.
        guard live else { return }
        let thread = Thread { [weak self] in
            while true {
                Thread.sleep(forTimeInterval: 1)
                guard let self = self else { return }
                self.lock.lock(); let go = self.running; self.lock.unlock()
                guard go else { return }
                sink("\r\(label)… \(Int(Date().timeIntervalSince(self.start)))s")
            }
        }
        thread.start()
    }

    func stop(final: String?) {
        lock.lock(); running = false; lock.unlock()
        guard let sink = sink else { return }
        let secs = Date().timeIntervalSince(start)
        sink((live ? "\r" : "\n") + (final.map { "\($0) in \(Int((secs * 10).rounded()) / 10).\(Int((secs * 10).rounded()) % 10)s\n" } ?? "\n"))
    }
}
