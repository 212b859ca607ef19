import XCTest
import SegmintCore
@testable import SegmintStore
@testable import SegmintDriver

final class DemoCommandTests: XCTestCase {
    func testWritesTheRetailCatalogTablesAndSummarises() throws {
        let p = TestFiles.temp("demo-cmd", "db")
        defer { unlink(p) }
        let out = runDemo(db: p, catalogPath: TestFiles.retailCatalog, customers: 200, seed: 9, asOf: "2026-03-01")
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.hasPrefix("wrote demo data for retail@3 to \(p) (seed 9, as of 2026-03-01)\n  customers: 200 rows\n  orders: "), out.stdout)
        let db = try SQLiteDatabase(path: p)
        XCTAssertEqual(try db.tableNames(), ["customers", "email_events", "orders", "support_tickets"])
        let orders = try db.query("SELECT count(*) FROM orders").rows[0][0] ?? ""
        XCTAssertTrue(out.stdout.contains("  orders: \(orders) rows\n"))
        XCTAssertEqual(try db.query("SELECT max(ordered_at) < '2026-03-02' FROM orders").rows, [["1"]])
    }

    func testBadArgumentsExitTwo() {
        let p = TestFiles.temp("demo-bad", "db")
        for (out, needle) in [
            (runDemo(db: p, catalogPath: TestFiles.retailCatalog, customers: -5), "--customers"),
            (runDemo(db: p, catalogPath: TestFiles.retailCatalog, asOf: "2026-02-30"), "--as-of"),
            (runDemo(db: "mysql://x/y", catalogPath: TestFiles.retailCatalog), "mysql"),
            (runDemo(db: p, catalogPath: "/nonexistent/retail.yaml"), "/nonexistent/retail.yaml"),
            (runDemo(db: ":memory:", catalogPath: TestFiles.retailCatalog, customers: 5), ":memory:"),
            (runDemo(db: "/nonexistent-dir/demo.db", catalogPath: TestFiles.retailCatalog, customers: 5), "cannot write SQLite database /nonexistent-dir/demo.db: unable to open database file"),
            (runDemo(db: NSTemporaryDirectory(), catalogPath: TestFiles.retailCatalog, customers: 5), "cannot replace"),
        ] {
            XCTAssertEqual(out.exitCode, 2, out.stderr)
            XCTAssertTrue(out.stderr.contains(needle), out.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: p))
    }

    func testUnreachablePostgresExitsTwo() throws {
        let out = runDemo(db: "postgres://u:pw@127.0.0.1:\(try closedPort())/x", catalogPath: TestFiles.retailCatalog, customers: 5)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("cannot connect to PostgreSQL at 127.0.0.1:"), out.stderr)
    }
}
