import Foundation
import SegmintCore
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintStore
import SegmintDemo

/// A demo SQLite database for `catalogs/retail.yaml`, built once per test process, and helpers
/// to run compiled segments on it.
final class DemoDatabase {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1) ?? RandomSegments.days[0]
    nonisolated(unsafe) private static var cached: DemoDatabase?

    let catalog: Catalog
    let db: SQLiteDatabase
    let path: String

    private init(catalog: Catalog, db: SQLiteDatabase, path: String) { self.catalog = catalog; self.db = db; self.path = path }

    static var repoRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }

    static func shared() throws -> DemoDatabase {
        if let c = cached { return c }
        let loaded = CatalogLoader.load(path: repoRoot + "/catalogs/retail.yaml", sources: SourceMap())
        guard let catalog = loaded.catalog else { throw DatabaseError(.io, "retail catalog did not load: \(loaded.diagnostics)") }
        let path = NSTemporaryDirectory() + "segmint-analysis-demo-\(getpid()).db"
        _ = try DemoData.writeSQLite(path: path, catalog: catalog, options: DemoOptions(customers: 3000, seed: 7, asOf: asOf))
        let d = DemoDatabase(catalog: catalog, db: try SQLiteDatabase(path: path, create: false), path: path)
        cached = d
        return d
    }

    /// Deletes the shared database file (called once the tests that use it are done).
    static func removeShared() {
        guard let c = cached else { return }
        c.db.close()
        unlink(c.path)
        cached = nil
    }

    var options: CompileOptions { CompileOptions(dialect: .sqlite, asOf: DemoDatabase.asOf) }

    /// The keys of a segment, by compiling it to SQLite and running it.
    func members(_ program: CheckedProgram, _ segment: CheckedSegment) throws -> Set<String> {
        switch SQLCompiler.compileSegment(segment, in: program, options: options) {
        case .failure(let f): throw DatabaseError(.sql, f.diagnostics.map(\.message).joined(separator: "; "))
        case .success(let sql): return Set(try db.query(sql).rows.compactMap { $0.first ?? nil })
        }
    }

    func count(_ program: CheckedProgram, _ name: String) throws -> Int {
        var o = options
        o.count = true
        switch SQLCompiler.compile(program, segment: name, options: o) {
        case .failure(let f): throw DatabaseError(.sql, f.diagnostics.map(\.message).joined(separator: "; "))
        case .success(let sql):
            guard let cell = try db.query(sql).rows.first?.first, let t = cell, let n = Int(t) else { throw DatabaseError(.sql, "no count") }
            return n
        }
    }

    /// Up to `n` distinct non-missing values of a column, as text, in a fixed order.
    func sample(_ column: String, table: String = "customers", n: Int = 6) throws -> [String] {
        let q = "SELECT DISTINCT \"\(column)\" FROM \"\(table)\" WHERE \"\(column)\" IS NOT NULL ORDER BY \"\(column)\" LIMIT 400"
        let all = try db.query(q).rows.compactMap { $0.first ?? nil }
        guard !all.isEmpty else { return [] }
        // Spread over the sorted values so both tails and the middle are represented.
        return (0..<min(n, all.count)).map { all[$0 * (all.count - 1) / max(1, min(n, all.count) - 1)] }
    }
}
