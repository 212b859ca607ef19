import SegmintCore

/// Trino: standard strings and identifiers; date arithmetic through `date_add`.
struct TrinoDialect: SQLDialect {
    let dialect = Dialect.trino

    /// `date_add(unit, value, date)`; adding months clamps to the last day of the month
    /// (`date_add('month', -1, DATE '2026-03-31')` = 2026-02-28).
    /// https://trino.io/docs/current/functions/datetime.html
    func today(plusDays: Int, minusMonths: Int, asTimestamp: Bool) -> String {
        var e = "current_date"
        if plusDays != 0 { e = "date_add('day', \(plusDays), \(e))" }
        if minusMonths > 0 { e = "date_add('month', -\(minusMonths), \(e))" }
        return asTimestamp ? "CAST(\(e) AS TIMESTAMP)" : e
    }

    /// `CREATE OR REPLACE TABLE` needs Trino 431+ and a connector that supports it (Iceberg,
    /// Delta Lake, memory). https://trino.io/docs/current/sql/create-table-as.html
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        createOrReplace(table: table, select: select, columns: columns, mode: mode)
    }
}
