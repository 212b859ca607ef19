import XCTest
import Foundation
import SegmintCatalog
@testable import SegmintStore
@testable import SegmintDriver

/// `run`'s result formats and database errors, on hand-written SQL (the compiler is tested
/// elsewhere; `RunEndToEndTests` runs real segments).
final class RunOutputTests: XCTestCase {
    let entity = Entity(name: "customer", table: "customers", key: "customer_id")

    func db() throws -> SQLiteDatabase {
        let db = try SQLiteDatabase(path: ":memory:")
        try db.execute("CREATE TABLE customers (customer_id INTEGER PRIMARY KEY, state TEXT)")
        for k in [3, 10, 2, 25, 1] { try db.execute("INSERT INTO customers VALUES ($1, 'CA')", parameters: [String(k)]) }
        return db
    }

    func testTableShowsCountAndFirstKeysInNumericOrder() throws {
        let out = runSegmentSQL("SELECT customer_id FROM customers", segment: "west", entity: entity, database: try db(), limit: 3, format: .table)
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertEqual(out.stdout, """
            west: 5 customers (sqlite)
            customer_id
            -----------
            1
            2
            3
            … 2 more (--all prints every key)

            """)
    }

    func testCSVHasAHeaderAndTheCountOnStderr() throws {
        let out = runSegmentSQL("SELECT customer_id FROM customers", segment: "west", entity: entity, database: try db(), limit: 20, format: .csv)
        XCTAssertEqual(out.stdout, "customer_id\n1\n2\n3\n10\n25\n")
        XCTAssertEqual(out.stderr, "west: 5 customers, showing 5\n")
    }

    func testJSONIsOneObject() throws {
        let out = runSegmentSQL("SELECT customer_id FROM customers WHERE customer_id > 2", segment: "w\"x", entity: entity, database: try db(), limit: 2, format: .json)
        XCTAssertEqual(out.stdout, "{\"segment\": \"w\\\"x\", \"dialect\": \"sqlite\", \"key\": \"customer_id\", \"count\": 3, \"limit\": 2, \"keys\": [3, 10]}\n")
    }

    /// Integer keys are JSON numbers only when the database says the column holds integers:
    /// TEXT keys that look like numbers stay strings (`007` must not become 7).
    func testJSONKeysAreTypedByTheColumn() throws {
        let text = try SQLiteDatabase(path: ":memory:")
        try text.execute("CREATE TABLE c (k TEXT); INSERT INTO c VALUES ('007'), ('12')")
        let t = runSegmentSQL("SELECT k FROM c", segment: "s", entity: entity, database: text, limit: 0, format: .json)
        XCTAssertEqual(t.stdout, "{\"segment\": \"s\", \"dialect\": \"sqlite\", \"key\": \"k\", \"count\": 2, \"limit\": null, \"keys\": [\"007\", \"12\"]}\n")
        let mixed = try SQLiteDatabase(path: ":memory:")
        try mixed.execute("CREATE TABLE c (k); INSERT INTO c VALUES (5), ('x')")
        let m = runSegmentSQL("SELECT k FROM c", segment: "s", entity: entity, database: mixed, limit: 0, format: .json)
        XCTAssertTrue(m.stdout.hasSuffix("\"keys\": [\"5\", \"x\"]}\n"), m.stdout)
        let big = try SQLiteDatabase(path: ":memory:")
        try big.execute("CREATE TABLE c (k INTEGER); INSERT INTO c VALUES (9223372036854775807), (-3)")
        let b = runSegmentSQL("SELECT k FROM c", segment: "s", entity: entity, database: big, limit: 0, format: .json)
        let obj = try JSONSerialization.jsonObject(with: Data(b.stdout.utf8)) as? [String: Any]
        XCTAssertEqual((obj?["keys"] as? [NSNumber])?.map(\.int64Value), [-3, 9223372036854775807])
    }

    func testLimitZeroPrintsEveryKeyAndNegativeIsAClearError() throws {
        let all = runSegmentSQL("SELECT customer_id FROM customers", segment: "s", entity: entity, database: try db(), limit: 0, format: .csv)
        XCTAssertEqual(all.stdout, "customer_id\n1\n2\n3\n10\n25\n")
        let neg = runRun(files: [], catalogPath: "c.yaml", segment: nil, db: ":memory:", limit: -1)
        XCTAssertEqual(neg.exitCode, 2)
        XCTAssertTrue(neg.stderr.contains("--limit must be 0 or more, got -1"), neg.stderr)
        XCTAssertTrue(neg.stderr.contains("--all (or --limit 0) prints every key"), neg.stderr)
    }

