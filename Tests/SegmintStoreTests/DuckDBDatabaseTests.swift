import XCTest
import SegmintCore
@testable import SegmintStore
@testable import SegmintDemo
@testable import SegmintDriver

/// The DuckDB backend through the real `duckdb` command-line tool: values, NULLs, hostile
/// text, errors, transactions, and `run`/`demo` giving the same keys as SQLite on the same data.
final class DuckDBDatabaseTests: XCTestCase {
    func requireTool() throws {
        try XCTSkipIf((try? DuckDBTool.locate()) == nil,
                      "the duckdb command-line tool is not installed (pip install duckdb-cli, or scripts/deps.sh --test)")
    }

    func tempDuckDB(_ tag: String) -> String {
        let p = TestFiles.temp(tag, "duckdb")
        addTeardownBlock { unlink(p); unlink(p + ".wal") }
        return p
    }

    func testURLForms() throws {
        XCTAssertEqual(try DatabaseURL.parse("duckdb:///abs/x.duckdb"), .duckdb(path: "/abs/x.duckdb"))
        XCTAssertEqual(try DatabaseURL.parse("duckdb:rel/x.db"), .duckdb(path: "rel/x.db"))
        XCTAssertEqual(try DatabaseURL.parse("duckdb://rel/x.db"), .duckdb(path: "rel/x.db"))
        XCTAssertEqual(try DatabaseURL.parse("shop.duckdb"), .duckdb(path: "shop.duckdb"))
        XCTAssertEqual(try DatabaseURL.parse("shop.db"), .sqlite(path: "shop.db"))
        XCTAssertEqual(try DatabaseURL.parse("duckdb:x.duckdb").dialectName, "duckdb")
        for bad in ["duckdb:", "duckdb://", "duckdb::memory:"] {
            XCTAssertThrowsError(try DatabaseURL.parse(bad), bad) { XCTAssertEqual(($0 as? DatabaseError)?.kind, .badURL) }
        }
    }

    /// Values written by the CLI itself come back as text with their types and NULLs intact.
    func testValuesNullsAndHostileText() throws {
        try requireTool()
        let path = tempDuckDB("duck-values")
        let hostile = "it's \"quoted\"\\n\n.shell echo pwned\n; DROP TABLE t; -- \u{1F600} é \u{7}"
        let db = try DuckDBDatabase(path: path)
        try db.execute("CREATE TABLE t (id BIGINT, name VARCHAR, d DATE, x DOUBLE, ok BOOLEAN, big HUGEINT, amount DECIMAL(12,2))")
        try db.execute("INSERT INTO t VALUES (1, \(SQLText.quoteLiteral(hostile)), DATE '2026-03-01', 1.5, true, 170141183460469231731687303715884105727, 12.30), (2, NULL, NULL, NULL, NULL, NULL, NULL)")
        let r = try db.query("SELECT * FROM t ORDER BY id")
        XCTAssertEqual(r.columns, ["id", "name", "d", "x", "ok", "big", "amount"])
        XCTAssertEqual(r.integerColumns, [true, false, false, false, false, true, false])
        XCTAssertEqual(r.rows.count, 2)
        XCTAssertEqual(r.rows[0], ["1", hostile, "2026-03-01", "1.5", "true", "170141183460469231731687303715884105727", "12.30"])
        XCTAssertEqual(r.rows[1], ["2", nil, nil, nil, nil, nil, nil])
        // No row still names the columns; duplicate names are kept in order.
        let empty = try db.query("SELECT id, name AS id FROM t WHERE false;")
        XCTAssertEqual(empty.columns, ["id", "id"]); XCTAssertEqual(empty.rows.count, 0)
        // Parameters are bound as escaped literals, never spliced raw; `$1` inside a literal stays.
        let bound = try db.query("SELECT id, '$1' AS lit FROM t WHERE name = $1", parameters: [hostile])
        XCTAssertEqual(bound.rows, [["1", "$1"]])
        XCTAssertEqual(try db.query("SELECT count(*) FROM t WHERE name = $1", parameters: [nil]).rows, [["0"]])
        XCTAssertEqual(try db.tableNames(), ["t"])
    }

    func testErrorsAreClassified() throws {
        try requireTool()
        let path = tempDuckDB("duck-errors")
        let db = try DuckDBDatabase(path: path)
        try db.execute("CREATE TABLE t (a INTEGER)")
        XCTAssertThrowsError(try db.query("SELECT * FROM customers")) { e in
            let err = e as? DatabaseError
            XCTAssertEqual(err?.kind, .missingTable); XCTAssertEqual(err?.table, "customers")
        }
        XCTAssertThrowsError(try db.query("SELEC 1")) { XCTAssertEqual(($0 as? DatabaseError)?.kind, .sql) }
        // One statement per query: a second one (or a CLI dot-command after it) is refused.
        XCTAssertThrowsError(try db.query("SELECT 1;\n.shell echo pwned\n")) { XCTAssertTrue("\($0)".contains("several"), "\($0)") }
        XCTAssertEqual(try db.query("SELECT ';' AS a /* ; */ -- ;\n;").rows, [[";"]])
        XCTAssertThrowsError(try DuckDBDatabase(path: path + ".missing", create: false)) {
            XCTAssertEqual(($0 as? DatabaseError)?.kind, .connection)
            XCTAssertTrue("\($0)".contains("no such file"), "\($0)")
        }
    }

