import SegmintCore

/// DuckDB follows PostgreSQL's spelling for everything Segmint writes: standard strings (a
/// backslash is literal), `DATE '…'`, `date + integer`, `date - INTERVAL '1 months'` clamping the
/// day of month, `strpos`, `lower`. https://duckdb.org/docs/sql/functions/date
struct DuckDBDialect: SQLDialect {
    let dialect = Dialect.duckdb

    /// https://duckdb.org/docs/sql/statements/create_table#create-or-replace
    func materialize(table: String, select: String, columns: [String], mode: MaterializeMode) -> String {
        createOrReplace(table: table, select: select, columns: columns, mode: mode)
    }
}
