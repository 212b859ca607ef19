import SegmintCore

/// Spark SQL: backtick identifiers, backslash escapes, date_add/add_months, instr.
struct SparkDialect: BackslashStringDialect {
    let dialect = Dialect.spark

    // Strings (BackslashStringDialect): "Use \ to escape special characters (e.g., ' or \)" —
    // string literals are unescaped by the parser (spark.sql.parser.escapedStringLiterals=false, the default).
    // https://spark.apache.org/docs/latest/sql-ref-literals.html#string-literal

    /// Quoted identifiers use backticks; a backtick inside is doubled.
    /// https://spark.apache.org/docs/latest/sql-ref-identifier.html
    func identifier(_ name: String) -> String {
        "`" + name.doubling(0x60, as: "``") + "`"
    }

    /// add_months keeps the day of month unless the result month is shorter, then it takes that
    /// month's last day (clamping). https://spark.apache.org/docs/latest/api/sql/index.html#add_months
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        today(from: "current_date()", plusDays: plusDays, minusMonths: minusMonths, asTimestamp: asTimestamp) { unit, n, e in
            unit == .day ? "date_add(\(e), \(n))" : "add_months(\(e), \(n))"
        }
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
