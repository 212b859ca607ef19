/// Reads the DuckDB tool's `-json` output: one array of row objects per statement that
/// returns rows. Keys stay in column order (duplicates kept); each value becomes its text
/// form: strings unescaped, numbers and `true`/`false` as written (`NaN`, `Infinity` too),
/// `null` as nil, nested lists and structs as their JSON text.
enum DuckDBJSON {
    typealias Object = [(key: String, value: String?)]

    static func parseArrays(_ text: String) throws -> [[Object]] {
        var p = Parser(bytes: Array(text.utf8))
        var arrays: [[Object]] = []
        while true {
            p.skipSpace()
            if p.atEnd { return arrays }
            arrays.append(try p.array())
        }
    }

    struct Parser {
        let bytes: [UInt8]
        var i = 0
        var atEnd: Bool { i >= bytes.count }

        func fail(_ what: String) -> DatabaseError {
            DatabaseError(.sql, "unreadable DuckDB output at byte \(i): \(what)")
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
        }

        mutating func expect(_ c: UInt8) throws {
            skipSpace()
            guard i < bytes.count, bytes[i] == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'") }
            i += 1
        }

        mutating func array() throws -> [Object] {
            try expect(UInt8(ascii: "["))
            var rows: [Object] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return rows }
            while true {
                rows.append(try object())
                skipSpace()
                guard i < bytes.count else { throw fail("unterminated array") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "]")); return rows
            }
        }

        mutating func object() throws -> Object {
            try expect(UInt8(ascii: "{"))
            var fields: Object = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return fields }
            while true {
                skipSpace()
                let key = try string()
                try expect(UInt8(ascii: ":"))
                fields.append((key, try value()))
                skipSpace()
                guard i < bytes.count else { throw fail("unterminated object") }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                try expect(UInt8(ascii: "}")); return fields
            }
        }

        /// A value's text; nested arrays and objects are returned as their raw JSON.
        mutating func value() throws -> String? {
            skipSpace()
            guard i < bytes.count else { throw fail("missing value") }
            switch bytes[i] {
            case UInt8(ascii: "\""): return try string()
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let start = i
                try skipNested()
                return String(decoding: bytes[start..<i], as: UTF8.self)
            default:
                let start = i
                while i < bytes.count, !",}] \n\r\t".utf8.contains(bytes[i]) { i += 1 }
                let word = String(decoding: bytes[start..<i], as: UTF8.self)
                guard !word.isEmpty else { throw fail("missing value") }
                return word == "null" ? nil : word
            }
        }

        mutating func skipNested() throws {
            var depth = 0
            while i < bytes.count {
                let c = bytes[i]
                if c == UInt8(ascii: "\"") { _ = try string(); continue }
                i += 1
                if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1 }
                if c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { depth -= 1; if depth == 0 { return } }
            }
            throw fail("unterminated list or struct")
        }

        mutating func string() throws -> String {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string") }
            i += 1
            var out: [UInt8] = []
            while i < bytes.count {
                let c = bytes[i]; i += 1
                if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard c == UInt8(ascii: "\\") else { out.append(c); continue }
                guard i < bytes.count else { break }
                let e = bytes[i]; i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"): out.append(contentsOf: Array(String(try unicodeEscape()).utf8))
                default: out.append(e)
                }
            }
            throw fail("unterminated string")
        }

        /// `\uXXXX` (after the `u`), joining a surrogate pair; a lone surrogate becomes U+FFFD.
        mutating func unicodeEscape() throws -> Character {
            let high = try hex4()
            if (0xD800..<0xDC00).contains(high), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                i += 2
                let low = try hex4()
                if (0xDC00..<0xE000).contains(low),
                   let s = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) { return Character(s) }
                return "\u{FFFD}"
            }
            return Unicode.Scalar(high).map(Character.init) ?? "\u{FFFD}"
        }

        mutating func hex4() throws -> UInt32 {
            guard i + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16) else {
                throw fail("bad \\u escape")
            }
            i += 4
            return v
        }
    }
}
