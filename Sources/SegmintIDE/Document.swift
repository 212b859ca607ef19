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
        // Binary data and invalid UTF-8 are reported instead of parsed, as `check` does; a
        // document beyond the size limit is reported as too large.
        if nonText != nil || isTooLarge {
            return ParseResult(file: SegFile(segments: [], comments: [], span: Span(file: source.id, start: 0, end: 0)), diagnostics: [])
        }
        return Parser.parse(source)
    }()

    /// Names and windows of the document, in source order (found once: several features and
    /// every other document's change read them).
    public private(set) lazy var occurrences: [Occurrence] = Occurrences.collect(parsed.file)

    /// A NUL byte or invalid UTF-8 (the document is not text), found once.
    public private(set) lazy var nonText: NonText? = NonText.find(in: source.bytes)

    public var bytes: [UInt8] { source.bytes }

    /// Documents larger than this get one diagnostic and no other features: an editor asks for
    /// diagnostics on every change, and `segmint check` remains the tool for generated files.
    public static let maxAnalysedBytes = 16 << 20
    public var isTooLarge: Bool { source.bytes.count > Document.maxAnalysedBytes }

    /// Text the features work on: not binary, valid UTF-8, within the size limit.
    public var isAnalysable: Bool { !isTooLarge && nonText == nil }

    /// The segment names this document declares, with the span of each name.
    public var declarations: [Ident] { parsed.file.segments.map(\.name) }
}
