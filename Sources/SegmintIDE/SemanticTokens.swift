import SegmintCore
import SegmintSyntax

extension AnalysisHost {
    /// Every token of the document with its semantic type, in source order. Names take the
    /// type of what they name (segment, facet, event, field); comments are included.
    public func semanticTokens(_ uri: String) -> [SemanticToken] {
        guard let doc = document(uri), doc.isAnalysable else { return [] }
        var names: [Int: (SemanticTokenType, UInt32)] = [:]
        for o in doc.occurrences {
            switch o.kind {
            case .segmentDeclaration: names[o.span.start] = (.type, SemanticTokenModifier.declaration.bit)
            case .segmentReference: names[o.span.start] = (.type, 0)
            case .facet, .field: names[o.span.start] = (.property, 0)
            case .event: names[o.span.start] = (.event, 0)
            case .window: break
            }
        }
        let lexed = Lexer.tokenize(doc.source)
        var out: [SemanticToken] = []
        out.reserveCapacity(lexed.tokens.count + lexed.comments.count)
        var comments = lexed.comments[...]
        for t in lexed.tokens where t.kind != .eof && t.kind != .invalid {
            while let c = comments.first, c.span.start < t.start {
                out.append(SemanticToken(start: c.span.start, end: c.span.end, type: .comment, modifiers: 0))
                comments = comments.dropFirst()
            }
            guard let (type, mods) = Self.tokenType(t, names: names, bytes: doc.bytes) else { continue }
            out.append(SemanticToken(start: t.start, end: t.end, type: type, modifiers: mods))
        }
        for c in comments { out.append(SemanticToken(start: c.span.start, end: c.span.end, type: .comment, modifiers: 0)) }
        return out
    }

    static func tokenType(_ t: Token, names: [Int: (SemanticTokenType, UInt32)], bytes: [UInt8]) -> (SemanticTokenType, UInt32)? {
        switch t.kind {
        case .string: return (.string, 0)
        case .int, .decimal, .date: return (.number, 0)
        case .eq, .ne, .lt, .le, .gt, .ge: return (.operatorToken, 0)
        case .ident:
            if let n = names[t.start] { return n }
            let text = String(decoding: bytes[t.start..<min(t.end, bytes.count)], as: UTF8.self)
            if text == "RETRIEVED" || text == "INFERRED" { return (.decorator, 0) }
            if ["Q1", "Q2", "Q3", "Q4"].contains(text) { return (.enumMember, 0) }
            return (.variable, 0)
        default:
            return t.kind.isKeyword ? (.keyword, 0) : nil
        }
    }
}
