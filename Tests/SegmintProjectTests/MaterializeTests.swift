import XCTest
import SegmintCore
import SegmintSQL
import SegmintStore
import SegmintDriver

/// `--materialize` and `export`: statements executed on SQLite, PostgreSQL and DuckDB, parsed
/// by sqlglot for the warehouses this machine cannot run.
final class MaterializeTests: XCTestCase {
    private func shop() throws -> TempProject {
        let t = try TempProject(["shop.yaml": ShopCatalog.yaml, "s.seg": ShopCatalog.segments])
        return t
    }

    /// Five members (two paying big teams, one with a comma and a quote in its plan-free name).
    private func fill(_ db: Database) throws {
        try db.execute("CREATE TABLE members (member_id INTEGER, plan TEXT, seats INTEGER, fee REAL, trial INTEGER, joined_on TEXT)")
        try db.execute("""
        INSERT INTO members VALUES (1, 'pro', 12, 9.5, 0, '2025-01-01'), (2, 'team', 30, NULL, 1, NULL),
          (3, 'team', 2, 20, 0, NULL), (4, 'free', 50, 0, 0, NULL), (5, NULL, NULL, NULL, NULL, NULL)
        """)
        try db.execute("CREATE TABLE logins (member_id INTEGER, at TEXT, device TEXT)")
    }

