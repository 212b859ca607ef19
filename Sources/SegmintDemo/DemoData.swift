import SegmintCore
import SegmintCatalog
import SegmintStore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Settings of `segmint demo`.
public struct DemoOptions: Sendable {
    public var customers: Int
    public var seed: UInt64
    /// Reference date: every event happens on or before it, signups lie up to 6 years before it.
    public var asOf: CivilDate
    /// Which generator writes the rows (`auto`: see `DemoGeneratorChoice.resolve`).
    public var generator: DemoGeneratorChoice
    public init(customers: Int = DemoData.defaultCustomers, seed: UInt64 = 1, asOf: CivilDate,
                generator: DemoGeneratorChoice = .auto) {
        self.customers = customers; self.seed = seed; self.asOf = asOf; self.generator = generator
    }
}

/// The two generators: `named` knows the retail catalog's facets and events by name and makes
/// them agree with each other (tier with spend, age with birth date); `generic` reads only
/// types, values, units and kinds, so it fits any catalog.
public enum DemoGeneratorChoice: String, Sendable, CaseIterable {
    case auto, named, generic

    /// `auto` picks `named` when at least half of the catalog's facets are ones that generator
    /// knows (by name and type), else `generic`.
    public func resolve(for catalog: Catalog) -> DemoGeneratorChoice {
        guard self == .auto else { return self }
        let known = catalog.facets.filter { f in KnownColumn(rawValue: f.name).map { $0.type == f.type } ?? false }.count
        return !catalog.facets.isEmpty && known * 2 >= catalog.facets.count ? .named : .generic
    }
}

/// What was written: rows per table, in the catalog's order (entity table first).
public struct DemoSummary: Sendable, Equatable {
    public var tables: [(name: String, rows: Int)]
    public static func == (a: DemoSummary, b: DemoSummary) -> Bool {
        a.tables.map(\.name) == b.tables.map(\.name) && a.tables.map(\.rows) == b.tables.map(\.rows)
    }
}

/// A deterministic synthetic dataset for a catalog: the named generator for catalogs like
/// `catalogs/retail.yaml`, the generic one (driven by types, values and units) for any other.
///
/// Determinism: the content depends only on the catalog, the seed, the reference date and
/// the customer count; customer k's rows are the same whatever the count (one random stream
/// per customer and table).
public enum DemoData {
    public static let defaultCustomers = 10_000
    public static let maxCustomers = 10_000_000

    /// Today's date in UTC, the default reference date.
    public static func today() -> CivilDate? { DemoTime.today() }

    /// Writes the dataset to `--db`: an SQLite file is replaced atomically (built in a temporary
    /// file beside it, then renamed); PostgreSQL tables are replaced in one transaction.
    public static func write(to url: String, catalog: Catalog, options: DemoOptions) throws -> DemoSummary {
        switch try DatabaseURL.parse(url) {
        case .sqlite(let path):
            return try writeSQLite(path: path, catalog: catalog, options: options)
        case .duckdb(let path):
            return try writeDuckDB(path: path, catalog: catalog, options: options)
        case .postgres:
            let db = try DatabaseURL.open(url)
            defer { db.close() }
            return try db.transaction { try populate(db, catalog: catalog, options: options) }
        }
    }

    /// Builds the SQLite file in `path.tmp-PID` with journal and sync off, then renames it.
    public static func writeSQLite(path: String, catalog: Catalog, options: DemoOptions) throws -> DemoSummary {
        if path == ":memory:" { throw DatabaseError(.badURL, "demo data needs a file, not :memory:") }
        let tmp = path + ".tmp-\(getpid())"
        unlink(tmp)
        do {
            let db: SQLiteDatabase
            do { db = try SQLiteDatabase(path: tmp) } catch let e as DatabaseError {
                // Name the target, not the temporary file the user never asked for.
                throw DatabaseError(.io, "cannot write SQLite database \(path): " + SQLText.replacing("cannot open SQLite database \(tmp): ", with: "", in: e.message))
            }
            // Safe to skip the journal: a crash leaves only the temporary file, never the target.
            try db.execute("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-65536")
            let summary = try db.transaction { try populate(db, catalog: catalog, options: options) }
            db.close()
            guard rename(tmp, path) == 0 else {
                throw DatabaseError(.io, "cannot replace \(path): \(String(cString: strerror(errno)))")
            }
            for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
            return summary
        } catch {
            unlink(tmp)
            throw error
        }
    }

