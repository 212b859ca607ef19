import SegmintCore
import SegmintCatalog
import Yams

/// One YAML file of a project (the project file, a data-test fixture) read into a node tree
/// with byte spans, so every problem is a diagnostic with file, line and caret.
final class YAMLDocument {
    let file: SourceFile
    let spans: YAMLSpans
    var diagnostics: [Diagnostic] = []
    /// Codes used for the file's own syntax and shape problems.
    let syntaxCode: String
    let shapeCode: String

    private init(file: SourceFile, syntaxCode: String, shapeCode: String) {
        self.file = file; spans = YAMLSpans(file: file)
        self.syntaxCode = syntaxCode; self.shapeCode = shapeCode
    }

    /// Parses `bytes` (added to `sources` as `path`). Returns the document and its root, or
    /// nil root with a diagnostic when the bytes are not text or not YAML. An empty file is an
    /// empty mapping.
    static func parse(bytes: [UInt8], path: String, sources: SourceMap, notText: String, syntax: String,
                      shape: String) -> (YAMLDocument, Node?) {
        let file = sources.add(path: path, bytes: bytes)
        let doc = YAMLDocument(file: file, syntaxCode: syntax, shapeCode: shape)
        if let problem = NonText.find(in: bytes) {
            let what: String
            switch problem {
            case .nul: what = "binary data, not YAML text"
            case .invalidUTF8: what = "not valid UTF-8"
            }
            doc.diagnostics.append(.error(notText, "\(path) is \(what)",
                                          at: Span(file: file.id, start: problem.offset, end: problem.offset + 1),
                                          help: "save the file as UTF-8 text"))
            return (doc, nil)
        }
        do {
            // The basic resolver keeps scalars as written (`NO` stays a string).
            let root = try Yams.compose(yaml: String(decoding: bytes, as: UTF8.self), .basic)
            return (doc, root ?? Node.mapping(Node.Mapping([])))
        } catch let error as YamlError {
            doc.diagnostics.append(doc.yamlDiagnostic(error))
        } catch {
            doc.diagnostics.append(.error(syntax, "\(path) is not valid YAML: \(error)", at: Span(file: file.id, start: 0, end: 0)))
        }
        return (doc, nil)
    }

    private func yamlDiagnostic(_ error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return .error(syntaxCode, "invalid YAML: \(problem)", at: spans.span(line: mark.line, column: mark.column))
        default:
            return .error(syntaxCode, "invalid YAML: \(error)", at: Span(file: file.id, start: 0, end: 0))
        }
    }

    // MARK: - Shape helpers (each reports what is wrong and returns nil)

    func span(_ node: Node) -> Span { spans.span(node) }

    func error(_ message: String, _ node: Node, code: String? = nil, help: String? = nil) {
        diagnostics.append(.error(code ?? shapeCode, message, at: span(node), help: help))
    }

    /// A mapping's entries in file order, keys as text.
    func entries(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            error("\(what) must be a mapping (key: value lines)", node)
            return nil
        }
        var out: [(key: String, keyNode: Node, value: Node)] = []
        for (k, v) in mapping {
            guard let name = k.scalar?.string else {
                error("keys of \(what) must be plain names", k)
                continue
            }
            if out.contains(where: { $0.key == name }) {
                error("\"\(name)\" is given twice in \(what)", k)
                continue
            }
            out.append((name, k, v))
        }
        return out
    }

    /// Warns about a key not in `known` (with did-you-mean); true when the key is known.
    func known(_ key: String, _ keyNode: Node, in known: [String], what: String, code: String) -> Bool {
        if known.contains(key) { return true }
        let help = Suggest.closest(to: key, in: known).map { "did you mean \"\($0)\"?" }
            ?? "known keys: \(known.joined(separator: ", "))"
        diagnostics.append(.warning(code, "unknown key \"\(key)\" in \(what) is ignored", at: span(keyNode), help: help))
        return false
    }

    func string(_ node: Node, key: String) -> Located<String>? {
        guard let s = node.scalar?.string else {
            error("\"\(key)\" must be a single value, not a list or mapping", node)
            return nil
        }
        guard !s.allSatisfy({ $0 == " " || $0 == "\t" }) else {
            error("\"\(key)\" must not be empty", node)
            return nil
        }
        return Located(s, span: span(node))
    }

    /// A single string or a list of strings.
    func strings(_ node: Node, key: String) -> [Located<String>]? {
        if node.scalar != nil { return string(node, key: key).map { [$0] } }
        guard let seq = node.sequence else {
            error("\"\(key)\" must be a value or a list of values", node)
            return nil
        }
        var out: [Located<String>] = []
        for item in seq {
            guard let s = string(item, key: key) else { return nil }
            out.append(s)
        }
        return out
    }
}