    func testSQLiteReplaceAppendAndColumns() throws {
        let t = try shop()
        let dbPath = t.path("shop.db")
        let db = try SQLiteDatabase(path: dbPath)
        try fill(db)
        db.close()
        func materialize(_ mode: String, table: String = "audience") -> CommandOutput {
            runMaterialize(files: [t.path("s.seg")], catalogPath: t.path("shop.yaml"), segment: "big_teams", db: dbPath,
                           table: table, mode: mode, columns: ["plan", "monthly_fee"])
        }
        let first = materialize("replace")
        XCTAssertEqual(first.exitCode, 0, first.stderr)
        XCTAssertEqual(first.stdout, "big_teams: wrote audience; it now holds 2 rows\n")
        XCTAssertEqual(materialize("replace").stdout, "big_teams: wrote audience; it now holds 2 rows\n", "replaced, not added")
        XCTAssertEqual(materialize("append").stdout, "big_teams: appended to audience; it now holds 4 rows\n")
        let check = try SQLiteDatabase(path: dbPath)
        defer { check.close() }
        XCTAssertEqual(try check.query("SELECT name FROM pragma_table_info('audience') ORDER BY cid").rows.map { $0[0] ?? "" },
                       ["member_id", "plan", "monthly_fee"])
        XCTAssertEqual(try check.query("SELECT DISTINCT member_id, plan, monthly_fee FROM audience ORDER BY 1").rows,
                       [["1", "pro", "9.5"], ["2", "team", nil]])
        let missing = materialize("append", table: "nowhere")
        XCTAssertEqual(missing.exitCode, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere"), missing.stderr)
    }

    func testPostgreSQLReplaceAndAppendOnARealServer() throws {
        let env = ProcessInfo.processInfo.environment
        guard let base = env["SEGMINT_TEST_PG"], !base.isEmpty else {
            if env["CI"] != nil { XCTFail("SEGMINT_TEST_PG is not set under CI") }
            throw XCTSkip("SEGMINT_TEST_PG not set (eval \"$(scripts/pg_test_server.sh start)\")")
        }
        let schema = "segmint_mat_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try DatabaseURL.open(base)
        try admin.execute("CREATE SCHEMA \(schema)")
        defer { try? admin.execute("DROP SCHEMA \(schema) CASCADE"); admin.close() }
        let url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
        let db = try DatabaseURL.open(url)
        try db.execute("CREATE TABLE members (member_id bigint, plan text, seats bigint, fee numeric, trial boolean, joined_on date)")
        try db.execute("INSERT INTO members VALUES (1, 'pro', 12, 9.5, false, '2025-01-01'), (2, 'team', 30, NULL, true, NULL), (4, 'free', 50, 0, false, NULL)")
        try db.execute("CREATE TABLE logins (member_id bigint, at timestamp, device text)")
        db.close()
        let t = try shop()
        for (mode, rows) in [("replace", 2), ("replace", 2), ("append", 4)] {
            let out = runMaterialize(files: [t.path("s.seg")], catalogPath: t.path("shop.yaml"), segment: "big_teams", db: url,
                                     table: "\(schema).audience", mode: mode, columns: ["seats"])
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            XCTAssertTrue(out.stdout.hasSuffix("now holds \(rows) rows\n"), out.stdout)
        }
        let check = try DatabaseURL.open(url)
        defer { check.close() }
        XCTAssertEqual(try check.query("SELECT DISTINCT member_id, seats FROM audience ORDER BY 1").rows, [["1", "12"], ["2", "30"]])
    }

    private func statement(_ dialect: Dialect, _ mode: MaterializeMode, table: String = "mart.audience") throws -> String {
        let t = try shop()
        let out = runCompileMaterialize(paths: [t.path("s.seg")], catalogPath: t.path("shop.yaml"), segment: "big_teams",
                                        dialect: dialect.rawValue, asOf: "2026-03-01", table: table, mode: mode.rawValue, columns: ["plan", "seats"])
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        return out.stdout
    }

    func testStatementsPerDialect() throws {
        XCTAssertTrue(try statement(.postgres, .replace).contains("BEGIN;\nDROP TABLE IF EXISTS \"mart\".\"audience\";\nCREATE TABLE \"mart\".\"audience\" AS\nSELECT DISTINCT e.\"member_id\", e.\"plan\" AS \"plan\", e.\"seats\" AS \"seats\"\n"))
        XCTAssertTrue(try statement(.postgres, .append).contains("INSERT INTO \"mart\".\"audience\" (\"member_id\", \"plan\", \"seats\")\nSELECT DISTINCT"))
        XCTAssertTrue(try statement(.snowflake, .replace).contains("CREATE OR REPLACE TABLE \"mart\".\"audience\" AS\n"))
        XCTAssertTrue(try statement(.bigquery, .replace).contains("CREATE OR REPLACE TABLE `mart`.`audience` AS\n"))
        XCTAssertTrue(try statement(.spark, .replace).contains("DROP TABLE IF EXISTS `mart`.`audience`;\nCREATE TABLE `mart`.`audience` AS\n"))
        XCTAssertTrue(try statement(.spark, .append).contains("INSERT INTO `mart`.`audience`\nSELECT DISTINCT"))
        XCTAssertTrue(try statement(.postgres, .replace).hasPrefix("-- segment: big_teams\n-- catalog: shop@1\n-- dialect: postgres\n-- as of: 2026-03-01\n-- materialize: mart.audience (replace)\n"))
    }

    func testUnknownColumnsBadTablesAndModesAreRefused() throws {
        let t = try shop()
        func run(table: String = "a", mode: String = "replace", columns: [String]) -> CommandOutput {
            runCompileMaterialize(paths: [t.path("s.seg")], catalogPath: t.path("shop.yaml"), segment: "paying", dialect: "postgres",
                                  asOf: nil, table: table, mode: mode, columns: columns)
        }
        let col = run(columns: ["plna"])
        XCTAssertEqual(col.exitCode, 1)
        XCTAssertTrue(col.stderr.contains("members has no column or facet \"plna\"") && col.stderr.contains("did you mean \"plan\"?"), col.stderr)
        XCTAssertEqual(run(columns: ["fee"]).exitCode, 0, "a facet's column is accepted too")
        XCTAssertEqual(run(columns: ["member_id"]).exitCode, 1, "the key is already there")
        for bad in ["a;drop", "", "a..b", "1abc", "a.b.c.d", "\"x\""] {
            let out = run(table: bad, columns: [])
            XCTAssertEqual(out.exitCode, 1, bad)
            XCTAssertTrue(out.stderr.contains("invalid table name"), out.stderr)
        }
        let mode = run(mode: "overwrite", columns: [])
        XCTAssertEqual(mode.exitCode, 2)
        XCTAssertTrue(mode.stderr.contains("use replace or append"), mode.stderr)
    }

    func testDuckDBExecutesReplaceAndAppend() throws {
        guard Py.available("duckdb") else { throw XCTSkip("python duckdb not installed (SEGMINT_PYTHON)") }
        let replace = try statement(.duckdb, .replace, table: "audience"), append = try statement(.duckdb, .append, table: "audience")
        let script = """
        import sys, json, duckdb
        stmts = json.load(sys.stdin)
        con = duckdb.connect(':memory:')
        con.execute("CREATE TABLE members (member_id BIGINT, plan VARCHAR, seats BIGINT, fee DECIMAL(9,2), trial BOOLEAN, joined_on DATE)")
        con.execute("INSERT INTO members VALUES (1,'pro',12,9.5,false,'2025-01-01'),(2,'team',30,NULL,true,NULL),(3,'free',90,0,false,NULL)")
        con.execute('CREATE TABLE logins (member_id BIGINT, "at" TIMESTAMP, device VARCHAR)')
        out = []
        for s in stmts:
            con.execute(s)
            out.append(con.execute('SELECT COUNT(*) FROM audience').fetchone()[0])
        cols = [r[0] for r in con.execute("DESCRIBE audience").fetchall()]
        json.dump({'counts': out, 'columns': cols}, sys.stdout)
        """
        let out = try Py.run(script, input: try JSONSerialization.data(withJSONObject: [replace, replace, append]))
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: out) as? [String: Any])
        XCTAssertEqual(result["counts"] as? [Int], [2, 2, 4])
        XCTAssertEqual(result["columns"] as? [String], ["member_id", "plan", "seats"])
    }

    func testSqlglotParsesTheWarehouseStatements() throws {
        guard Py.available("sqlglot") else { throw XCTSkip("python sqlglot not installed (SEGMINT_PYTHON)") }
        var cases: [[String]] = []
        for d in [Dialect.bigquery, .snowflake, .spark, .trino] {
            for m in MaterializeMode.allCases { cases.append([d.rawValue, m.rawValue, try statement(d, m)]) }
        }
        let script = """
        import sys, json, sqlglot
        out = []
        for dialect, mode, sql in json.load(sys.stdin):
            try:
                stmts = [s for s in sqlglot.parse(sql, read=dialect, error_level=sqlglot.ErrorLevel.RAISE) if s is not None]
                kinds = [type(s).__name__ for s in stmts]
                tables = sorted({t.name for s in stmts for t in s.find_all(sqlglot.exp.Table)})
                out.append({'dialect': dialect, 'mode': mode, 'kinds': kinds, 'tables': tables})
            except Exception as e:
                out.append({'dialect': dialect, 'mode': mode, 'error': str(e)})
        json.dump(out, sys.stdout)
        """
        let out = try Py.run(script, input: try JSONSerialization.data(withJSONObject: cases))
        let results = try XCTUnwrap(try JSONSerialization.jsonObject(with: out) as? [[String: Any]])
        XCTAssertEqual(results.count, 8)
        for r in results {
            let label = "\(r["dialect"] ?? "") \(r["mode"] ?? "")"
            XCTAssertNil(r["error"], "\(label): \(r["error"] ?? "")")
            let kinds = r["kinds"] as? [String] ?? []
            if r["mode"] as? String == "append" { XCTAssertEqual(kinds, ["Insert"], label) }
            else { XCTAssertEqual(kinds.last, "Create", label) }
            XCTAssertEqual(r["tables"] as? [String], ["audience", "members"], label)
        }
    }

    func testExportWritesCSVWithColumnsAndNulls() throws {
        let t = try shop()
        let db = try SQLiteDatabase(path: t.path("shop.db"))
        try fill(db)
        try db.execute("UPDATE members SET plan = 'te,am \"x\"' WHERE member_id = 3")
        db.close()
        try t.write("any.seg", "segment anyone { include { seats >= 0 } }\n")
        let out = runExport(files: [t.path("any.seg")], catalogPath: t.path("shop.yaml"), segment: nil, db: t.path("shop.db"),
                            csv: t.path("out.csv"), columns: ["plan", "monthly_fee"])
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertEqual(t.read("out.csv"), "member_id,plan,monthly_fee\n1,pro,9.5\n2,team,\n3,\"te,am \"\"x\"\"\",20.0\n4,free,0.0\n")
        XCTAssertTrue(out.stderr.contains("anyone: 4 members written to"), out.stderr)
        let bad = runExport(files: [t.path("any.seg")], catalogPath: t.path("shop.yaml"), segment: nil, db: t.path("shop.db"),
                            csv: t.path("missing/dir/out.csv"), columns: [])
        XCTAssertEqual(bad.exitCode, 2)
        XCTAssertFalse(t.exists("missing"))
    }
}

/// The Python oracles (sqlglot, duckdb) of `SEGMINT_PYTHON`.
enum Py {
    static var executable: String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["SEGMINT_PYTHON"], !p.isEmpty { return p }
        return "python3"
    }

    static func available(_ module: String) -> Bool { (try? run("import \(module)", input: Data())) != nil }

    static func run(_ script: String, input: Data) throws -> Data {
        let dir = NSTemporaryDirectory() + "segmint-py-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try input.write(to: URL(fileURLWithPath: dir + "/in.json"))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : "/usr/bin/env")
        p.arguments = (executable.hasPrefix("/") ? [] : [executable]) + ["-c", script]
        p.standardInput = FileHandle(forReadingAtPath: dir + "/in.json")
        FileManager.default.createFile(atPath: dir + "/out", contents: nil)
        FileManager.default.createFile(atPath: dir + "/err", contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: dir + "/out")
        p.standardError = FileHandle(forWritingAtPath: dir + "/err")
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw NSError(domain: "python", code: Int(p.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? ""])
        }
        return try Data(contentsOf: URL(fileURLWithPath: dir + "/out"))
    }
}
