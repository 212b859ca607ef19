import SegmintCore
import SegmintCheck
import SegmintAnalysis
import SegmintStore

/// `segmint recommend FILE... --catalog PATH [--db URL] [--format text|json] [--as-of DATE]`:
/// model-vs-rules recommendations, each with its signal, evidence and a concrete action.
/// Without `--db` only the rule signals run; with it also size, near-duplicate and fragile
/// threshold signals (each a few count queries).
public func runRecommend(paths: [String], catalogPath: String, dbURL: String? = nil, format: String = "text",
                         asOf: String? = nil) -> CommandOutput {
    guard format == "text" || format == "json" else {
        return .usage(CLICode.usage, "unknown format \"\(format)\"", help: "use text (human) or json")
    }
    let loaded = AnalysisInput.load(paths: paths, catalogPath: catalogPath, asOf: asOf)
    guard case .success(let input) = loaded else { return loaded.failureOutput }
    let recs: [Recommendation]
    do {
        if let url = dbURL {
            switch AnalysisInput.open(url) {
            case .failure(let e): return e.output
            case .success(let (db, dialect)):
                defer { db.close() }
                recs = try Recommend.run(input.program, count: AnalysisInput.counter(db: db, dialect: dialect, asOf: input.asOf))
            }
        } else {
            recs = try Recommend.run(input.program)
        }
    } catch {
        return .failure(2, after: input.warnings, [.thrown(error, code: DatabaseCode.sql)])
    }
    return CommandOutput(exitCode: 0, stdout: format == "json" ? recs.json() : recs.text(), stderr: input.warnings)
}
