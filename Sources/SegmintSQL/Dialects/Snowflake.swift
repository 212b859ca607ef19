import SegmintCore

/// Snowflake: standard identifiers (quoted names are case-sensitive, so the catalog must spell
/// them as stored), backslash escapes in strings, DATEADD, CONTAINS/STARTSWITH.
struct SnowflakeDialect: BackslashStringDialect {
    let dialect = Dialect.snowflake

    // Strings (BackslashStringDialect): single-quoted string constants interpret backslash
    // escape sequences (`\\`, `\'`, `\n`, `\t`, `\uhhhh`, …), so a backslash must be doubled.
    // https://docs.snowflake.com/en/sql-reference/data-types-text#escape-sequences-in-single-quoted-string-constants

    /// DATEADD on a date with `month`: "if the resulting month has fewer days than the original
    /// day, the result is the last day of the month" (clamping as the spec requires).
    /// https://docs.snowflake.com/en/sql-reference/functions/dateadd
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        today(from: "CURRENT_DATE()", plusDays: plusDays, minusMonths: minusMonths, asTimestamp: asTimestamp) { unit, n, e in
            "DATEADD(\(unit), \(n), \(e))"
        }
    }

    /// CONTAINS/STARTSWITH compare literally (no wildcards).
    /// https://docs.snowflake.com/en/sql-reference/functions/contains
    func contains(_ haystack: String, _ needle: String) -> String {
        "CONTAINS(LOWER(\(haystack)), LOWER(\(needle)))"
    }
    func startsWith(_ haystack: String, _ needle: String) -> String {
        "STARTSWITH(LOWER(\(haystack)), LOWER(\(needle)))"
    }

    /// https://docs.snowflake.com/en/sql-reference/sql/create-table#create-table-as-select-also-referred-to-as-ctas
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        createOrReplace(table: table, select: select, columns: columns, mode: mode)
    }
}
