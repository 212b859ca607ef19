import XCTest
import SegmintCore
import SegmintStore
@testable import SegmintDriver

/// Spec §6 (SQL): header, one key column, determinism, quoted identifiers, escaped literals in
/// every dialect (parsed by sqlglot), and the §3 answers again on DuckDB (Python venv).
final class ConformanceSQLTests: ConformanceCase {
    static let dialects = ["postgres", "sqlite", "duckdb", "bigquery", "snowflake", "spark", "trino"]

    func compile(_ text: String, dialect: String, segment: String? = nil, asOf: String? = nil) throws -> CommandOutput {
        let p = try file("c\(UInt32.random(in: 0...UInt32.max)).seg", text)
        return runCompile(paths: [p], catalogPath: Conformance.saas, segment: segment, dialect: dialect, asOf: asOf, count: false)
    }

    // Header: segment, catalog name@version, dialect, as-of date
    func testHeaderComment() throws {
        for d in Self.dialects {
            let out = try compile("segment hdr { as_of 2026-03-30 include { seats > 1 } }", dialect: d)
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            let lines = out.stdout.split(separator: "\n").prefix(4).map(String.init)
            XCTAssertEqual(lines, ["-- segment: hdr", "-- catalog: saas@1", "-- dialect: \(d)", "-- as of: 2026-03-30"])
        }
        let flag = try compile("segment hdr { include { seats > 1 } }", dialect: "trino", asOf: "2026-01-02")
        XCTAssertTrue(flag.stdout.contains("-- as of: 2026-01-02\n"), flag.stdout)
        let relative = try compile("segment hdr { include { has login during last 3 days } }", dialect: "postgres")
        XCTAssertTrue(relative.stdout.hasPrefix("-- segment: hdr\n"), relative.stdout)
        XCTAssertFalse(relative.stdout.contains("-- as of: 20"), "no pinned date without as_of/--as-of: \(relative.stdout)")
        XCTAssertTrue(relative.stdout.uppercased().contains("CURRENT_DATE") || relative.stdout.lowercased().contains("now"),
                      "relative SQL should use the warehouse's current date: \(relative.stdout)")
    }

    // Deterministic bytes
    func testDeterministicOutput() throws {
        let text = include("any { plan >= \"pro\" region in [\"EMEA\", \"APAC\"] } has invoice where status = \"paid\" during last 3 months sum(total) > 10 has login count_distinct(user_email) >= 1")
        for d in Self.dialects {
            let a = try compile(text, dialect: d), b = try compile(text, dialect: d)
            XCTAssertEqual(a.exitCode, 0, a.stderr)
            XCTAssertEqual(a.stdout, b.stdout)
        }
    }

    // Identifiers from the catalog, quoted in the dialect's way (table names needing quotes, schema.table)
    func testIdentifiersAreQuoted() throws {
        let text = include("company_name = \"x\" seats > 1 has invoice where total > 1 has login during last 3 days")
        for d in Self.dialects {
            let out = try compile(text, dialect: d)
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            let q: (String) -> String = { ["bigquery", "spark"].contains(d) ? "`\($0)`" : "\"\($0)\"" }
            for ident in ["SaaS Accounts", "Company Name", "SeatCount", "Login Events", "LoggedAt", "Total", "acct_id", "account_ref"] {
                XCTAssertTrue(out.stdout.contains(q(ident)), "\(d): \(ident) not quoted:\n\(out.stdout)")
            }
            XCTAssertTrue(out.stdout.contains(q("main") + "." + q("invoices")), "\(d): schema.table:\n\(out.stdout)")
        }
    }

    // Hostile literals: every dialect parses to exactly one SELECT returning one column named as the key
    func testHostileLiteralsParseInEveryDialect() throws {
        let hostile = [
            #"it's"#, #"a''b"#, #"back\\slash"#, #"\\'; DROP TABLE x; --"#, #"50%_off"#, #"new\nline\ttab"#,
            #"q\"uote"#, #"\u{1F600} emoji"#, #"$$dollar$$"#, #"`tick`"#, #"*/ /* comment"#, #"?1 $1 :name"#,
        ]
        var items: [[String]] = []
        for h in hostile {
            let text = include("any { lastname = \"\(h)\" company_name contains \"\(h)\" lastname starts_with \"\(h)\" has login where user_email in [\"\(h)\", \"x\"] }")
            for d in Self.dialects {
                let out = try compile(text, dialect: d)
                XCTAssertEqual(out.exitCode, 0, out.stderr)
                items.append([d, out.stdout])
            }
        }
        let answers = try oracle(["op": "parse", "items": items])
        XCTAssertEqual(answers.count, items.count)
        for (item, a) in zip(items, answers) {
            XCTAssertTrue(a["error"] is NSNull, "\(item[0]): \(a["error"] ?? "")\n\(item[1])")
            XCTAssertEqual(a["columns"] as? [String], ["acct_id"], "\(item[0]):\n\(item[1])")
        }
    }

