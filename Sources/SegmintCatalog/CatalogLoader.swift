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
        if let problem = NonText.find(in: bytes) {
            let bad = problem.offset
            let message: String
            switch problem {
            case .nul: message = "catalog is binary data, not YAML text"
            case .invalidUTF8: message = "catalog is not valid UTF-8"
            }
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

    /// Where `key` is used again in the mapping whose first use is at `mark`: later on the same
    /// line (flow style `{a: 1, a: 2}`), or on a later line at the same indentation before the
    /// mapping ends (block style). Plain keys only; nil when not found.
    static func repeatOf(key: String, after mark: Mark, in file: SourceFile) -> (line: Int, column: Int)? {
        let first = Array(file.lineText(mark.line).unicodeScalars)
        let k = Array(key.unicodeScalars)
        func isKey(at i: Int, in line: [Unicode.Scalar]) -> Bool {
            guard i + k.count <= line.count, Array(line[i..<(i + k.count)]) == k else { return false }
            var j = i + k.count
            while j < line.count, line[j] == " " { j += 1 }
            return j < line.count && line[j] == ":"
        }
        // Flow style: a later `, key:` or `{key:` on the same line.
        var i = mark.column - 1 + k.count
        while i < first.count {
            if isKey(at: i, in: first) {
                var b = i - 1
                while b >= 0, first[b] == " " { b -= 1 }
                if b >= 0, first[b] == "," || first[b] == "{" { return (mark.line, i + 1) }
            }
            i += 1
        }
        // Block style: same indentation on later lines, until a shallower non-blank line.
        let indent = mark.column - 1
        var line = mark.line + 1
        while line <= file.lineStarts.count {
            let text = Array(file.lineText(line).unicodeScalars)
            let lead = text.prefix { $0 == " " }.count
            if lead < text.count, text[lead] != "#" {
                if lead < indent { return nil }
                if lead == indent, isKey(at: lead, in: text) { return (line, lead + 1) }
            }
            line += 1
        }
        return nil
    }

    /// The reason alone: FileInput's messages read "cannot read PATH: reason", and the path
    /// is already shown as the diagnostic's location.
    static func reason(_ error: Error) -> String {
        let text = "\(error)"
        guard text.hasPrefix("cannot read "), let r = text.range(of: ": ") else { return text }
        return String(text[r.upperBound...])
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
            let help = "each key may appear only once in a mapping; remove or merge the repeats"
            // Yams gives the first occurrence; point at the repeat and note the first.
            if let key = duplicates.first, let later = repeatOf(key: key, after: context.mark, in: spans.file) {
                var d = Diagnostic.error(CatalogCode.duplicateKey, "duplicate key \(names) in one mapping",
                                         at: spans.span(line: later.line, column: later.column, length: key.utf8.count), help: help)
                d.notes = [.init(span: spans.span(line: context.mark.line, column: context.mark.column, length: key.utf8.count),
                                 message: "first used here")]
                return d
            }
            return at(context.mark, "duplicate key \(names) in one mapping", code: CatalogCode.duplicateKey, help: help)
        case .reader(let problem, let offset, _, _):
            let start = min(offset ?? 0, spans.file.bytes.count)
            return .error(CatalogCode.notText, "catalog cannot be read as text: \(problem)",
                          at: Span(file: spans.file.id, start: start, end: start))
        default:
            return .error(CatalogCode.yamlSyntax, "invalid YAML: \(error)", at: Span(file: spans.file.id, start: 0, end: 0))
        }
    }
}
