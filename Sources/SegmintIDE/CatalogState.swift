import Foundation
import SegmintCore
import SegmintCatalog
import SegmintCheck

/// The catalog the editor checks against, and where it came from.
public struct CatalogState {
    /// Absolute path of the catalog file; nil when none is configured.
    public var path: String?
    /// Who named it: "the catalog setting" or the project file's path.
    public var origin: String
    /// The catalog's text (open buffer or file); nil when it could not be read.
    public var source: SourceFile?
    /// The indexed catalog; nil when missing or invalid.
    public var prepared: PreparedCatalog?
    /// Problems of the catalog file itself (spans point into `source`) or of finding it.
    public var diagnostics: [Diagnostic]
    /// Why there is no catalog, when there is none (shown on every document).
    public var problem: Diagnostic?

    public var uri: String? { path.map(DocumentURI.uri(ofPath:)) }
    public var catalog: Catalog? { prepared?.catalog }

    static func none(_ problem: Diagnostic) -> CatalogState {
        CatalogState(path: nil, origin: "", source: nil, prepared: nil, diagnostics: [], problem: problem)
    }

    /// Loads `path` from `openText` (the editor's unsaved buffer) when given, else from disk.
    /// The catalog's source always has file id 0 (documents start at 1).
    static func load(path: String, origin: String, openText: [UInt8]?) -> CatalogState {
        let bytes: [UInt8]
        if let openText { bytes = openText } else {
            guard let data = FileManager.default.contents(atPath: path), !isDirectory(path) else {
                let d = Diagnostic(code: IDECode.catalogUnreadable, message: "cannot read catalog \(path) (named by \(origin))",
                                   help: "set initializationOptions.catalog or the catalog key of segmint.yaml to an existing catalog file")
                return CatalogState(path: path, origin: origin, source: nil, prepared: nil, diagnostics: [], problem: d)
            }
            bytes = [UInt8](data)
        }
        let sources = SourceMap()
        let result = CatalogLoader.load(bytes: bytes, path: path, sources: sources)
        let prepared = result.catalog.map(PreparedCatalog.init)
        var problem: Diagnostic?
        if prepared == nil || result.diagnostics.hasErrors {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            problem = Diagnostic(code: IDECode.catalogInvalid,
                                 message: "the catalog \(path) has \(count) error\(count == 1 ? "" : "s"); names and values are not checked",
                                 help: "open the catalog file to see its errors")
        }
        return CatalogState(path: path, origin: origin, source: sources[0], prepared: result.diagnostics.hasErrors ? nil : prepared,
                            diagnostics: result.diagnostics, problem: problem)
    }

    static func isDirectory(_ path: String) -> Bool {
        var dir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }

    /// Byte range of the catalog line `line` (1-based), narrowed to `word` when it occurs on it.
    func range(ofLine line: Int, word: String) -> FileRange? {
        guard let source, let uri, line >= 1, line <= source.lineStarts.count else { return nil }
        let start = source.lineStarts[line - 1]
        let end = line < source.lineStarts.count ? source.lineStarts[line] : source.bytes.count
        let text = Array(source.bytes[start..<end])
        let w = Array(word.utf8)
        if !w.isEmpty, w.count <= text.count {
            for i in 0...(text.count - w.count) where Array(text[i..<(i + w.count)]) == w {
                let before = i == 0 ? 0x20 : text[i - 1], after = i + w.count < text.count ? text[i + w.count] : 0x20
                if !isNameByte(before), !isNameByte(after) { return FileRange(uri: uri, start: start + i, end: start + i + w.count) }
            }
        }
        return FileRange(uri: uri, start: start, end: start)
    }

    private func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
