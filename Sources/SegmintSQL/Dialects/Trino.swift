import SegmintCore

/// Trino: standard strings and identifiers; date arithmetic through `date_add`.
struct TrinoDialect: SQLDialect {
    let dialect = Dialect.trino

    /// `date_add(unit, value, date)`; adding months clamps to the last day of the month
    /// (`date_add('month', -1, DATE '2026-03-31')` = 2026-02-28).
    /// https://trino.io/docs/current/functions/datetime.html
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        today(from: "current_date", plusDays: plusDays, minusMonths: minusMonths, asTimestamp: asTimestamp) { unit, n, e in
            "date_add('\(unit)', \(n), \(e))"
        }
    }

    /// `CREATE OR REPLACE TABLE` needs Trino 431+ and a connector that supports it (Iceberg,
    /// Delta Lake, memory). https://trino.io/docs/current/sql/create-table-as.html
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        createOrReplace(table: table, select: select, columns: columns, mode: mode)
    }
}
