import Foundation
import SegmintCore
import SegmintIDE

extension LanguageServer {
    /// Answers one request; throws an `RPCError` for the error response.
    func request(_ method: String, _ params: Any?) throws -> Any? {
        let p = params as? JSONObject ?? [:]
        switch method {
        case "initialize":
            if initialized { throw RPCError(code: RPCError.invalidRequest, message: "initialize was already called") }
            return initialize(p)
        case "shutdown":
            shutdownRequested = true
            return nil
        case "textDocument/completion":
            let (uri, c, offset) = try cursor(p)
            let items = host.completions(uri, at: offset).map { proto.completion($0, c) }
            return ["isIncomplete": false, "items": items]
        case "textDocument/hover":
            let (uri, c, offset) = try cursor(p)
            guard let h = host.hover(uri, at: offset) else { return nil }
            return ["contents": ["kind": "markdown", "value": h.markdown], "range": proto.range(c, h.start, h.end)]
        case "textDocument/definition":
            let (uri, _, offset) = try cursor(p)
            return host.definition(uri, at: offset).compactMap(location)
        case "textDocument/references":
            let (uri, _, offset) = try cursor(p)
            let include = ((p["context"] as? JSONObject)?["includeDeclaration"] as? Bool) ?? true
            return host.references(uri, at: offset, includeDeclaration: include).compactMap(location)
        case "textDocument/prepareRename":
            let (uri, c, offset) = try cursor(p)
            guard let r = host.prepareRename(uri, at: offset) else { return nil }
            return proto.range(c, r.start, r.end)
        case "textDocument/rename":
            let (uri, _, offset) = try cursor(p)
            guard let name = p["newName"] as? String else { throw RPCError(code: RPCError.invalidParams, message: "rename needs newName") }
            switch host.rename(uri, at: offset, to: name) {
            case .success(let edits):
                var byClient: [String: [TextEdit]] = [:]
                for (u, e) in edits { byClient[u] = e }
                return renamed(proto.workspaceEdit(byClient))
            case .failure(let e): throw RPCError(code: RPCError.requestFailed, message: e.message)
            }
        case "textDocument/documentSymbol":
            let (uri, c) = try document(p)
            return host.symbols(uri).map { proto.symbol($0, c) }
        case "textDocument/formatting":
            let (uri, c) = try document(p)
            switch host.format(uri) {
            case .success(let edits): return proto.edits(edits, c)
            case .failure(let e): throw RPCError(code: RPCError.requestFailed, message: e.message)
            }
        case "textDocument/codeAction":
            return try codeActions(p)
        case "textDocument/semanticTokens/full":
            let (uri, c) = try document(p)
            return ["data": proto.semanticTokens(host.semanticTokens(uri), c)]
        default:
            throw RPCError(code: RPCError.methodNotFound, message: "unknown method \(method)")
        }
    }

    /// The document of `params.textDocument.uri` and its position converter. An unknown
    /// document is an invalid-params error (a client must open a document before asking).
    func document(_ p: JSONObject) throws -> (String, PositionConverter) {
        guard let raw = (p["textDocument"] as? JSONObject)?["uri"] as? String else {
            throw RPCError(code: RPCError.invalidParams, message: "textDocument.uri is missing")
        }
        let uri = DocumentURI.normalized(raw)
        guard let c = proto.converter(uri) else {
            throw RPCError(code: RPCError.invalidParams, message: "unknown document \(raw) (open it first)")
        }
        return (uri, c)
    }

    func cursor(_ p: JSONObject) throws -> (String, PositionConverter, Int) {
        let (uri, c) = try document(p)
        guard let offset = proto.offset(uri, p["position"]) else {
            throw RPCError(code: RPCError.invalidParams, message: "position is missing or not {line, character}")
        }
        return (uri, c, offset)
    }

    func location(_ r: FileRange) -> JSONObject? {
        guard var l = proto.location(r) else { return nil }
        l["uri"] = clientURI(r.uri)
        return l
    }

    /// Client spellings for the URIs of a workspace edit.
    func renamed(_ edit: JSONObject) -> JSONObject {
        guard let changes = edit["changes"] as? JSONObject else { return edit }
        var out: JSONObject = [:]
        for (u, e) in changes { out[clientURI(u)] = e }
        return ["changes": out]
    }

    func codeActions(_ p: JSONObject) throws -> [JSONObject] {
        let (uri, c) = try document(p)
        guard let range = p["range"] as? JSONObject, let start = proto.offset(uri, range["start"]), let end = proto.offset(uri, range["end"]) else {
            throw RPCError(code: RPCError.invalidParams, message: "range is missing")
        }
        return host.codeActions(uri, start: start, end: end).map { pair in
            ["title": pair.fix.title, "kind": "quickfix", "isPreferred": true,
             "diagnostics": [proto.diagnostic(pair.diagnostic, c)],
             "edit": ["changes": [clientURI(uri): proto.edits(pair.fix.edits, c)]]] as JSONObject
        }
    }
}