    /// Builds the DuckDB file in `path.tmp-PID` (one transaction, one process) and renames it
    /// over `path`, so a failure never leaves a half-written target.
    public static func writeDuckDB(path: String, catalog: Catalog, options: DemoOptions) throws -> DemoSummary {
        let tmp = path + ".tmp-\(getpid())"
        unlink(tmp); unlink(tmp + ".wal")
        do {
            let db = try DuckDBDatabase(path: tmp)
            let summary = try db.transaction { try populate(db, catalog: catalog, options: options) }
            db.close()
            guard rename(tmp, path) == 0 else {
                throw DatabaseError(.io, "cannot replace \(path): \(String(cString: strerror(errno)))")
            }
            unlink(tmp + ".wal"); unlink(path + ".wal")
            return summary
        } catch {
            unlink(tmp); unlink(tmp + ".wal")
            throw error
        }
    }

    /// Creates the catalog's tables in `db` (dropping old ones) and fills them. The caller
    /// owns the transaction.
    public static func populate(_ db: Database, catalog: Catalog, options: DemoOptions) throws -> DemoSummary {
        guard options.customers >= 0, options.customers <= maxCustomers else {
            throw DatabaseError(.sql, "--customers must be between 0 and \(maxCustomers)")
        }
        let schema = try DemoSchema(catalog: catalog, dialect: db.dialectName)
        for s in schema.createStatements() { try db.execute(s) }
        if options.generator.resolve(for: catalog) == .generic {
            let summary = try populateGeneric(db, schema: schema, catalog: catalog, options: options)
            for s in schema.indexStatements() { try db.execute(s) }
            return summary
        }
        var gen = DemoGenerator(catalog: catalog, options: options)
        var counts: [(String, Int)] = []
        // Events first: the customer row needs order counts and sums.
        var eventCounts: [String: Int] = [:]
        for (i, e) in catalog.events.enumerated() {
            guard let table = schema.tables.first(where: { $0.name == e.table }) else { continue }
            let ins = try db.bulkInserter(table: table.name, columns: table.columns.map(\.name))
            eventCounts[e.table] = try gen.writeEvents(e, stream: UInt64(i + 1), columns: table.columns, into: ins)
            try ins.finish()
        }
        if let entity = schema.tables.first {
            let ins = try db.bulkInserter(table: entity.name, columns: entity.columns.map(\.name))
            try gen.writeCustomers(columns: entity.columns, into: ins)
            try ins.finish()
            counts.append((entity.name, options.customers))
        }
        for e in catalog.events { counts.append((e.table, eventCounts[e.table] ?? 0)) }
        for s in schema.indexStatements() { try db.execute(s) }
        return DemoSummary(tables: counts)
    }

    /// The generic generator's tables: the entity table first (its rows need no event totals).
    static func populateGeneric(_ db: Database, schema: DemoSchema, catalog: Catalog, options: DemoOptions) throws -> DemoSummary {
        var gen = GenericGenerator(catalog: catalog, options: options)
        var counts: [(String, Int)] = []
        if let entity = schema.tables.first {
            let ins = try db.bulkInserter(table: entity.name, columns: entity.columns.map(\.name))
            try gen.writeEntities(columns: entity.columns, into: ins)
            try ins.finish()
            counts.append((entity.name, options.customers))
        }
        for (i, e) in catalog.events.enumerated() {
            guard let table = schema.tables.first(where: { $0.name == e.table }) else { continue }
            let ins = try db.bulkInserter(table: table.name, columns: table.columns.map(\.name))
            counts.append((e.table, try gen.writeEvents(e, stream: UInt64(i + 1), columns: table.columns, into: ins)))
            try ins.finish()
        }
        return DemoSummary(tables: counts)
    }
}
