import SegmintCore

/// The parser's product: the AST (possibly partial, after recovery) and every syntax diagnostic.
public struct ParseResult: Sendable {
    public var file: SegFile
    public var diagnostics: [Diagnostic]
    public init(file: SegFile, diagnostics: [Diagnostic]) { self.file = file; self.diagnostics = diagnostics }
}

/// Hand-written recursive-descent parser for `grammar/segment.ebnf`.
public enum Parser {
    /// Parses one source. Never throws or traps: bad input ends in diagnostics.
    public static func parse(_ source: SourceFile) -> ParseResult {
        // TODO(#2): stub until the parser lands.
        ParseResult(file: SegFile(segments: [], comments: [], span: Span(file: source.id, start: 0, end: source.bytes.count)), diagnostics: [])
    }
}
