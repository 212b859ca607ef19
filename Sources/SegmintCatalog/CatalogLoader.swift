import SegmintCore
import Yams

/// The loader's product: a valid catalog, or nil and the diagnostics that say why.
public struct CatalogLoadResult: Sendable {
    public var catalog: Catalog?
    public var diagnostics: [Diagnostic]
    public init(catalog: Catalog?, diagnostics: [Diagnostic]) { self.catalog = catalog; self.diagnostics = diagnostics }

    /// True when the catalog file itself could not be read (missing, a directory): an I/O
    /// problem (exit 2) rather than a problem in its content (exit 1).
    public var isIOFailure: Bool { diagnostics.contains { $0.code == CatalogCode.unreadable } }
}

/// Reads and validates a catalog YAML file (spec §4). The file's text is added to `sources`,
/// so diagnostics point at its line and key with a caret like any other source.
public enum CatalogLoader {
    /// Loads the file at `path`. A missing, unreadable, empty or binary file ends in a diagnostic.
    public static func load(path: String, sources: SourceMap) -> CatalogLoadResult {
        load(path: path, displayPath: path, sources: sources)
    }

    /// Reads `path` but names the file `displayPath` in diagnostics and in `Catalog.path`
    /// (e.g. the path as the user typed it, relative to a base directory).
    public static func load(path: String, displayPath: String, sources: SourceMap) -> CatalogLoadResult {
        let bytes: [UInt8]
        do {
            bytes = try FileInput.read(path)
        } catch {
            return CatalogLoadResult(catalog: nil, diagnostics: [
                Diagnostic(code: CatalogCode.unreadable, message: "cannot read catalog: \(reason(error))",
                           help: "pass an existing catalog file with --catalog, e.g. catalogs/retail.yaml",
                           location: .init(file: displayPath)),
            ])
        }
        return load(bytes: bytes, path: displayPath, sources: sources)
    }

    /// Loads catalog text already in memory (tests, the pipeline); `path` is the name shown.
    public static func load(yaml: String, path: String, sources: SourceMap) -> CatalogLoadResult {
        load(bytes: Array(yaml.utf8), path: path, sources: sources)
    }

    /// Loads raw bytes: checks they are text before handing them to the YAML parser.
    public static func load(bytes: [UInt8], path: String, sources: SourceMap) -> CatalogLoadResult {
        let file = sources.add(path: path, bytes: bytes)
        if let bad = firstNonTextByte(bytes) {
            let message = bytes[bad] == 0 ? "catalog is binary data, not YAML text" : "catalog is not valid UTF-8"
            return CatalogLoadResult(catalog: nil, diagnostics: [
                .error(CatalogCode.notText, message, at: Span(file: file.id, start: bad, end: bad + 1)),
            ])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let spans = YAMLSpans(file: file)
        let root: Node?
        do {
            // The basic resolver keeps every scalar as written: no `NO` -> false, no `1.0` -> 1.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            return CatalogLoadResult(catalog: nil, diagnostics: [yamlDiagnostic(error, spans: spans)])
        } catch {
            return CatalogLoadResult(catalog: nil, diagnostics: [
                .error(CatalogCode.yamlSyntax, "catalog is not valid YAML: \(error)", at: Span(file: file.id, start: 0, end: 0)),
            ])
        }
        guard let root else {
            return CatalogLoadResult(catalog: nil, diagnostics: [
                Diagnostic(code: CatalogCode.empty, message: "catalog is empty",
                           help: "a catalog needs at least name, version and entity (spec §4)",
                           location: .init(file: path)),
            ])
        }
        let validator = CatalogValidator(spans: spans, path: path)
        let catalog = validator.validate(root)
        return CatalogLoadResult(catalog: catalog, diagnostics: validator.diagnostics)
    }

    /// The reason alone: FileInput's messages read "cannot read PATH: reason", and the path
    /// is already shown as the diagnostic's location.
    static func reason(_ error: Error) -> String {
        let text = "\(error)"
        guard text.hasPrefix("cannot read "), let r = text.range(of: ": ") else { return text }
        return String(text[r.upperBound...])
    }

    /// Offset of the first NUL byte or invalid UTF-8 sequence, if any.
    static func firstNonTextByte(_ bytes: [UInt8]) -> Int? {
        if let nul = bytes.firstIndex(of: 0) { return nul }
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return min(offset, max(0, bytes.count - 1))
            }
        }
    }

    static func yamlDiagnostic(_ error: YamlError, spans: YAMLSpans) -> Diagnostic {
        func at(_ mark: Mark, _ message: String, code: String = CatalogCode.yamlSyntax, help: String? = nil) -> Diagnostic {
            .error(code, message, at: spans.span(line: mark.line, column: mark.column), help: help)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var d = at(mark, "invalid YAML: \(problem)")
            if let context {
                // libyaml's context says what was open when the problem was found, and where.
                d.notes = [.init(span: spans.span(line: context.mark.line, column: context.mark.column),
                                 message: "\(context.text) that starts here")]
            }
            return d
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return at(context.mark, "duplicate key \(names) in one mapping", code: CatalogCode.duplicateKey,
                      help: "each key may appear only once in a mapping; remove or merge the repeats")
        case .reader(let problem, let offset, _, _):
            let start = min(offset ?? 0, spans.file.bytes.count)
            return .error(CatalogCode.notText, "catalog cannot be read as text: \(problem)",
                          at: Span(file: spans.file.id, start: start, end: start))
        default:
            return .error(CatalogCode.yamlSyntax, "invalid YAML: \(error)", at: Span(file: spans.file.id, start: 0, end: 0))
        }
    }
}
