import SegmintCore

/// BigQuery (GoogleSQL): backtick identifiers, backslash escapes, DATE_ADD/DATE_SUB.
struct BigQueryDialect: BackslashStringDialect {
    let dialect = Dialect.bigquery

    // Strings (BackslashStringDialect): "Backslashes (\) introduce escape sequences … Quoted
    // strings cannot contain newlines", and `''` is not an escaped quote: `'` is written `\'`,
    // `\` as `\\`, a newline `\n`.
    // https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#string_and_bytes_literals

    /// "Quoted identifiers must be enclosed by backtick (`) characters … have the same escape
    /// sequences as string literals", so a backtick or backslash in a name is backslash-escaped.
    /// https://cloud.google.com/bigquery/docs/reference/standard-sql/lexical#quoted_identifiers
    func identifier(_ name: String) -> String {
        "`" + name.doubling(0x5C, as: "\\\\").doubling(0x60, as: "\\`") + "`"
    }

    /// DATE_SUB with MONTH "returns the last day of the month" when the day does not exist in
    /// the resulting month (clamping). TIMESTAMP(date) is midnight UTC.
    /// https://cloud.google.com/bigquery/docs/reference/standard-sql/date_functions#date_sub
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        var e = "CURRENT_DATE()"
        if plusDays > 0 { e = "DATE_ADD(\(e), INTERVAL \(plusDays) DAY)" } else if plusDays < 0 { e = "DATE_SUB(\(e), INTERVAL \(-plusDays) DAY)" }
        if minusMonths > 0 { e = "DATE_SUB(\(e), INTERVAL \(minusMonths) MONTH)" }
        return asTimestamp ? "TIMESTAMP(\(e))" : e
    }

    /// https://cloud.google.com/bigquery/docs/reference/standard-sql/data-definition-language#create_table_statement
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        createOrReplace(table: table, select: select, columns: columns, mode: mode)
    }
}
