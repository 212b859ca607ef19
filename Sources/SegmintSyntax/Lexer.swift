import SegmintCore

/// Turns bytes into tokens on demand (the parser pulls them), so a 50 MB file never holds a
/// token array. Works on `[UInt8]` only: no per-character `String` work, no regex.
///
/// Bad input never stops the lexer: it records a diagnostic and keeps going. Runs of stray
/// bytes are reported once per run, so binary garbage gives a bounded number of diagnostics.
public struct Lexer {
    public let file: Int
    let bytes: [UInt8]
    var pos: Int
    /// Lexical diagnostics, in source order.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Every `#` comment seen so far, in source order.
    public private(set) var comments: [Comment] = []
    /// Diagnostics beyond this many are dropped (one "too many errors" note is added).
    static let maxDiagnostics = 500

    public init(source: SourceFile) {
        self.file = source.id
        self.bytes = source.bytes
        // A UTF-8 byte order mark is allowed at the very start and ignored.
        self.pos = source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Lexes the whole source (tests and tools; the parser pulls tokens one at a time).
    public static func tokenize(_ source: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic], comments: [Comment]) {
        var lexer = Lexer(source: source)
        var tokens: [Token] = []
        while true {
            let t = lexer.next()
            tokens.append(t)
            if t.kind == .eof { break }
        }
        return (tokens, lexer.diagnostics, lexer.comments)
    }

    mutating func report(_ code: String, _ message: String, _ start: Int, _ end: Int, help: String? = nil) {
        if diagnostics.count < Lexer.maxDiagnostics {
            diagnostics.append(.error(code, message, at: Span(file: file, start: start, end: end), help: help))
        } else if diagnostics.count == Lexer.maxDiagnostics {
            diagnostics.append(.error("E0110", "too many lexical errors; not reporting more",
                                      at: Span(file: file, start: start, end: end)))
        }
    }

    @inline(__always) func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

