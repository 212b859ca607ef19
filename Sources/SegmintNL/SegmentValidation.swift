import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// The real front end run over assembled `.seg` text: parse, then check against the catalog
/// with tags required (LLM output must tag every name and enumerated value).
public struct SegmentValidation: Sendable {
    /// A rendered diagnostic and the byte offset it points at (to find the responsible part).
    public struct Problem: Sendable {
        public var diagnostic: Diagnostic
        public var rendered: String
        public var offset: Int?
    }
    public var program: CheckedProgram?
    public var errors: [Problem]
    public var warnings: [Problem]

    /// Parses and checks `text` (named `<ask>` in diagnostics).
    public static func run(_ text: String, catalog: Catalog, requireTags: Bool, request: String? = nil) -> SegmentValidation {
        let sources = SourceMap()
        let file = sources.add(path: "<ask>", text: text)
        let parsed = Parser.parse(file)
        let renderer = DiagnosticRenderer(sources: sources)
        func problems(_ ds: [Diagnostic]) -> [Problem] {
            ds.map { Problem(diagnostic: $0, rendered: renderer.human($0), offset: $0.span?.start) }
        }
        let parseErrors = parsed.diagnostics.filter { $0.severity == .error }
        if !parseErrors.isEmpty { return SegmentValidation(program: nil, errors: problems(parseErrors), warnings: []) }
        let options = CheckOptions(strict: false, requireTags: requireTags, request: request)
        let checked = Checker.check(files: [parsed.file], catalog: catalog, options: options)
        let errors = checked.diagnostics.filter { $0.severity == .error }
        let warnings = checked.diagnostics.filter { $0.severity != .error }
        return SegmentValidation(program: errors.isEmpty ? checked.program : nil, errors: problems(errors), warnings: problems(warnings))
    }
}
