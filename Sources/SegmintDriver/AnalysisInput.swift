import SegmintCore
import SegmintCheck
import SegmintSQL
import SegmintStore
import SegmintAnalysis

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
        guard !paths.isEmpty else { return .failure(.usage(CLICode.usage, "no input files", help: "pass .seg files or a directory of them")) }
        var date: CivilDate?
        if let a = asOf {
            guard let d = CivilDate(iso: a) else {
                return .failure(.usage(CLICode.usage, "--as-of \"\(a)\" is not a valid date", help: "write a calendar date as YYYY-MM-DD"))
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
                return .failure(CommandOutputError(output: CommandOutput.failure(2, [SegmentSelection.unknown(w, among: all)])))
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
                return .failure(CommandOutputError(output: CommandOutput.failure(2, [.error(DatabaseCode.badURL, "no SQL dialect for \(db.dialectName)", at: nil)])))
            }
            return .success((db, dialect))
        } catch {
            return .failure(CommandOutputError(output: CommandOutput.failure(2, [.thrown(error, code: DatabaseCode.connection)])))
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
