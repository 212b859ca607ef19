import SegmintCatalog
import SegmintStore

/// Table definitions for demo data, derived from a catalog, in SQLite's or PostgreSQL's types.
struct DemoSchema {
    struct Column { var name: String; var type: ValueType; var nullable: Bool }
    struct Table { var name: String; var columns: [Column] }

    let dialect: String
    let tables: [Table]

    init(catalog: Catalog, dialect: String) throws {
        self.dialect = dialect
        var tables: [Table] = []
        var entityColumns = [Column(name: catalog.entity.key, type: .int, nullable: false)]
        for f in catalog.facets where !entityColumns.contains(where: { $0.name == f.column }) {
            entityColumns.append(Column(name: f.column, type: f.type, nullable: f.nullable))
        }
        tables.append(Table(name: catalog.entity.table, columns: entityColumns))
        for e in catalog.events {
            guard !tables.contains(where: { $0.name == e.table }) else {
                throw DatabaseError(.sql, "demo data needs one table per event; \"\(e.table)\" is used twice in catalog \(catalog.name)")
            }
            var cols = [Column(name: e.key, type: .int, nullable: false)]
            if !cols.contains(where: { $0.name == e.time }) { cols.append(Column(name: e.time, type: e.timeType, nullable: false)) }
            for f in e.fields where !cols.contains(where: { $0.name == f.column }) {
                cols.append(Column(name: f.column, type: f.type, nullable: f.nullable))
            }
            tables.append(Table(name: e.table, columns: cols))
        }
        self.tables = tables
    }

    /// The column type per dialect (the storage convention in notes/db.md).
    func sqlType(_ t: ValueType) -> String {
        // DuckDB has PostgreSQL's native types, which its compiled SQL expects.
        if dialect == "postgres" || dialect == "duckdb" {
            switch t {
            case .string: return "text"
            case .int: return "bigint"
            case .decimal: return "numeric(12,2)"
            case .bool: return "boolean"
            case .date: return "date"
            case .timestamp: return "timestamp"
            }
        }
        switch t {
        case .string, .date, .timestamp: return "TEXT"
        case .int, .bool: return "INTEGER"
        case .decimal: return "REAL"
        }
    }

    /// DROP + CREATE for every table; the entity key is the primary key.
    func createStatements() -> [String] {
        var out: [String] = []
        for (i, t) in tables.enumerated() {
            out.append("DROP TABLE IF EXISTS \(SQLText.quoteTableName(t.name))" + (dialect == "postgres" ? " CASCADE" : ""))
            let cols = t.columns.enumerated().map { j, c -> String in
                var s = "  \(SQLText.quoteIdentifier(c.name)) \(sqlType(c.type))"
                if !c.nullable { s += " NOT NULL" }
                if i == 0 && j == 0 { s += " PRIMARY KEY" }
                return s
            }
            out.append("CREATE TABLE \(SQLText.quoteTableName(t.name)) (\n\(cols.joined(separator: ",\n"))\n)")
        }
        return out
    }

    /// Indexes on each event table's key, created after loading (faster than maintaining them).
    func indexStatements() -> [String] {
        tables.dropFirst().map { t in
            let key = t.columns.first?.name ?? ""
            let index = SQLText.quoteIdentifier("idx_\(t.name)_\(key)")
            // SQLite qualifies the index name, never the table of ON (`CREATE INDEX s.i ON t`).
            if dialect == "sqlite", let dot = t.name.lastIndex(of: ".") {
                let schema = SQLText.quoteTableName(String(t.name[..<dot]))
                let table = SQLText.quoteIdentifier(String(t.name[t.name.index(after: dot)...]))
                return "CREATE INDEX \(schema).\(index) ON \(table) (\(SQLText.quoteIdentifier(key)))"
            }
            return "CREATE INDEX \(index) ON \(SQLText.quoteTableName(t.name)) (\(SQLText.quoteIdentifier(key)))"
        }
    }
}
