import SegmintCore

/// Identifier and literal quoting that SQLite and PostgreSQL both accept, shared by the
/// runners, demo data and catalog import (no Foundation).
public enum SQLText {
    /// `"a""b"`: the identifier quoting SQLite and PostgreSQL both accept. Quotes are found per
    /// scalar: a quote followed by a combining mark is one Character but still a quote to SQL.
    public static func quoteIdentifier(_ name: String) -> String { doubling(name, "\"") }

    /// A catalog table name: `schema.table` is split on dots and each part quoted, exactly as
    /// the SQL compiler writes it, so demo tables land where compiled segments look for them.
    public static func quoteTableName(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { quoteIdentifier(String($0)) }.joined(separator: ".")
    }

    /// `'it''s'`: a string literal both databases accept (standard_conforming_strings on).
    public static func quoteLiteral(_ value: String) -> String { doubling(value, "'") }

    /// `s` between two `q`s with every `q` inside doubled.
    static func doubling(_ s: String, _ q: Unicode.Scalar) -> String {
        let quote = String(q)
        return quote + s.replacingScalars { $0 == q ? quote + quote : nil } + quote
    }

    /// Replaces every occurrence of `needle` (non-empty) in `text`.
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        guard !needle.isEmpty else { return text }
        var out = "", rest = Substring(text)
        while let r = rest.firstRange(of: needle) {
            out += rest[..<r.lowerBound]; out += replacement; rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
