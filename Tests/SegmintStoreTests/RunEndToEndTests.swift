import XCTest
import SegmintCore
@testable import SegmintStore
@testable import SegmintDemo
@testable import SegmintDriver

/// `segmint run` from files to keys on SQLite and PostgreSQL, checked against hand-written SQL
/// over the same demo data (not against the SQL Segmint generates).
final class RunEndToEndTests: XCTestCase {
    static let asOf = CivilDate(year: 2026, month: 3, day: 1)!
    static var demoPath: String?

    static let segment = """
        segment west_outdoor "CA outdoor buyers" {
          as_of 2026-03-01
          include {
            state = "CA"
            lifetime_spend >= 500
            has purchase where category = "Outdoor" during last 365 days
          }
          exclude { email_opt_out = true }
        }
        segment quotes { include { last_name = "O'Brien" } }
        segment hostile {
          include {
            any {
              last_name starts_with "o'"
              city contains "D'A"
              has purchase where discount_code contains "%_"
              has purchase where discount_code = "A_B"
            }
          }
        }
        """

    /// `hostile` by hand: literal, case-insensitive matching without LIKE.
    static let hostileSQL = """
        SELECT customer_id FROM customers c
        WHERE substr(lower(last_name), 1, 2) = 'o'''
           OR instr(lower(city), 'd''a') > 0
           OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id
                      AND (instr(o.discount_code, '%_') > 0 OR o.discount_code = 'A_B'))
        ORDER BY customer_id
        """

    /// The same segment written by hand for SQLite (storage convention: text timestamps, 0/1).
    static let independentSQL = """
        SELECT customer_id FROM customers c
        WHERE state = 'CA' AND lifetime_spend >= 500
          AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.category = 'Outdoor'
                      AND o.ordered_at >= '2025-03-02' AND o.ordered_at < '2026-03-02')
          AND NOT coalesce(email_opt_out = 1, 0)
        ORDER BY customer_id
        """

    func demo() throws -> String {
        if let p = Self.demoPath { return p }
        let p = TestFiles.temp("run-e2e", "db")
        _ = try DemoData.writeSQLite(path: p, catalog: RetailFixture.catalog, options: DemoOptions(customers: 4000, seed: 11, asOf: Self.asOf))
        Self.demoPath = p
        return p
    }

    override class func tearDown() { if let p = demoPath { unlink(p) } }

    func segFile() throws -> String { try TestFiles.write(Self.segment, tag: "run", ext: "seg") }

