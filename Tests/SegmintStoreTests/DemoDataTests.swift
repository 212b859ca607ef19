import XCTest
import SegmintCore
import SegmintCatalog
@testable import SegmintStore
@testable import SegmintDemo

/// Demo data: determinism, atomic replacement, and the properties the examples and SQL tests
/// rely on (NULLs, customers without events, hostile strings, consistent totals). Every check is
/// computed by SQLite over the written rows, not by the generator.
final class DemoDataTests: XCTestCase {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!
    static var shared: String?

    func tempPath(_ tag: String) -> String {
        NSTemporaryDirectory() + "segmint-demo-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).db"
    }

    /// One 3000-customer dataset shared by the property tests.
    func sharedDB() throws -> SQLiteDatabase {
        if Self.shared == nil {
            let p = tempPath("shared")
            _ = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: 3000, seed: 7, asOf: Self.asOf))
            Self.shared = p
        }
        return try SQLiteDatabase(path: Self.shared ?? "", create: false)
    }

    override class func tearDown() { if let p = shared { unlink(p) } }

    /// FNV-1a over every row of every table in key order: equal content, equal hash.
    func contentHash(_ path: String) throws -> UInt64 {
        let db = try SQLiteDatabase(path: path, create: false)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for t in ["customers", "orders", "email_events", "support_tickets"] {
            let cols = try db.query("SELECT * FROM \(t) LIMIT 0").columns.count
            let order = (1...cols).map(String.init).joined(separator: ", ")
            for row in try db.query("SELECT * FROM \(t) ORDER BY \(order)").rows {
                for v in row { for b in (v ?? "\u{1}NULL").utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }; h = (h ^ 0xFF) &* 0x100_0000_01b3 }
            }
        }
        return h
    }

    func testSameSeedGivesTheSameContentAndAnotherSeedDiffers() throws {
        let a = tempPath("a"), b = tempPath("b"), c = tempPath("c")
        defer { for p in [a, b, c] { unlink(p) } }
        let opts = DemoOptions(customers: 400, seed: 42, asOf: Self.asOf)
        let sa = try DemoData.writeSQLite(path: a, catalog: RetailFixture.catalog, options: opts)
        let sb = try DemoData.writeSQLite(path: b, catalog: RetailFixture.catalog, options: opts)
        var other = opts; other.seed = 43
        _ = try DemoData.writeSQLite(path: c, catalog: RetailFixture.catalog, options: other)
        XCTAssertEqual(sa, sb)
        XCTAssertEqual(try contentHash(a), try contentHash(b))
        XCTAssertNotEqual(try contentHash(a), try contentHash(c))
    }

    func testACustomerIsTheSameWhateverTheCustomerCount() throws {
        let small = tempPath("small"), big = tempPath("big")
        defer { unlink(small); unlink(big) }
        _ = try DemoData.writeSQLite(path: small, catalog: RetailFixture.catalog, options: DemoOptions(customers: 50, seed: 3, asOf: Self.asOf))
        _ = try DemoData.writeSQLite(path: big, catalog: RetailFixture.catalog, options: DemoOptions(customers: 200, seed: 3, asOf: Self.asOf))
        let q = "SELECT * FROM customers WHERE customer_id <= 50 ORDER BY customer_id"
        XCTAssertEqual(try SQLiteDatabase(path: small).query(q).rows, try SQLiteDatabase(path: big).query(q).rows)
    }

    func testSummaryCountsMatchTheTables() throws {
        let p = tempPath("sum")
        defer { unlink(p) }
        let s = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: 300, seed: 1, asOf: Self.asOf))
        let db = try SQLiteDatabase(path: p)
        XCTAssertEqual(s.tables.map(\.name), ["customers", "orders", "email_events", "support_tickets"])
        for (name, rows) in s.tables {
            XCTAssertEqual(try db.query("SELECT count(*) FROM \(name)").rows, [[String(rows)]], name)
        }
    }

    func testColumnsFollowTheCatalogIncludingRenames() throws {
        let db = try sharedDB()
        let cols = try db.query("SELECT * FROM customers LIMIT 0").columns
        XCTAssertEqual(cols, ["customer_id"] + RetailFixture.catalog.facets.map(\.column))
        XCTAssertTrue(cols.contains("postal_code") && cols.contains("created_at"))
        XCTAssertFalse(cols.contains("zip_code"))
    }

    func testNullableFacetsHoldSomeNullsAndOthersNone() throws {
        let db = try sharedDB()
        let total = 3000.0
        for f in RetailFixture.catalog.facets {
            let nulls = Double(try db.query("SELECT count(*) FROM customers WHERE \(SQLText.quoteIdentifier(f.column)) IS NULL").rows.first?.first??.description ?? "-1") ?? -1
            if f.nullable {
                XCTAssertGreaterThan(nulls / total, 0.02, f.name)
                XCTAssertLessThan(nulls / total, 0.25, f.name)
            } else {
                XCTAssertEqual(nulls, 0, f.name)
            }
        }
    }

    func testCustomersWithoutEventsExist() throws {
        let db = try sharedDB()
        for (table, lo, hi) in [("orders", 0.05, 0.30), ("email_events", 0.2, 0.6), ("support_tickets", 0.5, 0.9)] {
            let r = try db.query("SELECT avg(NOT EXISTS (SELECT 1 FROM \(table) e WHERE e.customer_id = c.customer_id)) FROM customers c")
            let share = Double(r.rows.first?.first??.description ?? "") ?? -1
            XCTAssertGreaterThan(share, lo, table); XCTAssertLessThan(share, hi, table)
        }
    }

    func testHostileStringsArePresent() throws {
        let db = try sharedDB()
        func exists(_ sql: String) throws -> Bool { try db.query("SELECT EXISTS (\(sql))").rows == [["1"]] }
        XCTAssertTrue(try exists("SELECT 1 FROM customers WHERE last_name = 'O''Brien'"))
        XCTAssertTrue(try exists("SELECT 1 FROM customers WHERE instr(city, '''') > 0"))
        XCTAssertTrue(try exists("SELECT 1 FROM orders WHERE discount_code = '50%OFF'"))
        XCTAssertTrue(try exists("SELECT 1 FROM orders WHERE discount_code = 'A_B'"))
        XCTAssertTrue(try exists("SELECT 1 FROM email_events WHERE instr(campaign, '%') > 0"))
        XCTAssertTrue(try exists("SELECT 1 FROM customers WHERE last_name <> CAST(CAST(last_name AS BLOB) AS TEXT) OR length(CAST(last_name AS BLOB)) > length(last_name)"))
    }

    func testOrderCountAndSpendAgreeWithOrders() throws {
        let db = try sharedDB()
        let badCount = try db.query("""
            SELECT count(*) FROM customers c
            WHERE c.order_count <> (SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id)
            """)
        XCTAssertEqual(badCount.rows, [["0"]])
        let badSpend = try db.query("""
            SELECT count(*) FROM customers c
            WHERE c.lifetime_spend IS NOT NULL
              AND abs(c.lifetime_spend - coalesce((SELECT sum(amount) FROM orders o WHERE o.customer_id = c.customer_id), 0)) > 0.005
            """)
        XCTAssertEqual(badSpend.rows, [["0"]])
        let badAvg = try db.query("""
            SELECT count(*) FROM customers c
            WHERE c.avg_order_value IS NOT NULL
              AND abs(c.avg_order_value - (SELECT avg(amount) FROM orders o WHERE o.customer_id = c.customer_id)) > 0.006
            """)
        XCTAssertEqual(badAvg.rows, [["0"]])
    }

    func testStorageConventionAndDateBounds() throws {
        let db = try sharedDB()
        let checks = [
            "SELECT count(*) FROM customers WHERE created_at IS NOT date(created_at)",
            "SELECT count(*) FROM customers WHERE birth_date IS NOT date(birth_date)",
            "SELECT count(*) FROM customers WHERE last_login_at IS NOT datetime(last_login_at)",
            "SELECT count(*) FROM orders WHERE ordered_at IS NOT datetime(ordered_at)",
            "SELECT count(*) FROM email_events WHERE clicked_at IS NOT datetime(clicked_at)",
            "SELECT count(*) FROM support_tickets WHERE opened_on IS NOT date(opened_on)",
            "SELECT count(*) FROM customers WHERE email_opt_out NOT IN (0, 1) OR is_employee NOT IN (0, 1) OR has_app NOT IN (0, 1)",
            "SELECT count(*) FROM orders WHERE is_gift NOT IN (0, 1)",
            "SELECT count(*) FROM orders WHERE ordered_at >= '2026-03-02'",
            "SELECT count(*) FROM support_tickets WHERE opened_on > '2026-03-01'",
            "SELECT count(*) FROM orders o JOIN customers c USING (customer_id) WHERE o.ordered_at < c.created_at",
            "SELECT count(*) FROM customers WHERE typeof(lifetime_spend) NOT IN ('real', 'null') OR typeof(order_count) <> 'integer'",
            // age is the completed years between birth_date and the reference date
            "SELECT count(*) FROM customers WHERE age IS NOT (CAST(strftime('%Y', '2026-03-01') AS INTEGER) - CAST(strftime('%Y', birth_date) AS INTEGER) - (strftime('%m-%d', '2026-03-01') < strftime('%m-%d', birth_date)))",
            "SELECT count(*) FROM orders WHERE (channel = 'store') <> (store_id IS NOT NULL)",
        ]
        for q in checks { XCTAssertEqual(try db.query(q).rows, [["0"]], q) }
    }

    func testEnumeratedColumnsHoldOnlyCatalogValues() throws {
        let db = try sharedDB()
        let cat = RetailFixture.catalog
        let pairs = cat.facets.map { ("customers", $0) } + cat.events.flatMap { e in e.fields.map { (e.table, $0) } }
        for (table, f) in pairs {
            guard let values = f.values else { continue }
            let list = values.map(SQLText.quoteLiteral).joined(separator: ", ")
            XCTAssertEqual(try db.query("SELECT count(*) FROM \(table) WHERE \(f.column) NOT IN (\(list))").rows, [["0"]], f.name)
        }
    }

    func testDistributionsAreSkewed() throws {
        let db = try sharedDB()
        // States: the most common is far above a uniform share (1/51).
        let top = try db.query("SELECT state, count(*) * 1.0 / (SELECT count(state) FROM customers) FROM customers WHERE state IS NOT NULL GROUP BY state ORDER BY 2 DESC LIMIT 1")
        XCTAssertEqual(top.rows.first?.first, "CA")
        XCTAssertGreaterThan(Double(top.rows.first?[1] ?? "") ?? 0, 3.0 / 51)
        // Order counts: a heavy tail (the maximum is many times the median of buyers).
        let r = try db.query("""
            SELECT (SELECT max(order_count) FROM customers),
                   (SELECT order_count FROM customers WHERE order_count > 0 ORDER BY order_count LIMIT 1 OFFSET (SELECT count(*) / 2 FROM customers WHERE order_count > 0))
            """)
        let mx = Double(r.rows.first?[0] ?? "") ?? 0, median = Double(r.rows.first?[1] ?? "") ?? 1
        XCTAssertGreaterThan(mx, 10 * median)
    }

    func testReplacingIsAtomicAndFailuresLeaveTheOldFile() throws {
        let p = tempPath("atomic")
        defer { unlink(p) }
        _ = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: 20, seed: 1, asOf: Self.asOf))
        _ = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: 30, seed: 1, asOf: Self.asOf))
        XCTAssertEqual(try SQLiteDatabase(path: p).query("SELECT count(*) FROM customers").rows, [["30"]])
        var broken = RetailFixture.catalog
        broken.events[1].table = "orders"   // two events on one table: the demo refuses
        XCTAssertThrowsError(try DemoData.writeSQLite(path: p, catalog: broken, options: DemoOptions(customers: 10, seed: 1, asOf: Self.asOf)))
        XCTAssertEqual(try SQLiteDatabase(path: p).query("SELECT count(*) FROM customers").rows, [["30"]])
        let dir = (p as NSString).deletingLastPathComponent, base = (p as NSString).lastPathComponent
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(base + ".tmp") }
        XCTAssertEqual(leftovers, [])
        XCTAssertThrowsError(try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: -1, seed: 1, asOf: Self.asOf)))
    }

    func testUnknownFacetsGetValuesByType() throws {
        var cat = RetailFixture.catalog
        cat.facets.append(Attribute(name: "favourite_colour", type: .string, values: ["red", "blue"], nullable: false))
        cat.facets.append(Attribute(name: "visits", type: .int, column: "visit_count"))
        let db = try SQLiteDatabase(path: ":memory:")
        _ = try db.transaction { try DemoData.populate(db, catalog: cat, options: DemoOptions(customers: 200, seed: 1, asOf: Self.asOf)) }
        XCTAssertEqual(try db.query("SELECT count(*) FROM customers WHERE favourite_colour IN ('red', 'blue')").rows, [["200"]])
        XCTAssertEqual(try db.query("SELECT count(*) > 150, min(typeof(visit_count)) FROM customers WHERE visit_count IS NOT NULL").rows, [["1", "integer"]])
    }

    func testPostgresDemoMatchesSQLiteTotals() throws {
        let s = try TestPostgres.Scratch()
        let opts = DemoOptions(customers: 300, seed: 5, asOf: Self.asOf)
        let pgSummary = try DemoData.write(to: s.url, catalog: RetailFixture.catalog, options: opts)
        let p = tempPath("pgcmp")
        defer { unlink(p) }
        let liteSummary = try DemoData.write(to: "sqlite:" + p, catalog: RetailFixture.catalog, options: opts)
        XCTAssertEqual(pgSummary, liteSummary)
        let pg = try s.open(), lite = try SQLiteDatabase(path: p)
        let q = """
            SELECT count(*), sum(order_count), round(sum(lifetime_spend), 2), count(state), count(DISTINCT last_name),
                   min(created_at), max(last_login_at), sum(CASE WHEN email_opt_out THEN 1 ELSE 0 END)
            FROM customers
            """
        let a = try pg.query(q).rows, b = try lite.query(q.replacingOccurrences(of: "WHEN email_opt_out", with: "WHEN email_opt_out = 1")).rows
        XCTAssertEqual(a.first?[0], b.first?[0]); XCTAssertEqual(a.first?[1], b.first?[1])
        XCTAssertEqual(Double(a.first?[2] ?? "") ?? -1, Double(b.first?[2] ?? "") ?? -2, accuracy: 0.01)
        XCTAssertEqual(Array(a.first?[3...] ?? []), Array(b.first?[3...] ?? []))
        let types = try pg.query("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND table_schema = current_schema() ORDER BY ordinal_position").rows.map { $0[0] ?? "" }
        XCTAssertEqual(types, ["bigint", "timestamp without time zone", "text", "numeric", "text", "bigint", "text", "boolean", "bigint"])
    }
}