    /// BEGIN … COMMIT runs in one process; ROLLBACK drops what was collected.
    func testTransactions() throws {
        try requireTool()
        let db = try DuckDBDatabase(path: tempDuckDB("duck-tx"))
        try db.execute("CREATE TABLE t (a INTEGER)")
        try db.transaction {
            let ins = try db.bulkInserter(table: "t", columns: ["a"])
            for i in 0..<2500 { try ins.append([.int(Int64(i))]) }
            try ins.finish()
            XCTAssertEqual(try db.query("SELECT count(*) FROM t").rows, [["2500"]], "a query sees the open transaction")
        }
        XCTAssertEqual(try db.query("SELECT count(*), sum(a) FROM t").rows, [["2500", "3123750"]])
        struct Abort: Error {}
        XCTAssertThrowsError(try db.transaction { try db.execute("INSERT INTO t VALUES (-1)"); throw Abort() })
        XCTAssertEqual(try db.query("SELECT count(*) FROM t WHERE a < 0").rows, [["0"]])
    }

    func testMissingToolIsAClearError() throws {
        let old = getenv("SEGMINT_DUCKDB").map { String(cString: $0) }
        setenv("SEGMINT_DUCKDB", "/nonexistent/duckdb", 1)
        defer { if let old { setenv("SEGMINT_DUCKDB", old, 1) } else { unsetenv("SEGMINT_DUCKDB") } }
        XCTAssertThrowsError(try DuckDBDatabase(path: "x.duckdb")) { e in
            XCTAssertEqual((e as? DatabaseError)?.kind, .connection)
            XCTAssertTrue("\(e)".contains("pip install duckdb-cli"), "\(e)")
        }
        let seg = try TestFiles.write("segment s { include { state = \"CA\" } }", tag: "duck-tool", ext: "seg")
        defer { unlink(seg) }
        let out = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: nil, db: "duckdb:x.duckdb", limit: 5, format: .csv)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("E1002") && out.stderr.contains("pip install duckdb-cli"), out.stderr)
    }

    /// The same demo data in SQLite and DuckDB (one seed): `run` gives the same keys on both.
    func testRunOnDuckDBMatchesSQLite() throws {
        try requireTool()
        let options = DemoOptions(customers: 1500, seed: 11, asOf: RunEndToEndTests.asOf)
        let sqlite = TestFiles.temp("duck-ref", "db")
        defer { unlink(sqlite) }
        _ = try DemoData.writeSQLite(path: sqlite, catalog: RetailFixture.catalog, options: options)
        let duck = tempDuckDB("duck-run")
        let summary = try DemoData.write(to: "duckdb://" + duck, catalog: RetailFixture.catalog, options: options)
        let lite = try SQLiteDatabase(path: sqlite), dd = try DuckDBDatabase(path: duck, create: false)
        for (table, count) in summary.tables {
            let q = "SELECT count(*) FROM \(SQLText.quoteTableName(table))"
            XCTAssertEqual(try dd.query(q).rows, [[String(count)]], table)
            XCTAssertEqual(try lite.query(q).rows, [[String(count)]], table)
        }
        let seg = try TestFiles.write(RunEndToEndTests.segment, tag: "duck-run", ext: "seg")
        defer { unlink(seg) }
        var nonEmpty = 0
        for name in ["west_outdoor", "quotes", "hostile"] {
            let a = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: name, db: sqlite, limit: 0, format: .csv)
            let b = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: name, db: "duckdb:" + duck, limit: 0, format: .csv)
            XCTAssertEqual(a.exitCode, 0, a.stderr); XCTAssertEqual(b.exitCode, 0, b.stderr)
            XCTAssertEqual(b.stdout, a.stdout, name)
            if a.stdout.split(separator: "\n").count > 1 { nonEmpty += 1 }
        }
        XCTAssertGreaterThanOrEqual(nonEmpty, 2, "the data should make the segments non-trivial")
        let json = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "west_outdoor", db: duck, limit: 2, format: .json)
        XCTAssertEqual(json.exitCode, 0, json.stderr)
        XCTAssertTrue(json.stdout.hasPrefix("{\"segment\": \"west_outdoor\", \"dialect\": \"duckdb\", \"key\": \"customer_id\""), json.stdout)
        // overlap's one scan gives the same counts on both databases.
        let overlaps = [sqlite, duck].map {
            runOverlap(OverlapRequest(paths: [seg], catalogPath: TestFiles.retailCatalog, dbURL: $0, format: "csv"))
        }
        XCTAssertEqual(overlaps[0].exitCode, 0, overlaps[0].stderr); XCTAssertEqual(overlaps[1].exitCode, 0, overlaps[1].stderr)
        XCTAssertEqual(overlaps[1].stdout, overlaps[0].stdout)
        XCTAssertTrue(overlaps[0].stdout.contains("west_outdoor"), overlaps[0].stdout)
        // catalog import reads DuckDB's native types through its SQLite-compatible schema functions.
        let imported = runCatalogImport(db: duck, entity: "customers", key: "customer_id")
        XCTAssertEqual(imported.exitCode, 0, imported.stderr)
        for line in ["{name: \"email_opt_out\", type: bool}", "{name: \"created_at\", type: date}", "{name: \"lifetime_spend\", type: decimal}"] {
            XCTAssertTrue(imported.stdout.contains(line), line + "\n" + imported.stdout)
        }
        let missing = runRun(files: [seg], catalogPath: TestFiles.retailCatalog, segment: "quotes", db: duck + ".none.duckdb", limit: 5, format: .csv)
        XCTAssertEqual(missing.exitCode, 2); XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)
    }
}