    func testSQLiteRunMatchesHandWrittenSQL() throws {
        let db = try demo(), seg = try segFile()
        defer { unlink(seg) }
        let expected = try SQLiteDatabase(path: db).query(Self.independentSQL).rows.compactMap { $0[0] }
        XCTAssertGreaterThan(expected.count, 5, "the demo data should make this segment non-trivial")
        let out = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "west_outdoor", db: db, limit: 1000, format: .csv)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertEqual(out.stdout, "customer_id\n" + expected.map { $0 + "\n" }.joined())
        let json = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "west_outdoor", db: "sqlite:" + db, limit: 3, format: .json)
        XCTAssertEqual(json.stdout, "{\"segment\": \"west_outdoor\", \"dialect\": \"sqlite\", \"key\": \"customer_id\", \"count\": \(expected.count), \"limit\": 3, \"keys\": [\(expected.prefix(3).joined(separator: ", "))]}\n")
        let quotes = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "quotes", db: db, limit: 0, format: .table)
        let obriens = try SQLiteDatabase(path: db).query("SELECT count(*) FROM customers WHERE last_name = 'O''Brien'").rows[0][0] ?? ""
        // --limit 0 prints every key: the count line, the header, the rule, one line per key.
        XCTAssertTrue(quotes.stdout.hasPrefix("quotes: \(obriens) customers (sqlite)\n"), quotes.stdout)
        XCTAssertEqual(quotes.stdout.split(separator: "\n").count, Int(obriens) == 0 ? 1 : 3 + (Int(obriens) ?? -1), quotes.stdout)
    }

    func testPostgresRunGivesTheSameKeys() throws {
        let s = try TestPostgres.Scratch()
        _ = try DemoData.write(to: s.url, catalog: RetailFixture.catalog, options: DemoOptions(customers: 4000, seed: 11, asOf: Self.asOf))
        let expected = try SQLiteDatabase(path: try demo()).query(Self.independentSQL).rows.compactMap { $0[0] }
        let seg = try segFile()
        defer { unlink(seg) }
        let out = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "west_outdoor", db: s.url, limit: 1000, format: .csv)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertEqual(out.stdout, "customer_id\n" + expected.map { $0 + "\n" }.joined())
    }

    func testHostileStringsMatchLiterallyOnSQLiteAndPostgres() throws {
        let db = try demo(), seg = try segFile()
        defer { unlink(seg) }
        let lite = try SQLiteDatabase(path: db)
        let expected = try lite.query(Self.hostileSQL).rows.compactMap { $0[0] }
        XCTAssertGreaterThan(expected.count, 50)
        // Near misses exist: read as wildcards, `%_` would also match these codes.
        XCTAssertEqual(try lite.query("SELECT count(*) > 0 FROM orders WHERE discount_code LIKE '%_%' AND instr(discount_code, '%_') = 0").rows, [["1"]])
        let want = "customer_id\n" + expected.map { $0 + "\n" }.joined()
        let out = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "hostile", db: db, limit: 100_000, format: .csv)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertEqual(out.stdout, want)
        let s = try TestPostgres.Scratch()
        _ = try DemoData.write(to: s.url, catalog: RetailFixture.catalog, options: DemoOptions(customers: 4000, seed: 11, asOf: Self.asOf))
        let pg = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "hostile", db: s.url, limit: 100_000, format: .csv)
        XCTAssertEqual(pg.exitCode, 0, pg.stderr)
        XCTAssertEqual(pg.stdout, want)
    }

    func testSegmentIsOptionalOnlyWithOneSegment() throws {
        let db = try demo(), seg = try segFile()
        let one = try TestFiles.write("segment only { include { country = \"MX\" } }", tag: "one", ext: "seg")
        defer { unlink(seg); unlink(one) }
        let many = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: nil, db: db)
        XCTAssertEqual(many.exitCode, 2)
        XCTAssertTrue(many.stderr.contains("choose one with --segment") && many.stderr.contains("west_outdoor, quotes, hostile"), many.stderr)
        let unknown = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "west_outdor", db: db)
        XCTAssertEqual(unknown.exitCode, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean \"west_outdoor\"?"), unknown.stderr)
        let mx = try SQLiteDatabase(path: db).query("SELECT count(*) FROM customers WHERE country = 'MX'").rows[0][0] ?? ""
        let single = runRun(files: [one], catalogPath: TestFiles.retailCatalog, segment: nil, db: db, limit: 0, format: .csv)
        XCTAssertEqual(single.stderr, "only: \(mx) customers, showing \(mx)\n")
    }

    func testInputErrorsExitOneAndDatabaseTroubleExitTwo() throws {
        let seg = try segFile()
        let bad = try TestFiles.write("segment s { include { lifetime_spent >= 1 } }", tag: "bad", ext: "seg")
        let empty = TestFiles.temp("empty", "db")
        defer { unlink(seg); unlink(bad); unlink(empty) }
        let typo = runRun(files: [bad], catalogPath: TestFiles.retailCatalog, segment: nil, db: try demo())
        XCTAssertEqual(typo.exitCode, 1)
        XCTAssertTrue(typo.stderr.contains("lifetime_spend"), typo.stderr)
        // A database file without the tables: the missing table is named.
        _ = try SQLiteDatabase(path: empty).execute("CREATE TABLE unrelated (x INTEGER)")
        let missing = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "quotes", db: empty)
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertTrue(missing.stderr.contains("table \"customers\" does not exist"), missing.stderr)
        let noFile = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "quotes", db: "/nonexistent/dir/demo.db")
        XCTAssertEqual(noFile.exitCode, 2)
        XCTAssertTrue(noFile.stderr.contains("cannot open SQLite database /nonexistent/dir/demo.db"), noFile.stderr)
    }

    func testUnreachableServerFailsFastWithExitTwo() throws {
        let seg = try segFile()
        defer { unlink(seg) }
        let port = try closedPort()
        let start = DispatchTime.now()
        let out = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "quotes", db: "postgres://bob:s3cret@127.0.0.1:\(port)/shop")
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("error[E1002]: cannot connect to PostgreSQL at 127.0.0.1:\(port)"), out.stderr)
        XCTAssertFalse(out.stderr.contains("s3cret"))
        XCTAssertEqual(out.stdout, "")
        XCTAssertLessThan(seconds, 6)
    }
}
