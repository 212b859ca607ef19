import SegmintCore
import SegmintSyntax

/// What the grammar expects at a cursor, read from the tokens before it (the text around a
/// cursor is usually incomplete, so the parser's AST is no help here).
struct CompletionContext {
    enum Place: Equatable {
        case topLevel, segmentBody, block
    }
    /// The tokens before the word being typed (comments skipped).
    var before: [Token] = []
    /// The word (or string) under the cursor that a completion replaces.
    var replaceStart: Int
    var replaceEnd: Int
    /// The cursor is inside a string literal.
    var inString = false
    /// The cursor is inside a comment: nothing to complete.
    var inComment = false
    var place: Place = .topLevel
    /// The event of the `has` condition the cursor is in, if any.
    var hasEvent: String?
    let bytes: [UInt8]

    init(source: SourceFile, offset: Int) {
        bytes = source.bytes
        replaceStart = offset
        replaceEnd = offset
        var lexer = Lexer(source: source)
        var tokens: [Token] = []
        while true {
            let t = lexer.next()
            if t.kind == .eof || t.start >= offset { break }
            // The word under the cursor (a name or keyword touching it) is what gets replaced.
            if t.end >= offset, t.kind == .ident || t.kind.isKeyword {
                replaceStart = t.start; replaceEnd = t.end
                break
            }
            if t.kind == .string, t.end > offset || (t.end == offset && !Self.closed(t, bytes)) {
                inString = true
                replaceStart = t.start; replaceEnd = Self.closed(t, bytes) ? t.end : offset
                break
            }
            tokens.append(t)
        }
        inComment = lexer.comments.contains { $0.span.start < offset && offset <= $0.span.end }
        before = tokens
        analyseStructure()
    }

    static func closed(_ t: Token, _ bytes: [UInt8]) -> Bool {
        t.end - t.start >= 2 && t.end <= bytes.count && bytes[t.end - 1] == 0x22
    }

    func text(_ t: Token) -> String { String(decoding: bytes[t.start..<min(t.end, bytes.count)], as: UTF8.self) }

    /// The i-th token back (1 = the last token before the word), or nil.
    func back(_ i: Int) -> Token? { before.count >= i ? before[before.count - i] : nil }
    func backKind(_ i: Int) -> TokenKind? { back(i)?.kind }

    /// Brace nesting and the `has` condition in force, by one pass over the tokens.
    mutating func analyseStructure() {
        var stack: [Place] = []
        var hasStack: [String?] = []
        var has: String?
        var prev: Token?
        var prev2: Token?
        for (i, t) in before.enumerated() {
            switch t.kind {
            case .lbrace:
                // `segment NAME ["title"] {` opens a segment body; include/exclude/all/any open a block.
                let isBody = (i >= 2 && before[i - 2].kind == .kwSegment) || (i >= 3 && before[i - 3].kind == .kwSegment && prev?.kind == .string)
                stack.append(isBody ? .segmentBody : .block)
                hasStack.append(has)
                has = nil
            case .rbrace:
                if !stack.isEmpty { stack.removeLast() }
                _ = hasStack.popLast()
                has = nil
            case .kwHas: has = nil
            case .ident where prev?.kind == .kwHas: has = text(t)
            case .kwAll, .kwAny, .kwNot where prev?.kind != .ident, .kwIn where prev?.kind != .ident && prev?.kind != .kwNot:
                has = nil
            case .ident:
                // A name right after a finished predicate starts a new condition (`and` continues the has).
                if let p = prev, Self.endsCondition(p.kind), prev2?.kind != .kwBetween { has = nil }
            default: break
            }
            prev2 = prev
            prev = t
        }
        place = stack.last ?? .topLevel
        hasEvent = has
    }

    /// Tokens that can end a predicate or condition.
    static func endsCondition(_ k: TokenKind) -> Bool {
        switch k {
        case .string, .int, .decimal, .date, .kwTrue, .kwFalse, .rbracket, .rparen, .rbrace, .kwMissing,
             .kwDay, .kwDays, .kwWeek, .kwWeeks, .kwMonth, .kwMonths, .kwYear, .kwYears:
            return true
        default: return false
        }
    }

    /// The name compared by the operator at `before[opIndex]`: `f`, or `E.f` as (E, f).
    func comparedName(beforeIndex opIndex: Int) -> (qualifier: String?, name: String)? {
        var i = opIndex - 1
        if i >= 0, before[i].kind == .kwNot { i -= 1 }
        guard i >= 0, before[i].kind == .ident else { return nil }
        let name = text(before[i])
        if i >= 2, before[i - 1].kind == .dot, before[i - 2].kind == .ident { return (text(before[i - 2]), name) }
        return (nil, name)
    }

    /// Index of the `[` of an unclosed list the cursor is in (`f in [ …`), if any.
    func openListBracket() -> Int? {
        var i = before.count - 1
        while i >= 0 {
            switch before[i].kind {
            case .lbracket: return i > 0 && before[i - 1].kind == .kwIn ? i : nil
            case .string, .int, .decimal, .date, .kwTrue, .kwFalse, .comma: i -= 1
            default: return nil
            }
        }
        return nil
    }
}
