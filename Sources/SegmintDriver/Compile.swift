import SegmintCore
import SegmintCheck
import SegmintSQL

/// `segmint compile FILE... --catalog PATH [--segment NAME] [--dialect D] [--as-of DATE] [--count] [--format human|json]`.
///
/// One SQL statement on stdout; diagnostics on stderr. Exit 0 success, 1 errors in the input
/// (including a construct the dialect cannot express), 2 usage or I/O error (unknown dialect,
/// bad --as-of, several segments and no --segment, an unknown --segment, unreadable file).
/// `format: "json"` prints one object instead (shape in docs/cli-json.md), also on failure;
/// the human diagnostics still go to stderr.
public func runCompile(paths: [String], catalogPath: String, segment: String?, dialect: String, asOf: String?, count: Bool,
                       format: String = "human") -> CommandOutput {
    runCompile(paths: paths, catalogPath: catalogPath, segment: segment, dialect: dialect, asOf: asOf, count: count, base: nil,
               format: format)
}

/// As above; relative paths are read under `base` but shown as given (golden tests).
public func runCompile(paths: [String], catalogPath: String, segment: String?, dialect: String, asOf: String?,
                       count: Bool, base: String?, format: String = "human") -> CommandOutput {
    guard format == "human" || format == "json" else {
        return .usage(CLICode.usage, "unknown format \"\(format)\"", help: "use human or json")
    }
    let outcome = compileOutcome(paths: paths, catalogPath: catalogPath, segment: segment, dialect: dialect, asOf: asOf,
                                 count: count, base: base)
    let renderer = DiagnosticRenderer(sources: outcome.sources)
    var err = renderer.human(outcome.diagnostics)
    if outcome.summarize { err += FrontEnd.summary(outcome.diagnostics) + "\n" }
    guard format == "json" else { return CommandOutput(exitCode: outcome.exitCode, stdout: outcome.sql ?? "", stderr: err) }
    let fields = [
        ("segment", outcome.segment.map(JSON.string) ?? "null"),
        ("dialect", JSON.string(dialect)),
        ("count", "\(count)"),
        ("sql", outcome.sql.map(JSON.string) ?? "null"),
        ("diagnostics", renderer.json(outcome.diagnostics).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "\n", with: "\n  ")),
    ]
    let json = "{\n" + fields.map { "  \(JSON.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    return CommandOutput(exitCode: outcome.exitCode, stdout: json, stderr: err)
}

/// What compiling produced, before it is printed one way or the other.
struct CompileOutcome {
    var exitCode: Int32
    var sources: SourceMap
    var diagnostics: [Diagnostic]
    var segment: String?
    var sql: String?
    /// Whether the human form ends with the `2 errors, 1 warning` line (input errors).
    var summarize = false
}

func compileOutcome(paths: [String], catalogPath: String, segment: String?, dialect: String, asOf: String?,
                    count: Bool, base: String?) -> CompileOutcome {
    func usage(_ message: String, help: String, sources: SourceMap = SourceMap(), before: [Diagnostic] = []) -> CompileOutcome {
        CompileOutcome(exitCode: 2, sources: sources, diagnostics: before + [.error(CLICode.usage, message, at: nil, help: help)])
    }
    guard let d = Dialect(rawValue: dialect) else {
        let names = Dialect.allCases.map(\.rawValue)
        let hint = Suggest.closest(to: dialect, in: names).map { "did you mean \"\($0)\"? " } ?? ""
        return usage("unknown dialect \"\(dialect)\"", help: "\(hint)dialects: \(names.joined(separator: ", "))")
    }
    var pinned: CivilDate?
    if let text = asOf {
        guard let date = CivilDate(iso: text) else {
            return usage("invalid --as-of date \"\(text)\"", help: "write a calendar date as YYYY-MM-DD")
        }
        pinned = date
    }
    guard !paths.isEmpty else {
        return usage("no input files", help: "segmint compile FILE... --catalog PATH [--segment NAME]")
    }
    let run = FrontEnd.run(paths: paths, catalogPath: catalogPath, base: base)
    guard let program = run.program else {
        return CompileOutcome(exitCode: run.exitCode == 0 ? 1 : run.exitCode, sources: run.sources, diagnostics: run.diagnostics,
                              summarize: !run.diagnostics.isEmpty)
    }
    let chosen: String
    switch SegmentSelection.choose(segment, among: program.segments.map(\.name)) {
    case .success(let name): chosen = name
    case .failure(let e): return CompileOutcome(exitCode: 2, sources: run.sources, diagnostics: run.diagnostics + [e.diagnostic])
    }
    switch SQLCompiler.compile(program, segment: chosen, options: CompileOptions(dialect: d, asOf: pinned, count: count)) {
    case .success(let sql):
        return CompileOutcome(exitCode: 0, sources: run.sources, diagnostics: run.diagnostics, segment: chosen, sql: sql)
    case .failure(let f):
        return CompileOutcome(exitCode: 1, sources: run.sources, diagnostics: run.diagnostics + f.diagnostics, segment: chosen,
                              summarize: true)
    }
}
