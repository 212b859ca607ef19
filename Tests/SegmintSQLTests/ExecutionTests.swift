import XCTest
import Foundation
import SegmintCore
import SegmintCheck
import SegmintStore
@testable import SegmintSQL

/// Runs the compiled SQL on real engines and compares every segment's key set with the
/// reference evaluator (never with SQL we generated).
final class ExecutionTests: XCTestCase {
    static let program = CheckedProgram(catalog: Fixture.catalog, segments: Cases.all)

    func compile(_ name: String, _ dialect: Dialect, asOf: CivilDate?) throws -> String {
        switch SQLCompiler.compile(Self.program, segment: name, options: CompileOptions(dialect: dialect, asOf: asOf)) {
        case .success(let s): return s
        case .failure(let f): throw CompileError(messages: f.diagnostics.map(\.message))
        }
    }

    static var todayUTC: CivilDate { CivilDate(daysSinceEpoch: Int(Date().timeIntervalSince1970) / 86400) ?? d("2026-01-01") }

    private func expected(_ data: Dataset, asOf: CivilDate?) -> [String: Set<String>] {
        let ev = ReferenceEvaluator(program: Self.program, data: data, optionAsOf: asOf, today: Self.todayUTC)
        return Dictionary(uniqueKeysWithValues: Cases.all.map { ($0.name, ev.keys(of: $0.name)) })
    }

    private func check(_ runner: KeyRunner, _ dialect: Dialect, asOf: CivilDate?) throws {
        let data = EdgeDataset.make(asOf: asOf ?? Self.todayUTC)
        try runner.load(data)
        let want = expected(data, asOf: asOf)
        var nonTrivial = 0
        for s in Cases.all {
            let text = try compile(s.name, dialect, asOf: asOf)
            let got = try runner.keys(text)
            XCTAssertEqual(got, want[s.name], "\(dialect) \(s.name): extra \(got.subtracting(want[s.name] ?? [])), missing \((want[s.name] ?? []).subtracting(got))\n\(text)")
            if let w = want[s.name], !w.isEmpty, w.count < data.entities.rows.count { nonTrivial += 1 }
        }
        // The dataset must make most cases discriminate (neither empty nor everyone).
        XCTAssertGreaterThan(nonTrivial, Cases.all.count * 2 / 3)
    }

    func testSQLitePinned() throws { try check(SQLiteRunner(), .sqlite, asOf: d(Cases.asOf)) }
    func testSQLiteRelativeToToday() throws { try check(SQLiteRunner(), .sqlite, asOf: nil) }

    func postgres() throws -> PostgresRunner {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["SEGMINT_TEST_PG"], !url.isEmpty else {
            if env["CI"] != nil { XCTFail("CI is set but SEGMINT_TEST_PG is not") }
            throw XCTSkip("SEGMINT_TEST_PG not set")
        }
        return try PostgresRunner(url: url)
    }
    func testPostgresPinned() throws { try check(try postgres(), .postgres, asOf: d(Cases.asOf)) }
    func testPostgresRelativeToToday() throws { try check(try postgres(), .postgres, asOf: nil) }

