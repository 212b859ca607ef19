/// Identifier and literal quoting that SQLite and PostgreSQL both accept, shared by the
/// runners, demo data and catalog import (no Foundation).
public enum SQLText {
    /// `"a""b"`: the identifier quoting SQLite and PostgreSQL both accept.
    public static func quoteIdentifier(_ name: String) -> String {
        var out = "\""
        for ch in name { if ch == "\"" { out += "\"\"" } else { out.append(ch) } }
        return out + "\""
    }

    /// A catalog table name: `schema.table` is split on dots and each part quoted, exactly as
    /// the SQL compiler writes it, so demo tables land where compiled segments look for them.
    public static func quoteTableName(_ name: String) -> String {
        name.split(separator: ".", omittingEmptySubsequences: false).map { quoteIdentifier(String($0)) }.joined(separator: ".")
    }

    /// `'it''s'`: a string literal both databases accept (standard_conforming_strings on).
    public static func quoteLiteral(_ value: String) -> String {
        var out = "'"
        for ch in value { if ch == "'" { out += "''" } else { out.append(ch) } }
        return out + "'"
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
