import SegmintCore

/// The kinds of token in `grammar/segment.ebnf`. Keywords are their own kinds so the parser
/// compares small integers, never strings.
public enum TokenKind: UInt8, Sendable {
    case eof
    /// A run of stray bytes, already reported by the lexer: the parser stays silent about it.
    case invalid
    case ident, string, int, decimal, date
    case lbrace, rbrace, lbracket, rbracket, lparen, rparen, comma, dot, colon
    case eq, ne, lt, le, gt, ge
    // Reserved words (spec §1).
    case kwSegment, kwDescription, kwAsOf, kwInclude, kwExclude, kwAll, kwAny, kwNot, kwIn, kwHas
    case kwWhere, kwAnd, kwDuring, kwLast, kwSince, kwBefore, kwTo, kwFiscalYear, kwFiscalQuarter
    case kwCount, kwSum, kwAvg, kwMin, kwMax, kwCountDistinct, kwBetween, kwContains, kwStartsWith
    case kwIs, kwMissing, kwTrue, kwFalse, kwFrom
    case kwDay, kwDays, kwWeek, kwWeeks, kwMonth, kwMonths, kwYear, kwYears

    public var isKeyword: Bool { rawValue >= TokenKind.kwSegment.rawValue }

    /// The spelling of a keyword or punctuation token; nil for tokens with variable text.
    public var fixedText: String? {
        switch self {
        case .eof, .invalid, .ident, .string, .int, .decimal, .date: return nil
        case .lbrace: return "{"
        case .rbrace: return "}"
        case .lbracket: return "["
        case .rbracket: return "]"
        case .lparen: return "("
        case .rparen: return ")"
        case .comma: return ","
        case .dot: return "."
        case .colon: return ":"
        case .eq: return "="
        case .ne: return "!="
        case .lt: return "<"
        case .le: return "<="
        case .gt: return ">"
        case .ge: return ">="
        default: return Keywords.spelling[Int(rawValue - TokenKind.kwSegment.rawValue)]
        }
    }
}

extension Keywords {
    /// Keyword spellings in `TokenKind` order, starting at `kwSegment`.
    static let spelling: [String] = [
        "segment", "description", "as_of", "include", "exclude", "all", "any", "not", "in", "has",
        "where", "and", "during", "last", "since", "before", "to", "fiscal_year", "fiscal_quarter",
        "count", "sum", "avg", "min", "max", "count_distinct", "between", "contains", "starts_with",
        "is", "missing", "true", "false", "from",
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]

    /// A keyword's bytes packed little-endian into two words, so the lexer compares a
    /// candidate name with two integer compares and no allocation.
    struct Packed: Sendable {
        let lo: UInt64
        let hi: UInt64
        let kind: TokenKind
    }

    /// Packs up to 16 bytes of `bytes[start..<start+length]`.
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int) -> (UInt64, UInt64) {
        var lo: UInt64 = 0, hi: UInt64 = 0
        for i in 0..<min(length, 8) { lo |= UInt64(bytes[start + i]) << (8 * UInt64(i)) }
        if length > 8 { for i in 8..<length { hi |= UInt64(bytes[start + i]) << (8 * UInt64(i - 8)) } }
        return (lo, hi)
    }

    /// Keywords by length: `packedByLength[n]` holds the keywords of n bytes (n < 16).
    static let packedByLength: [[Packed]] = {
        var table = [[Packed]](repeating: [], count: 16)
        for (i, word) in spelling.enumerated() {
            guard let kind = TokenKind(rawValue: TokenKind.kwSegment.rawValue + UInt8(i)) else { continue }
            let b = Array(word.utf8)
            let (lo, hi) = b.withUnsafeBufferPointer { pack($0, 0, b.count) }
            table[b.count].append(Packed(lo: lo, hi: hi, kind: kind))
        }
        return table
    }()
}

/// One token: its kind and byte range `[start, end)` in the source.
public struct Token: Sendable, Equatable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int
    /// For strings: true when the literal holds a backslash escape (the parser decodes it).
    public var hasEscapes: Bool

    public init(kind: TokenKind, start: Int, end: Int, hasEscapes: Bool = false) {
        self.kind = kind; self.start = start; self.end = end; self.hasEscapes = hasEscapes
    }
}
