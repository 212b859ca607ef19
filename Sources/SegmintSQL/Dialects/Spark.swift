import SegmintCore

/// Spark SQL: backtick identifiers, backslash escapes, date_add/add_months, instr.
struct SparkDialect: SQLDialect {
    let dialect = Dialect.spark

    /// Quoted identifiers use backticks; a backtick inside is doubled.
    /// https://spark.apache.org/docs/latest/sql-ref-identifier.html
    func identifier(_ name: String) -> String {
        "`" + name.doubling(0x60, as: "``") + "`"
    }

    /// "Use \ to escape special characters (e.g., ' or \)" — string literals are unescaped by
    /// the parser (spark.sql.parser.escapedStringLiterals=false, the default).
    /// https://spark.apache.org/docs/latest/sql-ref-literals.html#string-literal
    func string(_ s: String) throws -> String {
        try rejectNUL(s)
        return BackslashEscaping.quote(s)
    }

    /// add_months keeps the day of month unless the result month is shorter, then it takes that
    /// month's last day (clamping). https://spark.apache.org/docs/latest/api/sql/index.html#add_months
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        var e = "current_date()"
        if plusDays != 0 { e = "date_add(\(e), \(plusDays))" }
        if minusMonths > 0 { e = "add_months(\(e), -\(minusMonths))" }
        return asTimestamp ? "CAST(\(e) AS TIMESTAMP)" : e
    }

    /// instr(str, substr): 1-based position of the first occurrence, 0 if none; no wildcards.
    func contains(_ haystack: String, _ needle: String) -> String {
        "instr(lower(\(haystack)), lower(\(needle))) > 0"
    }
    func startsWith(_ haystack: String, _ needle: String) -> String {
        "instr(lower(\(haystack)), lower(\(needle))) = 1"
    }

    /// Spark's `REPLACE TABLE … AS` works only for v2 (Delta/Iceberg) tables and `INSERT
    /// OVERWRITE` only into an existing table of the same schema, so replace is DROP + CTAS
    /// (not atomic: Spark SQL has no transactions). INSERT without a column list: the select's
    /// columns are in table order. https://spark.apache.org/docs/latest/sql-ref-syntax-ddl-create-table-datasource.html
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        switch mode {
        case .replace: return "DROP TABLE IF EXISTS \(table);\nCREATE TABLE \(table) AS\n\(select);\n"
        case .append: return "INSERT INTO \(table)\n\(select);\n"
        }
    }
}
