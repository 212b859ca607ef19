import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintStore

/// A segment parsed and checked on its own, ready to compare or execute.
public struct EvalCompiled: Sendable {
    public var segment: SegmentDecl?
    public var program: CheckedProgram?
    /// Rendered parse and check errors other than grounding (empty when the segment is valid).
    public var errors: [String]
    /// Rendered grounding errors (`E04xx`) found when checked as LLM output: tags required and
    /// every `from` text verbatim in the request. Empty when no request was given.
    public var groundingErrors: [String] = []
    /// INFERRED numbers and dates.
    public var assumptions: Int = 0
}

/// Parses and checks `.seg` text against the catalog (one compilation per text, so the
/// produced and the reference segment never see each other's names).
public struct EvalCompiler: Sendable {
    public var catalog: Catalog
    public init(catalog: Catalog) { self.catalog = catalog }

    /// With `request`, the text is also checked the way the pipeline must check its own output
    /// (spec §5: tags required, `from` verbatim), and those errors are counted apart: a segment
    /// with a grounding error still runs, so its execution match is measured too.
    public func compile(_ text: String, path: String, request: String? = nil) -> EvalCompiled {
        let sources = SourceMap()
        let file = sources.add(path: path, text: text)
        let parsed = Parser.parse(file)
        let renderer = DiagnosticRenderer(sources: sources)
        func render(_ ds: [Diagnostic]) -> [String] { ds.filter { $0.severity == .error }.map { oneLine(renderer.human($0)) } }
        var errors = render(parsed.diagnostics)
        guard errors.isEmpty else { return EvalCompiled(segment: parsed.file.segments.first, program: nil, errors: errors) }
        guard let segment = parsed.file.segments.first else {
            return EvalCompiled(segment: nil, program: nil, errors: ["\(path): no segment"])
        }
        let checked = Checker.check(files: [parsed.file], catalog: catalog)
        errors += render(checked.diagnostics)
        var out = EvalCompiled(segment: segment, program: errors.isEmpty ? checked.program : nil, errors: errors)
        out.assumptions = checked.program?.segments.first?.assumptions.count ?? 0
        if let request {
            let strict = Checker.check(files: [parsed.file], catalog: catalog, options: CheckOptions(requireTags: true, request: request))
            out.groundingErrors = render(strict.diagnostics.filter { $0.code.hasPrefix("E04") })
        }
        return out
    }

    /// The first line of a rendered diagnostic (the report keeps details short).
    func oneLine(_ s: String) -> String { String(s.split(separator: "\n", maxSplits: 1).first ?? "") }
}

/// Runs a checked segment on a database and returns the set of entity keys it selects.
public protocol EvalExecutor {
    func keys(of compiled: EvalCompiled) throws -> Set<String>
}

/// Why a segment could not be executed (compile failure or database error), as one line.
public struct EvalExecutionError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Executes on the demo database through the real backend (SQLite dialect) with the suite's as-of.
public final class DatabaseEvalExecutor: EvalExecutor {
    let database: Database
    let dialect: Dialect
    let asOf: CivilDate

    public init(database: Database, dialect: Dialect = .sqlite, asOf: CivilDate) {
        self.database = database; self.dialect = dialect; self.asOf = asOf
    }

    public func keys(of compiled: EvalCompiled) throws -> Set<String> {
        guard let program = compiled.program, let segment = compiled.segment else {
            throw EvalExecutionError(compiled.errors.first ?? "segment did not check")
        }
        let sql: String
        switch SQLCompiler.compile(program, segment: segment.name.name, options: CompileOptions(dialect: dialect, asOf: asOf)) {
        case .success(let s): sql = s
        case .failure(let f):
            throw EvalExecutionError("cannot compile: " + (f.diagnostics.first?.message ?? "unknown reason"))
        }
        let result: QueryResult
        do { result = try database.query(sql) } catch { throw EvalExecutionError("query failed: \(error)") }
        var keys = Set<String>()
        for row in result.rows { if let k = row.first ?? nil { keys.insert(k) } }
        return keys
    }
}