    private func checkDuckDB(asOf: CivilDate?) throws {
        guard Python.available("duckdb") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("duckdb python package missing") }
            throw XCTSkip("python duckdb not available")
        }
        let data = EdgeDataset.make(asOf: asOf ?? Self.todayUTC)
        let want = expected(data, asOf: asOf)
        let texts = try Cases.all.map { try compile($0.name, .duckdb, asOf: asOf) }
        let results = try Python.duckdb(data, queries: texts)
        XCTAssertEqual(results.count, texts.count)
        for (i, s) in Cases.all.enumerated() where i < results.count {
            switch results[i] {
            case .success(let got): XCTAssertEqual(got, want[s.name], "duckdb \(s.name)\n\(texts[i])")
            case .failure(let e): XCTFail("duckdb \(s.name): \(e)\n\(texts[i])")
            }
        }
    }
    func testDuckDBPinned() throws { try checkDuckDB(asOf: d(Cases.asOf)) }
    func testDuckDBRelativeToToday() throws { try checkDuckDB(asOf: nil) }

    /// BigQuery, Snowflake, Spark and Trino cannot run here: sqlglot parses each in its dialect
    /// and confirms one SELECT; the same for the executed dialects as a cross-check.
    func testEveryDialectParsesAsOneSelect() throws {
        guard Python.available("sqlglot") else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("sqlglot python package missing") }
            throw XCTSkip("python sqlglot not available")
        }
        var items: [(dialect: String, sql: String)] = []
        var names: [String] = []
        for dialect in Dialect.allCases {
            for s in Cases.all {
                for asOf in [d(Cases.asOf), nil] as [CivilDate?] {
                    items.append((dialect.rawValue, try compile(s.name, dialect, asOf: asOf)))
                    names.append("\(dialect) \(s.name) asOf=\(asOf?.description ?? "none")")
                }
            }
            // The overlap query too.
            if case .success(let o) = SQLCompiler.overlapQuery(Self.program, segments: ["lapsed", "has_purchase", "state_eq"], options: CompileOptions(dialect: dialect)) {
                items.append((dialect.rawValue, o)); names.append("\(dialect) overlap")
            } else { XCTFail("overlap failed for \(dialect)") }
        }
        let problems = try Python.sqlglot(items)
        XCTAssertEqual(problems.count, items.count)
        for (i, p) in problems.enumerated() where p != nil {
            XCTFail("\(names[i]): \(p ?? "")\n\(items[i].sql)")
        }
    }

    /// The hostile strings never end the literal they are in: SQLite sees exactly one statement
    /// and it is read-only, for every case.
    func testSQLiteSeesOneReadOnlyStatement() throws {
        let r = try SQLiteRunner()
        try r.load(EdgeDataset.make(asOf: d(Cases.asOf)))
        for s in Cases.all {
            let text = try compile(s.name, .sqlite, asOf: d(Cases.asOf))
            XCTAssertNil(r.trailingText(text), s.name)
            XCTAssertTrue(r.isReadOnly(text), s.name)
        }
    }

    /// The relative SQL (`CURRENT_DATE`) with the current date replaced by a month end, so the
    /// run-time month clamping is executed where it matters: D + 1 = 2026-03-31, one month back
    /// must be 2026-02-28 (SQLite's own modifier would give 2026-03-03).
    func testRelativeSQLAtAMonthEnd() throws {
        let day = d(Cases.asOf)
        let data = EdgeDataset.make(asOf: day)
        let ev = ReferenceEvaluator(program: Self.program, data: data, optionAsOf: nil, today: day)
        let sqlite = try SQLiteRunner()
        try sqlite.load(data)
        var duckTexts: [String] = []
        for s in Cases.all {
            let text = try compile(s.name, .sqlite, asOf: nil).replacingOccurrences(of: "CURRENT_DATE", with: "'\(day)'")
            XCTAssertEqual(try sqlite.keys(text), ev.keys(of: s.name), "sqlite \(s.name)\n\(text)")
            duckTexts.append(try compile(s.name, .duckdb, asOf: nil).replacingOccurrences(of: "CURRENT_DATE", with: "DATE '\(day)'"))
        }
        guard Python.available("duckdb") else { return }
        for (i, r) in try Python.duckdb(data, queries: duckTexts).enumerated() {
            XCTAssertEqual(try r.get(), ev.keys(of: Cases.all[i].name), "duckdb \(Cases.all[i].name)")
        }
    }

    /// The product path: `segmint run` executes through SegmintStore's SQLiteDatabase (read-only).
    func testThroughSegmintDBSQLiteRunner() throws {
        let path = NSTemporaryDirectory() + "segmint-sqltest-\(UUID().uuidString).db"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let data = EdgeDataset.make(asOf: d(Cases.asOf))
        do { try SQLiteRunner(path: path).load(data) }
        let db = try SQLiteDatabase(path: path, readOnly: true)
        defer { db.close() }
        let want = expected(data, asOf: d(Cases.asOf))
        for s in Cases.all {
            let result = try db.query(try compile(s.name, .sqlite, asOf: d(Cases.asOf)))
            XCTAssertEqual(result.columns, ["customer_id"], s.name)
            XCTAssertEqual(Set(result.rows.compactMap { $0.first ?? nil }), want[s.name], s.name)
        }
    }

    /// A NUL inside a string is exact on SQLite (char(0)) and a diagnostic elsewhere.
    func testNULInSQLite() throws {
        var data = EdgeDataset.make(asOf: d(Cases.asOf), customers: 4)
        data.entities.rows[0][2] = .text("a\u{0}b")
        data.entities.rows[1][2] = .text("a")
        let segs = [seg("nul_eq", include: [f("city", .compare(.eq, .string("a\u{0}b")))]),
                    seg("nul_contains", include: [f("city", .contains("\u{0}B"))])]
        let p = CheckedProgram(catalog: Fixture.catalog, segments: segs)
        let r = try SQLiteRunner()
        try r.load(data)
        for s in segs {
            guard case .success(let text) = SQLCompiler.compile(p, segment: s.name, options: CompileOptions(dialect: .sqlite)) else { return XCTFail() }
            XCTAssertEqual(try r.keys(text), ["1"], s.name)
        }
    }

    func testOverlapMatchesMembership() throws {
        let data = EdgeDataset.make(asOf: d(Cases.asOf))
        let names = ["lapsed", "has_purchase", "state_eq", "empty_any"]
        let ev = ReferenceEvaluator(program: Self.program, data: data, optionAsOf: d(Cases.asOf), today: Self.todayUTC)
        let sets = names.map { ev.keys(of: $0) }
        var want: [String: Int] = [:]
        for row in data.entities.rows {
            guard case .int(let k) = row[0] else { continue }
            let pattern = sets.map { $0.contains(String(k)) ? "1" : "0" }.joined(separator: ",")
            if pattern.contains("1") { want[pattern, default: 0] += 1 }
        }
        guard case .success(let text) = SQLCompiler.overlapQuery(Self.program, segments: names, options: CompileOptions(dialect: .sqlite, asOf: d(Cases.asOf))) else {
            return XCTFail("overlap failed")
        }
        let r = try SQLiteRunner()
        try r.load(data)
        let rows = try r.rows(text)
        var got: [String: Int] = [:]
        for row in rows { got[row.dropLast().joined(separator: ",")] = Int(row.last ?? "") }
        XCTAssertEqual(got, want)
        // Ordered by the pattern, descending.
        XCTAssertEqual(rows.map { $0.dropLast().joined() }, rows.map { $0.dropLast().joined() }.sorted(by: >))
    }
}

