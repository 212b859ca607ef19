import XCTest
import SegmintCore
import SegmintCatalog
@testable import SegmintStore
@testable import SegmintDemo
@testable import SegmintDriver

/// Demo data → `catalog import` → the catalog loader → `run` with the imported names.
final class CatalogRoundTripTests: XCTestCase {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!

    /// The imported catalog loads without errors, and `run` through it agrees with hand-written SQL.
    func roundTrip(url: String, reference: Database) throws {
        let catalogPath = TestFiles.temp("imported", "yaml")
        defer { unlink(catalogPath) }
        let imp = runCatalogImport(db: url, entity: "customers", key: "customer_id", out: catalogPath)
        XCTAssertEqual(imp.exitCode, 0, imp.stderr)
        XCTAssertFalse(imp.stderr.contains("warning"), imp.stderr)
        let loaded = CatalogLoader.load(path: catalogPath, sources: SourceMap())
        let cat = try XCTUnwrap(loaded.catalog, "\(loaded.diagnostics)")
        XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        XCTAssertEqual(cat.entity, Entity(name: "customer", table: "customers", key: "customer_id"))
        XCTAssertEqual(Set(cat.events.map(\.name)), ["order", "email_event", "support_ticket"])
        XCTAssertEqual(cat.facet(named: "created_at")?.type, .date)
        XCTAssertEqual(cat.facet(named: "email_opt_out")?.type, .bool)
        XCTAssertEqual(cat.facet(named: "loyalty_tier")?.values, ["bronze", "gold", "platinum", "silver"])
        XCTAssertEqual(cat.event(named: "order")?.timeType, .timestamp)
        XCTAssertEqual(cat.event(named: "support_ticket")?.timeType, .date)

        let seg = try TestFiles.write("""
            segment s {
              as_of 2026-03-01
              include {
                country = "US"
                has order where category = "Grocery" during last 90 days count >= 2
              }
              exclude { email_opt_out = true }
            }
            """, tag: "rt", ext: "seg")
        defer { unlink(seg) }
        let out = runRun(files: [seg], catalogPath: catalogPath, segment: nil, db: url, limit: 0, format: .json)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let expected = try reference.query("""
            SELECT count(*) FROM customers c
            WHERE country = 'US'
              AND (SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id AND o.category = 'Grocery'
                   AND o.ordered_at >= '2025-12-02' AND o.ordered_at < '2026-03-02') >= 2
              AND NOT coalesce(email_opt_out = 1, 0)
            """).rows[0][0] ?? ""
        XCTAssertNotEqual(expected, "0", "the demo data should make this segment non-empty")
        XCTAssertTrue(out.stdout.contains("\"count\": \(expected),"), out.stdout + " expected \(expected)")
    }

    func testSQLiteRoundTrip() throws {
        let p = TestFiles.temp("rt", "db")
        defer { unlink(p) }
        _ = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: 1500, seed: 4, asOf: Self.asOf))
        try roundTrip(url: p, reference: try SQLiteDatabase(path: p))
    }

    func testPostgresRoundTrip() throws {
        let s = try TestPostgres.Scratch()
        let opts = DemoOptions(customers: 1500, seed: 4, asOf: Self.asOf)
        _ = try DemoData.write(to: s.url, catalog: RetailFixture.catalog, options: opts)
        // Hand-written reference over the SQLite copy of the same data.
        let p = TestFiles.temp("rt-ref", "db")
        defer { unlink(p) }
        _ = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: opts)
        try roundTrip(url: s.url, reference: try SQLiteDatabase(path: p))
    }
}
