import SegmintCore

/// PostgreSQL: the defaults, except backslashes in strings.
struct PostgresDialect: SQLDialect {
    let dialect = Dialect.postgres

    /// A plain '…' literal treats `\` literally only while standard_conforming_strings is on (the
    /// default since 9.1, but a server setting). An escape string E'…' reads backslashes the same
    /// way under every setting, so strings holding one are written E'…' with `\` doubled.
    /// Text values cannot contain NUL ("character with value 0x00 is not allowed").
    /// https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-STRINGS-ESCAPE
    func string(_ s: String) throws -> String {
        try rejectNUL(s)
        let body = s.doubling(0x27, as: "''")
        guard s.utf8.contains(0x5C) else { return "'" + body + "'" }
        return "E'" + body.doubling(0x5C, as: "\\\\") + "'"
    }
}
