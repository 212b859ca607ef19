import SegmintCore
import SegmintSyntax

/// One `.seg` text the editor features work on: an open editor buffer or a file of the
/// workspace. Immutable: a change makes a new document (with a new file id), so what was
/// computed for one version (the parse) is never stale.
public final class Document {
    public let uri: String
    /// The editor's version number; nil for files read from disk.
    public let version: Int?
    public let source: SourceFile

    public init(uri: String, version: Int?, fileID: Int, bytes: [UInt8]) {
        self.uri = uri
        self.version = version
        self.source = SourceFile(id: fileID, path: DocumentURI.path(of: uri) ?? uri, bytes: bytes)
    }

    /// Parsed once, on first use.
    public private(set) lazy var parsed: ParseResult = {
        // Binary data and invalid UTF-8 are reported instead of parsed, as `check` does.
        if nonText != nil {
            return ParseResult(file: SegFile(segments: [], comments: [], span: Span(file: source.id, start: 0, end: 0)), diagnostics: [])
        }
        return Parser.parse(source)
    }()

    /// A NUL byte or invalid UTF-8 (the document is not text), found once.
    public private(set) lazy var nonText: NonText? = NonText.find(in: source.bytes)

    public var bytes: [UInt8] { source.bytes }

    /// The segment names this document declares, with the span of each name.
    public var declarations: [Ident] { parsed.file.segments.map(\.name) }
}
