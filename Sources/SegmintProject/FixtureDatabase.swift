import SegmintCore
import SegmintCatalog
import SegmintSQL
import SegmintStore

/// A fresh database holding one fixture's tables: SQLite in memory, or a new schema on a
/// PostgreSQL server (dropped again by `close`), so tests never touch existing tables.
final class FixtureDatabase {
    let db: Database
    let dialect: Dialect
    let catalog: Catalog
    private var schema: String?

    init(url: String?, catalog: Catalog) throws {
        self.catalog = catalog
        guard let url, !url.isEmpty else {
            db = try SQLiteDatabase(path: ":memory:")
            dialect = .sqlite
            return
        }
        db = try DatabaseURL.open(url, create: false)
        guard let d = Dialect(rawValue: db.dialectName) else { throw DatabaseError(.badURL, "no SQL dialect for \(url)") }
        dialect = d
        if d == .postgres {
            let name = "segmint_test_\(UInt32.random(in: 0...UInt32.max))_\(UInt16.random(in: 0...UInt16.max))"
            try db.execute("CREATE SCHEMA \(name)")
            schema = name
            try db.execute("SET search_path TO \(name)")
        }
    }

    func close() {
        if let s = schema { try? db.execute("DROP SCHEMA \(s) CASCADE") }
        db.close()
    }

    /// Every catalog table (empty when the fixture gives no rows), then the fixture's rows.
    func load(_ fixture: Fixture) throws {
        var tables: [FixtureTable] = [FixtureTable(name: catalog.entity.table, columns: TableShape.entity(catalog).columns, rows: [])]
        for e in catalog.events where !tables.contains(where: { $0.name == e.table }) {
            tables.append(FixtureTable(name: e.table, columns: TableShape.event(e).columns, rows: []))
        }
        for given in fixture.tables {
            guard let i = tables.firstIndex(where: { $0.name == given.name }) else { continue }
            tables[i].rows += given.rows
        }
        for t in tables { try attachQualifier(t.name) }
        try db.transaction {
            for t in tables { try create(t) }
        }
    }

    /// `schema.table`: on SQLite the qualifier becomes an attached in-memory database (outside
    /// any transaction, as SQLite requires); on PostgreSQL it would be a real schema, so it is refused.
    private func attachQualifier(_ table: String) throws {
        let parts = table.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return }
        guard dialect == .sqlite else {
            throw DatabaseError(.sql, "data tests on PostgreSQL need unqualified table names (\(table)); run them on SQLite")
        }
        let attached = try db.query("PRAGMA database_list").rows.compactMap { $0.count > 1 ? $0[1] : nil }
        let q = String(parts[0])
        if !attached.contains(q) { try db.execute("ATTACH DATABASE ':memory:' AS \(SQLText.quoteIdentifier(q))") }
    }

    private func create(_ t: FixtureTable) throws {
        let keyInts = t.rows.allSatisfy { row in row.first.map { v in if case .int? = v { return true }; return v == nil } ?? true }
        let cols = t.columns.enumerated().map { i, c in
            SQLText.quoteIdentifier(c.name) + " " + sqlType(c.type, keyIsInt: i == 0 && keyInts)
        }
        try db.execute("CREATE TABLE \(SQLText.quoteTableName(t.name)) (\(cols.joined(separator: ", ")))")
        let marks = t.columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        let insert = "INSERT INTO \(SQLText.quoteTableName(t.name)) VALUES (\(marks))"
        for row in t.rows { try db.execute(insert, parameters: row.map { $0.map(text) }) }
    }

    /// The storage convention of each database (README, SQLite storage convention).
    private func sqlType(_ t: ValueType?, keyIsInt: Bool) -> String {
        let pg = dialect == .postgres
        switch t {
        case nil: return keyIsInt ? (pg ? "bigint" : "INTEGER") : (pg ? "text" : "TEXT")
        case .string?: return pg ? "text" : "TEXT"
        case .int?: return pg ? "bigint" : "INTEGER"
        case .decimal?: return pg ? "numeric" : "REAL"
        case .bool?: return pg ? "boolean" : "INTEGER"
        case .date?: return pg ? "date" : "TEXT"
        case .timestamp?: return pg ? "timestamp" : "TEXT"
        }
    }

    private func text(_ v: FixtureValue) -> String {
        switch v {
        case .text(let s): return s
        case .int(let i): return String(i)
        case .decimal(let d): return d.description
        case .bool(let b): return dialect == .postgres ? (b ? "true" : "false") : (b ? "1" : "0")
        }
    }

    /// The first column of every row.
    func keys(_ sql: String) throws -> [String] {
        try db.query(sql).rows.map { ($0.first ?? nil) ?? "NULL" }
    }
}