/// Writes the edge dataset, every case's Spark SQL and the reference evaluator's key sets to
/// `$SEGMINT_SPARK_EXPORT` for scripts/spark_check.sh (skipped when the variable is unset).
final class SparkExport: XCTestCase {
    func testExportForSpark() throws {
        guard let path = ProcessInfo.processInfo.environment["SEGMINT_SPARK_EXPORT"], !path.isEmpty else {
            throw XCTSkip("SEGMINT_SPARK_EXPORT not set")
        }
        let program = ExecutionTests.program
        var modes: [[String: Any]] = []
        for asOf in [d(Cases.asOf), nil] as [CivilDate?] {
            let today = ExecutionTests.todayUTC
            let data = EdgeDataset.make(asOf: asOf ?? today)
            let ev = ReferenceEvaluator(program: program, data: data, optionAsOf: asOf, today: today)
            var cases: [[String: Any]] = []
            for s in Cases.all {
                guard case .success(let text) = SQLCompiler.compile(program, segment: s.name, options: CompileOptions(dialect: .spark, asOf: asOf)) else {
                    return XCTFail("\(s.name) does not compile for spark")
                }
                cases.append(["name": s.name, "sql": text, "expected": ev.keys(of: s.name).sorted()])
            }
            let tables = ([data.entities] + data.events).map { t -> [String: Any] in
                ["name": t.name, "columns": t.columns.map { [$0.name, $0.type.rawValue] }, "rows": t.rows.map { $0.map { $0.text as Any? ?? NSNull() } }]
            }
            modes.append(["as_of": asOf?.description ?? "current date", "tables": tables, "cases": cases])
        }
        let json = try JSONSerialization.data(withJSONObject: modes)
        try json.write(to: URL(fileURLWithPath: path))
    }
}