    // Hostile literals mean themselves on SQLite (and match nothing else)
    func testHostileLiteralsExecuteOnSQLite() throws {
        XCTAssertEqual(try where_(#"lastname = "O'Brien""#), ["a1"])
        XCTAssertEqual(try where_(#"lastname = "O''Brien""#), [])
        XCTAssertEqual(try where_(#"company_name = "Back\\slash Ltd""#), ["a3"])
        XCTAssertEqual(try where_(#"company_name contains "'; DROP TABLE invoices; --""#), [])
        XCTAssertEqual(try where_("has invoice"), ["a1", "a2", "a3", "a4", "a5"])
    }

    // One column named as the key, distinct keys, on SQLite through `segmint run`
    func testRunReturnsDistinctKeysInOneColumn() throws {
        let db = try Conformance.databasePath()
        let p = try file("r.seg", include("has invoice where status = \"paid\""))
        let out = runRun(files: [p], catalogPath: Conformance.saas, segment: nil, db: db, limit: 100, format: .csv)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertEqual(out.stdout, "acct_id\na1\na2\na5\n")
        let json = runRun(files: [p], catalogPath: Conformance.saas, segment: nil, db: db, limit: 100, format: .json)
        XCTAssertTrue(json.stdout.contains("\"count\": 3"), json.stdout)
        let sqlite = try SQLiteDatabase(path: db, readOnly: true, create: false)
        defer { sqlite.close() }
        let sql = try compile(include("has invoice"), dialect: "sqlite").stdout
        let result = try sqlite.query(sql)
        XCTAssertEqual(result.columns, ["acct_id"])
        XCTAssertEqual(result.rows.count, Set(result.rows.compactMap { $0.first ?? nil }).count)
    }

    // The same §3 answers on DuckDB with typed columns (DATE, TIMESTAMP, BOOLEAN, DECIMAL)
    func testSameAnswersOnDuckDB() throws {
        let cases = Conformance.crossDatabaseCases
        var queries: [String] = []
        for (body, _) in cases {
            let out = try compile(include(body), dialect: "duckdb")
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            queries.append(out.stdout)
        }
        let answers = try oracle(["op": "duckdb", "fixture": Conformance.fixtures + "/saas.sql", "queries": queries])
        XCTAssertEqual(answers.count, cases.count)
        for ((body, expected), a) in zip(cases, answers) {
            if let keys = a["keys"] as? [String] {
                XCTAssertEqual(Set(keys), expected, body)
                XCTAssertEqual(keys.count, Set(keys).count, "duplicate keys: \(body)")
            } else {
                XCTFail("\(body): \(a["error"] ?? "?")")
            }
        }
    }

    // Unknown dialect: usage error with the list
    func testUnknownDialect() throws {
        let out = try compile("segment s { }", dialect: "mysql")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("unknown dialect"), out.stderr)
        XCTAssertEqual(out.stdout, "")
    }
}

/// The warehouses we cannot run here: their SQL is transpiled by sqlglot into DuckDB and run on
/// the typed fixture, pinned and relative (today replaced by 2026-03-30), against the
/// hand-derived table. A wrong escape, a LIKE, a non-clamping month step or a lost NULL guard
/// in a dialect's spelling shows up as a wrong key set.
final class ConformanceTranspiledTests: ConformanceCase {
    static let today: [String: (String, String)] = [
        "bigquery": ("CURRENT_DATE()", "DATE '2026-03-30'"), "snowflake": ("CURRENT_DATE()", "DATE '2026-03-30'"),
        "trino": ("current_date", "DATE '2026-03-30'"), "spark": ("current_date()", "DATE '2026-03-30'"),
    ]

    func testOtherDialectsThroughSqlglotOnDuckDB() throws {
        for dialect in ["bigquery", "snowflake", "trino", "spark"] {
            var queries: [String] = [], labels: [String] = [], expected: [Set<String>] = []
            for (body, want) in Conformance.crossDatabaseCases {
                let pinned = try file("p.seg", include(body))
                let out = runCompile(paths: [pinned], catalogPath: Conformance.saas, segment: nil, dialect: dialect, asOf: nil, count: false)
                XCTAssertEqual(out.exitCode, 0, out.stderr)
                queries.append(out.stdout); labels.append("\(dialect) pinned: \(body)"); expected.append(want)
                let relative = try file("r.seg", "segment s { include { \(body) } }")
                let rel = runCompile(paths: [relative], catalogPath: Conformance.saas, segment: nil, dialect: dialect, asOf: nil, count: false)
                XCTAssertEqual(rel.exitCode, 0, rel.stderr)
                guard let (from, to) = Self.today[dialect] else { continue }
                queries.append(rel.stdout.replacingOccurrences(of: from, with: to))
                labels.append("\(dialect) relative: \(body)"); expected.append(want)
            }
            let answers = try oracle(["op": "duckdb", "fixture": Conformance.fixtures + "/saas.sql", "queries": queries, "read": dialect])
            XCTAssertEqual(answers.count, queries.count, dialect)
            for ((label, want), a) in zip(zip(labels, expected), answers) {
                if let k = a["keys"] as? [String] { XCTAssertEqual(Set(k), want, label) } else { XCTFail("\(label): \(a["error"] ?? "?")") }
            }
        }
    }
}