    @inline(__always) static func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F
    }
    @inline(__always) static func isIdentChar(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// The next token; `.eof` forever once the input is exhausted.
    public mutating func next() -> Token {
        while pos < bytes.count {
            let b = bytes[pos]
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D:
                pos += 1
            case 0x23: // '#'
                lexComment()
            case 0x22: // '"'
                return lexString()
            case 0x7B: return punct(.lbrace)
            case 0x7D: return punct(.rbrace)
            case 0x5B: return punct(.lbracket)
            case 0x5D: return punct(.rbracket)
            case 0x28: return punct(.lparen)
            case 0x29: return punct(.rparen)
            case 0x2C: return punct(.comma)
            case 0x2E: return punct(.dot)
            case 0x3A: return punct(.colon)
            case 0x3D: return punct(.eq)
            case 0x3C: return byte(pos + 1) == 0x3D ? punct(.le, 2) : punct(.lt)
            case 0x3E: return byte(pos + 1) == 0x3D ? punct(.ge, 2) : punct(.gt)
            case 0x21 where byte(pos + 1) == 0x3D: return punct(.ne, 2)
            case 0x2D where Lexer.isDigit(byte(pos + 1)):
                return lexNumber()
            default:
                if Lexer.isDigit(b) { return lexNumber() }
                if Lexer.isIdentStart(b) { return lexIdent() }
                return lexStray()
            }
        }
        return Token(kind: .eof, start: bytes.count, end: bytes.count)
    }

    @inline(__always) mutating func punct(_ kind: TokenKind, _ length: Int = 1) -> Token {
        let t = Token(kind: kind, start: pos, end: pos + length)
        pos += length
        return t
    }

    mutating func lexIdent() -> Token {
        let start = pos
        pos += 1
        while pos < bytes.count, Lexer.isIdentChar(bytes[pos]) { pos += 1 }
        return Token(kind: keywordKind(start, pos - start) ?? .ident, start: start, end: pos)
    }

    func keywordKind(_ start: Int, _ length: Int) -> TokenKind? {
        guard length >= 2, length < 16 else { return nil }
        let (lo, hi) = bytes.withUnsafeBufferPointer { Keywords.pack($0, start, length) }
        for k in Keywords.packedByLength[length] where k.lo == lo && k.hi == hi { return k.kind }
        return nil
    }

    mutating func lexComment() {
        let start = pos
        pos += 1
        var end = pos
        var valid = true
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
            if bytes[end] < 0x80 { end += 1; continue }
            let n = Lexer.utf8Length(bytes, end)
            if n == 0 {
                if valid { report("E0101", "invalid UTF-8 in comment", end, end + 1) }
                valid = false
                end += 1
            } else {
                end += n
            }
        }
        pos = end
        var textEnd = end
        if textEnd > start + 1, bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
        comments.append(Comment(text: String(decoding: bytes[(start + 1)..<textEnd], as: UTF8.self),
                                span: Span(file: file, start: start, end: textEnd)))
    }

    /// `STRING = '"' { char | escape } '"'`; escapes `\" \\ \n \t \u{HEX}`.
    mutating func lexString() -> Token {
        let start = pos
        pos += 1
        var hasEscapes = false
        while pos < bytes.count {
            let b = bytes[pos]
            if b == 0x22 { pos += 1; return Token(kind: .string, start: start, end: pos, hasEscapes: hasEscapes) }
            if b == 0x0A {
                report("E0104", "newline inside string literal", start, pos,
                       help: "close the string with \" on the same line, or write \\n for a newline")
                return Token(kind: .string, start: start, end: pos, hasEscapes: hasEscapes)
            }
            if b == 0x5C {
                hasEscapes = true
                lexEscape()
                continue
            }
            if b < 0x80 {
                if b < 0x20 && b != 0x09 || b == 0x7F {
                    report("E0102", "control character in string literal", pos, pos + 1,
                           help: "write it as an escape, e.g. \\u{\(String(b, radix: 16, uppercase: true))}")
                }
                pos += 1
                continue
            }
            let n = Lexer.utf8Length(bytes, pos)
            if n == 0 {
                // One diagnostic for the bad byte and the continuation bytes after it.
                let bad = pos
                pos += 1
                while pos < bytes.count, bytes[pos] & 0xC0 == 0x80 { pos += 1 }
                report("E0101", "invalid UTF-8 in string literal", bad, pos)
            } else {
                pos += n
            }
        }
        report("E0103", "unterminated string literal", start, pos, help: "add a closing \"")
        return Token(kind: .string, start: start, end: pos, hasEscapes: hasEscapes)
    }

    /// Validates one escape at `pos` (a backslash) and moves past it.
    mutating func lexEscape() {
        let start = pos
        let e = byte(pos + 1)
        switch e {
        case 0x22, 0x5C, 0x6E, 0x74: // " \ n t
            pos += 2
        case 0x75: // u
            pos += 2
            guard byte(pos) == 0x7B else {
                report("E0106", "invalid unicode escape: expected \"{\" after \\u", start, pos,
                       help: "write a code point as \\u{1F600}")
                return
            }
            pos += 1
            var value: UInt32 = 0
            var digits = 0
            while let h = Lexer.hexValue(byte(pos)) {
                if digits < 8 { value = value &* 16 &+ UInt32(h) }
                digits += 1
                pos += 1
            }
            guard byte(pos) == 0x7D else {
                report("E0106", "invalid unicode escape: expected hex digits and \"}\"", start, pos,
                       help: "write a code point as \\u{1F600}")
                return
            }
            pos += 1
            if digits == 0 || digits > 6 || Unicode.Scalar(value) == nil {
                report("E0106", "invalid unicode escape: not a Unicode scalar value", start, pos)
            }
        case 0x0A, 0:
            pos += 1 // the newline (or end) is reported by the string loop
            report("E0105", "unknown escape \"\\\" at end of line", start, pos)
        default:
            let n = e < 0x80 ? 1 : max(1, Lexer.utf8Length(bytes, pos + 1))
            pos += 1 + n
            let shown = String(decoding: bytes[(start)..<min(pos, bytes.count)], as: UTF8.self)
            report("E0105", "unknown escape \"\(shown)\" in string literal", start, pos,
                   help: "the escapes are \\\" \\\\ \\n \\t \\u{HEX}")
        }
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x61...0x66: return b - 0x61 + 10
        case 0x41...0x46: return b - 0x41 + 10
        default: return nil
        }
    }

    /// Integers, decimals (`-12.50`) and dates (`2025-02-30`, validated).
    mutating func lexNumber() -> Token {
        let start = pos
        let negative = bytes[pos] == 0x2D
        if negative { pos += 1 }
        let digitsStart = pos
        while pos < bytes.count, Lexer.isDigit(bytes[pos]) { pos += 1 }
        // A digit run followed by "-digit" can only be a date: numbers have no arithmetic.
        if !negative, byte(pos) == 0x2D, Lexer.isDigit(byte(pos + 1)) {
            return lexDate(start)
        }
        var isDecimal = false
        if byte(pos) == 0x2E, Lexer.isDigit(byte(pos + 1)) {
            isDecimal = true
            pos += 1
            while pos < bytes.count, Lexer.isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, Lexer.isIdentChar(bytes[pos]) || bytes[pos] == 0x2E {
            while pos < bytes.count, Lexer.isIdentChar(bytes[pos]) || bytes[pos] == 0x2E { pos += 1 }
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            report("E0109", "invalid number \"\(text)\"", start, pos,
                   help: "numbers are written like 42, -3 or 12.50")
            return Token(kind: isDecimal ? .decimal : .int, start: start, end: pos)
        }
        if isDecimal {
            if Lexer.significantDigits(bytes, digitsStart, pos) > 38 {
                report("E0108", "number out of range: a decimal has at most 38 significant digits", start, pos)
            }
        } else if !Lexer.fitsInt64(bytes, digitsStart, pos, negative: negative) {
            report("E0108", "number out of range: integers must fit in 64 bits", start, pos,
                   help: "the range is -9223372036854775808 to 9223372036854775807")
        }
        return Token(kind: isDecimal ? .decimal : .int, start: start, end: pos)
    }

    mutating func lexDate(_ start: Int) -> Token {
        while pos < bytes.count, Lexer.isDigit(bytes[pos]) || bytes[pos] == 0x2D { pos += 1 }
        if pos < bytes.count, Lexer.isIdentChar(bytes[pos]) {
            while pos < bytes.count, Lexer.isIdentChar(bytes[pos]) { pos += 1 }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        if CivilDate(iso: text) == nil {
            var help = "dates are written YYYY-MM-DD, e.g. 2026-03-01"
            let b = Array(text.utf8)
            if b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
               let y = Int(text.prefix(4)), let m = Int(text.dropFirst(5).prefix(2)), (1...12).contains(m), y >= 1 {
                let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]
                help = "\(names[m - 1]) \(y) has \(CivilDate.daysIn(year: y, month: m)) days"
            }
            report("E0107", "invalid date \"\(text)\"", start, pos, help: help)
        }
        return Token(kind: .date, start: start, end: pos)
    }

    static func significantDigits(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Int {
        var count = 0
        var leading = true
        for i in from..<to where bytes[i] != 0x2E {
            if leading && bytes[i] == 0x30 { continue }
            leading = false
            count += 1
        }
        return count
    }

    static func fitsInt64(_ bytes: [UInt8], _ from: Int, _ to: Int, negative: Bool) -> Bool {
        var i = from
        while i < to - 1, bytes[i] == 0x30 { i += 1 }
        let digits = bytes[i..<to]
        let limit: [UInt8] = Array((negative ? "9223372036854775808" : "9223372036854775807").utf8)
        if digits.count != limit.count { return digits.count < limit.count }
        return !digits.lexicographicallyPrecedes(limit) ? digits.elementsEqual(limit) : true
    }

    /// A run of bytes that start no token: reported once, as a stray character or invalid UTF-8.
    mutating func lexStray() -> Token {
        let start = pos
        var invalidUTF8 = false
        var count = 0
        while pos < bytes.count {
            let b = bytes[pos]
            if b < 0x80 {
                if Lexer.startsToken(b, byte(pos + 1)) { break }
                pos += 1
            } else {
                let n = Lexer.utf8Length(bytes, pos)
                if n == 0 { invalidUTF8 = true; pos += 1 } else { pos += n }
            }
            count += 1
        }
        if invalidUTF8 {
            report("E0101", "invalid UTF-8", start, pos, help: "a .seg file must be UTF-8 text")
        } else {
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            let shown = count > 20 ? String(text.unicodeScalars.prefix(20).map(Character.init)) + "…" : text
            let printable = shown.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
            let what = count == 1 ? "unexpected character" : "unexpected characters"
            report("E0102", printable ? "\(what) \"\(shown)\"" : "\(what) (control bytes)", start, pos,
                   help: Lexer.strayHelp(bytes[start]))
        }
        return Token(kind: .invalid, start: start, end: pos)
    }

    /// A hint for stray characters that users coming from other languages type.
    static func strayHelp(_ b: UInt8) -> String? {
        switch b {
        case 0x27: return "strings are written in double quotes: \"text\""
        case 0x26, 0x7C: return "combine conditions with all { … } or any { … }"
        case 0x21: return "negate a condition with not, or compare with !="
        case 0x2F: return "comments start with #"
        default: return nil
        }
    }

    /// True when ASCII byte `b` (followed by `next`) begins a token, whitespace or a comment.
    static func startsToken(_ b: UInt8, _ next: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D, 0x23, 0x22, 0x7B, 0x7D, 0x5B, 0x5D, 0x28, 0x29, 0x2C, 0x2E,
             0x3A, 0x3D, 0x3C, 0x3E:
            return true
        case 0x21: return next == 0x3D
        case 0x2D: return isDigit(next)
        default: return isIdentChar(b)
        }
    }

    /// Length of the valid UTF-8 sequence at `i` (2...4), or 0 when it is not valid UTF-8
    /// (overlong forms, surrogates and code points above U+10FFFF are invalid).
    static func utf8Length(_ bytes: [UInt8], _ i: Int) -> Int {
        let b0 = bytes[i]
        func cont(_ k: Int) -> UInt8? {
            guard i + k < bytes.count, bytes[i + k] & 0xC0 == 0x80 else { return nil }
            return bytes[i + k]
        }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) != nil ? 2 : 0
        case 0xE0...0xEF:
            guard let b1 = cont(1), cont(2) != nil else { return 0 }
            if b0 == 0xE0 && b1 < 0xA0 { return 0 }   // overlong
            if b0 == 0xED && b1 >= 0xA0 { return 0 }  // surrogate
            return 3
        case 0xF0...0xF4:
            guard let b1 = cont(1), cont(2) != nil, cont(3) != nil else { return 0 }
            if b0 == 0xF0 && b1 < 0x90 { return 0 }   // overlong
            if b0 == 0xF4 && b1 >= 0x90 { return 0 }  // above U+10FFFF
            return 4
        default:
            return 0
        }
    }

    /// Decodes a string token's value (the lexer has already reported any bad escape).
    static func decodeString(_ bytes: [UInt8], _ token: Token) -> String {
        let from = token.start + 1
        var to = token.end
        if to > from, to <= bytes.count, bytes[to - 1] == 0x22, to - 1 >= from { to -= 1 }
        guard from <= to, to <= bytes.count else { return "" }
        if !token.hasEscapes { return String(decoding: bytes[from..<to], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        var i = from
        while i < to {
            let b = bytes[i]
            guard b == 0x5C, i + 1 < to else { out.append(b); i += 1; continue }
            switch bytes[i + 1] {
            case 0x22: out.append(0x22); i += 2
            case 0x5C: out.append(0x5C); i += 2
            case 0x6E: out.append(0x0A); i += 2
            case 0x74: out.append(0x09); i += 2
            case 0x75:
                var j = i + 2
                var value: UInt32 = 0
                if j < to, bytes[j] == 0x7B {
                    j += 1
                    var digits = 0
                    while j < to, let h = hexValue(bytes[j]) { if digits < 8 { value = value &* 16 &+ UInt32(h) }; digits += 1; j += 1 }
                    if j < to, bytes[j] == 0x7D { j += 1 }
                }
                if let scalar = Unicode.Scalar(value) { out.append(contentsOf: Array(String(Character(scalar)).utf8)) }
                i = max(j, i + 2)
            default:
                i += 2 // unknown escape: already reported; dropped
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