    func testLimitZeroAndEmptyResult() throws {
        let none = runSegmentSQL("SELECT customer_id FROM customers WHERE 0", segment: "s", entity: entity, database: try db(), limit: 5, format: .csv)
        XCTAssertEqual(none.stdout, "customer_id\n")
        XCTAssertEqual(none.stderr, "s: 0 customers, showing 0\n")
        let one = runSegmentSQL("SELECT customer_id FROM customers WHERE customer_id = 1", segment: "s", entity: entity, database: try db(), limit: 5, format: .table)
        XCTAssertTrue(one.stdout.hasPrefix("s: 1 customer (sqlite)\n"))
    }

    func testTextKeysSortBytewiseAndCSVQuotes() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        let out = runSegmentSQL("SELECT 'b,1' AS k UNION SELECT 'a\"q' UNION SELECT '10' UNION SELECT '9'", segment: "s", entity: entity, database: db, limit: 10, format: .csv)
        XCTAssertEqual(out.stdout, "k\n10\n9\n\"a\"\"q\"\n\"b,1\"\n")
    }

    func testMissingTableAndSQLErrorsExitTwoWithAClearMessage() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        let missing = runSegmentSQL("SELECT customer_id FROM customers", segment: "s", entity: entity, database: db, limit: 5, format: .table)
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertTrue(missing.stderr.contains("error[E1003]: table \"customers\" does not exist"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("help:"), missing.stderr)
        let bad = runSegmentSQL("SELEKT 1", segment: "s", entity: entity, database: db, limit: 5, format: .json)
        XCTAssertEqual(bad.exitCode, 2)
        XCTAssertTrue(bad.stderr.contains("syntax error"), bad.stderr)
    }

    func testRunRejectsBadURLAndNegativeLimitBeforeAnyWork() {
        let bad = runRun(files: ["nope.seg"], catalogPath: "nope.yaml", segment: nil, db: "mysql://h/db")
        XCTAssertEqual(bad.exitCode, 2)
        XCTAssertTrue(bad.stderr.contains("unsupported database URL scheme \"mysql\""), bad.stderr)
        let neg = runRun(files: ["nope.seg"], catalogPath: "nope.yaml", segment: nil, db: "x.db", limit: -1)
        XCTAssertEqual(neg.exitCode, 2)
        XCTAssertTrue(neg.stderr.contains("--limit"), neg.stderr)
        let noCatalog = runRun(files: ["nope.seg"], catalogPath: "/nonexistent/catalog.yaml", segment: nil, db: "x.db")
        XCTAssertEqual(noCatalog.exitCode, 2)
        XCTAssertTrue(noCatalog.stderr.contains("/nonexistent/catalog.yaml"), noCatalog.stderr)
    }

    func testPostgresResultsFormatTheSame() throws {
        let s = try TestPostgres.Scratch()
        let pg = try s.open()
        try pg.execute("CREATE TABLE customers (customer_id bigint PRIMARY KEY); INSERT INTO customers VALUES (3), (10), (2)")
        let out = runSegmentSQL("SELECT customer_id FROM customers", segment: "s", entity: entity, database: pg, limit: 2, format: .json)
        XCTAssertEqual(out.stdout, "{\"segment\": \"s\", \"dialect\": \"postgres\", \"key\": \"customer_id\", \"count\": 3, \"limit\": 2, \"keys\": [2, 3]}\n")
        try pg.execute("CREATE TABLE t (k text); INSERT INTO t VALUES ('2'), ('03')")
        let text = runSegmentSQL("SELECT k FROM t", segment: "s", entity: entity, database: pg, limit: 0, format: .json)
        XCTAssertTrue(text.stdout.hasSuffix("\"limit\": null, \"keys\": [\"2\", \"03\"]}\n"), text.stdout)
        let missing = runSegmentSQL("SELECT customer_id FROM nope", segment: "s", entity: entity, database: pg, limit: 2, format: .table)
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertTrue(missing.stderr.contains("table \"nope\" does not exist"), missing.stderr)
    }
}
