import SegmintCore
import SegmintCheck
import SegmintAnalysis
import SegmintStore

/// `segmint explain FILE... --catalog PATH [--segment NAME] [--format text|json] [--db URL] [--as-of DATE]`:
/// the segment in plain English, each condition's grounding, every assumption, the catalog
/// name@version; with `--db` a funnel of counts after each include and exclude condition.
/// `segment` may be nil when the input declares exactly one segment.
public func runExplain(paths: [String], catalogPath: String, segment requested: String?, format: String = "text",
                       dbURL: String? = nil, asOf: String? = nil) -> CommandOutput {
    guard format == "text" || format == "json" else {
        return .usage(CLICode.usage, "unknown format \"\(format)\"", help: "use text (human) or json")
    }
    let loaded = AnalysisInput.load(paths: paths, catalogPath: catalogPath, asOf: asOf)
    guard case .success(let input) = loaded else { return loaded.failureOutput }
    let segment: String
    switch SegmentSelection.choose(requested, among: input.program.segments.map(\.name)) {
    case .success(let name): segment = name
    case .failure(let e): return CommandOutput(exitCode: 2, stderr: input.warnings + CommandOutput.failure(2, [e.diagnostic]).stderr)
    }
    guard var report = Explain.report(input.program, segment: segment, runAsOf: input.asOf) else {
        return CommandOutput.failure(2, [SegmentSelection.unknown(segment, among: input.program.segments.map(\.name))])
    }
    if let url = dbURL {
        switch AnalysisInput.open(url) {
        case .failure(let e): return e.output
        case .success(let (db, dialect)):
            defer { db.close() }
            do {
                report.funnel = try Explain.funnel(input.program, segment: segment,
                                                   count: AnalysisInput.counter(db: db, dialect: dialect, asOf: input.asOf))
            } catch {
                return .failure(2, after: input.warnings, [.thrown(error, code: DatabaseCode.sql)])
            }
        }
    }
    return CommandOutput(exitCode: 0, stdout: format == "json" ? report.json() : report.text(), stderr: input.warnings)
}
