import SegmintCore
import SegmintIDE

// The one seam between SegmintIDE's answers (byte offsets) and LSP JSON (positions in the
// negotiated encoding). Nothing else in the server builds protocol shapes from IDE types.

typealias JSONObject = [String: Any]

/// Converts positions of any file the server knows (documents and the catalog).
struct Proto {
    let host: AnalysisHost
    let encoding: PositionEncoding
    /// The client inserts snippets (`${1:x}`); else completions carry plain text.
    var snippets = true

    func converter(_ uri: String) -> PositionConverter? {
        host.source(of: uri).map { PositionConverter(source: $0, encoding: encoding) }
    }

    // MARK: from the protocol

    /// Byte offset of `{line, character}` in `uri`.
    func offset(_ uri: String, _ position: Any?) -> Int? {
        guard let p = position as? JSONObject, let line = Self.int(p["line"]), let ch = Self.int(p["character"]),
              let c = converter(uri) else { return nil }
        return c.offset(line: line, character: ch)
    }

    static func int(_ v: Any?) -> Int? {
        if let i = v as? Int { return i }
        if let d = v as? Double, d.rounded() == d, abs(d) < 1e15 { return Int(d) }
        return nil
    }

    // MARK: to the protocol

    static func position(_ p: (line: Int, character: Int)) -> JSONObject { ["line": p.line, "character": p.character] }

    func range(_ c: PositionConverter, _ start: Int, _ end: Int) -> JSONObject {
        ["start": Self.position(c.position(of: start)), "end": Self.position(c.position(of: end))]
    }

    func location(_ r: FileRange) -> JSONObject? {
        guard let c = converter(r.uri) else { return nil }
        return ["uri": r.uri, "range": range(c, r.start, r.end)]
    }

    func diagnostic(_ d: IDEDiagnostic, _ c: PositionConverter) -> JSONObject {
        let severity: Int
        switch d.severity {
        case .error: severity = 1
        case .warning: severity = 2
        case .note: severity = 3
        }
        var message = d.message
        if let help = d.help { message += "\nhelp: " + help }
        var out: JSONObject = ["range": range(c, d.start, d.end), "severity": severity, "code": d.code, "source": "segmint", "message": message]
        let related = d.related.compactMap { r -> JSONObject? in location(r.location).map { ["location": $0, "message": r.message] } }
        if !related.isEmpty { out["relatedInformation"] = related }
        return out
    }

    func edits(_ edits: [TextEdit], _ c: PositionConverter) -> [JSONObject] {
        edits.map { ["range": range(c, $0.start, $0.end), "newText": $0.newText] }
    }

    func workspaceEdit(_ byURI: [String: [TextEdit]]) -> JSONObject {
        var changes: JSONObject = [:]
        for (uri, list) in byURI {
            guard let c = converter(uri) else { continue }
            changes[uri] = edits(list, c)
        }
        return ["changes": changes]
    }

    func completion(_ item: CompletionItem, _ c: PositionConverter) -> JSONObject {
        let kind: Int
        switch item.kind {
        case .keyword: kind = 14
        case .facet: kind = 10      // Property
        case .event: kind = 23      // Event
        case .field: kind = 5       // Field
        case .value: kind = 12      // Value
        case .unit: kind = 11       // Unit
        case .segment: kind = 7     // Class
        case .tag: kind = 17        // Reference
        case .snippet: kind = 15
        }
        var out: JSONObject = [
            "label": item.label, "kind": kind, "sortText": item.sortText,
            "textEdit": ["range": range(c, item.replaceStart, item.replaceEnd),
                         "newText": item.isSnippet && !snippets ? SnippetText.plain(item.insertText) : item.insertText],
            "insertTextFormat": item.isSnippet && snippets ? 2 : 1,
        ]
        // Clients filter on filterText; for a value typed inside quotes the quotes are part of it.
        out["filterText"] = item.insertText.hasPrefix("\"") ? item.insertText : item.label
        if let d = item.detail { out["detail"] = d }
        if let doc = item.documentation { out["documentation"] = ["kind": "markdown", "value": doc] }
        return out
    }

    func symbol(_ s: DocumentSymbol, _ c: PositionConverter) -> JSONObject {
        let kind: Int
        switch s.kind {
        case .segment: kind = 5   // Class
        case .block: kind = 3     // Namespace
        case .property: kind = 7  // Property
        }
        var out: JSONObject = ["name": s.name, "kind": kind, "range": range(c, s.start, s.end),
                               "selectionRange": range(c, s.selectionStart, s.selectionEnd),
                               "children": s.children.map { symbol($0, c) }]
        if let d = s.detail { out["detail"] = d }
        return out
    }

    /// Semantic tokens, relative-encoded: (deltaLine, deltaStart, length, type, modifiers) per token.
    func semanticTokens(_ tokens: [SemanticToken], _ c: PositionConverter) -> [Int] {
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        var lastLine = 0, lastChar = 0
        for t in tokens {
            let p = c.position(of: t.start)
            let length = c.length(from: t.start, to: t.end)
            guard length > 0 else { continue }
            let dl = p.line - lastLine
            data += [dl, dl == 0 ? p.character - lastChar : p.character, length, t.type.rawValue, Int(t.modifiers)]
            lastLine = p.line
            lastChar = p.character
        }
        return data
    }

    static var semanticLegend: JSONObject {
        ["tokenTypes": SemanticTokenType.allCases.map(\.name), "tokenModifiers": SemanticTokenModifier.allCases.map(\.name)]
    }
}
