import XCTest
import SegmintCore
import SegmintStore
import SegmintTestSupport
@testable import SegmintDriver

/// Shared fixture of the conformance suite: the SaaS catalog, the minimal catalog, a SQLite
/// database built from `Fixtures/conformance/saas.sql`, and helpers that drive the command
/// functions exactly as the CLI does (files on disk, paths on the "command line").
enum Conformance {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = repo + "/Tests/SegmintDriverTests/Fixtures/conformance"
    static let saas = repo + "/catalogs/saas.yaml"
    static let retail = repo + "/catalogs/retail.yaml"
    static let minimal = fixtures + "/minimal.yaml"

    /// A fresh directory for one test's files.
    static func tempDir() throws -> String {
        let dir = NSTemporaryDirectory() + "segmint-conf-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func write(_ text: String, to path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// The SQLite database with the hand-made rows, built once per process.
    static let database: Result<String, Error> = {
        do {
            let dir = try tempDir()
            let path = dir + "/saas.db"
            let script = try String(contentsOfFile: fixtures + "/saas.sql", encoding: .utf8)
            let db = try SQLiteDatabase(path: path)
            try db.execute(script)
            db.close()
            return .success(path)
        } catch { return .failure(error) }
    }()

    static func databasePath() throws -> String { try database.get() }
}

/// Base class: a temp directory per test and the one-line helpers every conformance test uses.
class ConformanceCase: XCTestCase {
    var dir = ""

    override func setUpWithError() throws { dir = try Conformance.tempDir() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// Writes `text` as `name` in the test's directory and returns the path.
    @discardableResult
    func file(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try Conformance.write(text, to: path)
        return path
    }

    /// `segmint check` on `text` (written to a file) against `catalog`.
    func check(_ text: String, catalog: String = Conformance.saas, strict: Bool = false) throws -> CommandOutput {
        let path = try file("input.seg", text)
        return runCheck(paths: [path], catalogPath: catalog, strict: strict, format: "human")
    }

    /// Asserts `text` checks without errors (warnings allowed).
    func assertValid(_ text: String, catalog: String = Conformance.saas, file f: StaticString = #filePath, line: UInt = #line) throws {
        let out = try check(text, catalog: catalog)
        XCTAssertEqual(out.exitCode, 0, "expected valid:\n\(text)\n\(out.stderr)", file: f, line: line)
    }

    /// Asserts `text` is rejected with exit 1 and a diagnostic containing every fragment.
    func assertError(_ text: String, _ fragments: String..., catalog: String = Conformance.saas,
                     file f: StaticString = #filePath, line: UInt = #line) throws {
        let out = try check(text, catalog: catalog)
        XCTAssertEqual(out.exitCode, 1, "expected an error:\n\(text)\n\(out.stderr)", file: f, line: line)
        XCTAssertTrue(out.stderr.contains("error"), out.stderr, file: f, line: line)
        for frag in fragments {
            XCTAssertTrue(out.stderr.contains(frag), "missing \"\(frag)\" in:\n\(out.stderr)", file: f, line: line)
        }
    }

    /// Compiles the segment for SQLite (like `segmint compile --dialect sqlite`), runs the SQL
    /// on the fixture database, returns the keys. Fails the test on any compile error.
    func keys(_ text: String, segment: String? = nil, asOf: String? = nil, extraFiles: [String] = [],
              file f: StaticString = #filePath, line: UInt = #line) throws -> Set<String> {
        let path = try file("seg\(UInt32.random(in: 0...UInt32.max)).seg", text)
        let out = runCompile(paths: [path] + extraFiles, catalogPath: Conformance.saas, segment: segment,
                             dialect: "sqlite", asOf: asOf, count: false)
        guard out.exitCode == 0 else {
            XCTFail("compile failed (\(out.exitCode)):\n\(text)\n\(out.stderr)", file: f, line: line)
            return []
        }
        let db = try SQLiteDatabase(path: try Conformance.databasePath(), readOnly: true, create: false)
        defer { db.close() }
        let result = try db.query(out.stdout)
        return Set(result.rows.compactMap { $0.first ?? nil })
    }

    /// Runs Fixtures/conformance/oracle.py; skips when the Python oracles are not installed.
    func oracle(_ request: [String: Any]) throws -> [[String: Any]] {
        let python = OraclePython.executable
        let p = Process()
        // `python3` (no venv) is found on PATH through env.
        p.executableURL = URL(fileURLWithPath: python.hasPrefix("/") ? python : "/usr/bin/env")
        p.arguments = (python.hasPrefix("/") ? [] : [python]) + [Conformance.fixtures + "/oracle.py"]
        let inFile = dir + "/oracle-in.json", outFile = dir + "/oracle-out.json", errFile = dir + "/oracle-err.txt"
        try JSONSerialization.data(withJSONObject: request).write(to: URL(fileURLWithPath: inFile))
        FileManager.default.createFile(atPath: outFile, contents: nil)
        FileManager.default.createFile(atPath: errFile, contents: nil)
        p.standardInput = FileHandle(forReadingAtPath: inFile)
        p.standardOutput = FileHandle(forWritingAtPath: outFile)
        p.standardError = FileHandle(forWritingAtPath: errFile)
        do { try p.run() } catch { throw XCTSkip("no python at \(python)") }
        p.waitUntilExit()
        let err = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        if p.terminationStatus != 0 {
            if err.contains("ModuleNotFoundError") && ProcessInfo.processInfo.environment["CI"] == nil { throw XCTSkip("python oracle missing a module: \(err)") }
            XCTFail("oracle failed: \(err)")
            return []
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: outFile))
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    /// A one-segment file with `body` inside `include { }` pinned at 2026-03-30 (spec §3 example D).
    func include(_ body: String, asOf: String = "2026-03-30") -> String {
        "segment s {\n  as_of \(asOf)\n  include {\n    \(body)\n  }\n}\n"
    }

    /// Keys of `include { body }` at D = 2026-03-30.
    func where_(_ body: String, file f: StaticString = #filePath, line: UInt = #line) throws -> Set<String> {
        try keys(include(body), file: f, line: line)
    }
}

let allAccounts: Set<String> = ["a1", "a2", "a3", "a4", "a5", "a6"]

extension Conformance {
    /// `include { body }` at D = 2026-03-30 and the keys derived by hand from saas.sql; run on
    /// SQLite, DuckDB (typed columns) and PostgreSQL (typed columns) alike.
    static let crossDatabaseCases: [(String, Set<String>)] = [
        ("region != \"EMEA\"", ["a2", "a4", "a6"]),
        ("not region = \"EMEA\"", ["a2", "a3", "a4", "a6"]),
        ("region not in [\"EMEA\"]", ["a2", "a4", "a6"]),
        ("region is missing", ["a3"]),
        ("in_trial = false", ["a1", "a4", "a6"]),
        ("not in_trial = true", ["a1", "a3", "a4", "a6"]),
        ("company_name = \"ACME\"", ["a4"]),
        ("company_name contains \"_\"", ["a2"]),
        ("company_name contains \"%\"", ["a1"]),
        (#"company_name contains "\\""#, ["a3"]),
        ("company_name starts_with \"acme\"", ["a1", "a2", "a4"]),
        ("not company_name contains \"acme\"", ["a3", "a5", "a6"]),
        ("lastname = \"O'Brien\"", ["a1"]),
        ("lastname in [\"Smith\"]", ["a2"]),
        ("plan >= \"pro\"", ["a1", "a3", "a6"]),
        ("plan between \"starter\" and \"pro\"", ["a1", "a5", "a6"]),
        ("seats between 5 and 20", ["a1", "a5", "a6"]),
        ("mrr between 12.5 and 99.99", ["a4", "a5"]),
        ("mrr > 12.5", ["a1", "a5", "a6"]),
        ("counts > -1", ["a1", "a2", "a4", "a5", "a6"]),
        ("health_score > 0.5", ["a1", "a5"]),
        ("last_seen_at = 2026-02-28", ["a4"]),
        ("last_seen_at > 2026-03-30", ["a1", "a2"]),
        ("last_seen_at during last 1 month", ["a1", "a4"]),
        ("last_seen_at during 2026-02-27 to 2026-02-28", ["a4", "a5"]),
        ("signup_day during last 1 month", ["a2", "a5"]),
        ("signup_day during fiscal_year 2024", ["a1", "a3", "a4"]),
        ("has invoice count = 0", ["a6"]),
        ("has invoice count <= 1", ["a2", "a3", "a4", "a6"]),
        ("not has invoice where status = \"paid\"", ["a3", "a4", "a6"]),
        ("has invoice where status != \"paid\"", ["a1", "a3"]),
        ("has invoice sum(total) < 100", ["a2", "a5"]),
        ("has invoice avg(total) >= 50", ["a1", "a3"]),
        ("has invoice max(line_items) between 2 and 5", ["a1", "a3"]),
        ("has invoice count_distinct(total) = 0", ["a4", "a6"]),
        ("has invoice count_distinct(status) >= 2", ["a1"]),
        ("has login where sso != true", ["a1", "a4"]),
        ("has login where user_email contains \"acme.COM\"", ["a1"]),
        ("has invoice during last 1 day", ["a1"]),
        ("has invoice during last 1 month count >= 2", ["a1", "a5"]),
        ("has invoice during last 32 days", ["a1", "a3", "a5"]),
        ("has invoice during last 1 year count = 4", ["a1"]),
        ("has login during last 1 day", ["a1"]),
        ("has login during last 3 months", ["a1", "a3", "a4", "a5"]),
        ("has login during last 5 weeks", ["a1", "a3"]),
        ("has login during 2026-02-27 to 2026-02-28", ["a1", "a3"]),
        ("has login since 2026-03-31", ["a2"]),
        ("has login before 2026-02-28", ["a3", "a4", "a5"]),
        ("has invoice since 2026-03-31", ["a2"]),
        ("has invoice before 2026-02-28", ["a1", "a3", "a4"]),
        ("has invoice during fiscal_quarter 2025 Q3", ["a1", "a2", "a3", "a4", "a5"]),
        ("has invoice during fiscal_year 2024 count = 1", ["a1"]),
        ("has login during fiscal_quarter 2025 Q2", ["a4"]),
        ("has invoice where status = \"paid\" during last 1 years sum(total) >= 60", ["a1", "a5"]),
        ("region not in []", ["a1", "a2", "a4", "a5", "a6"]),
        ("company_name contains \"\"", ["a1", "a2", "a3", "a4", "a6"]),
        ("has invoice where status not in [] count = 0", ["a4", "a6"]),
        ("has login where user_email contains \"\" count = 0", ["a2", "a6"]),
        ("has login where user_email starts_with \"\"", ["a1", "a3", "a4", "a5"]),
        ("has invoice where status is not missing count = 0", ["a4", "a6"]),
        ("has invoice avg(line_items) > 1.5", ["a1", "a3"]),
        ("has invoice avg(line_items) between 1.9 and 2.1", ["a1"]),
        ("has invoice sum(total) = 170", ["a1"]),
        ("has invoice avg(total) > 56.66", ["a1", "a3"]),
        ("mrr = 99.99", ["a5"]),
        ("health_score = 0.7", ["a5"]),
        ("has invoice where total between 1 and 60 and status = \"paid\" count >= 2", ["a5"]),
        ("has invoice where status in [] count = 0", ["a1", "a2", "a3", "a4", "a5", "a6"]),
        ("not region not in []", ["a3"]),
        // An event without a time is in no window, but counts where no window is asked for.
        ("has login where user_email = \"null@time\"", ["a3"]),
        ("has login where user_email = \"null@time\" since 2000-01-01", []),
        ("has login where user_email = \"null@time\" during last 1000 days", []),
        ("has login where user_email = \"null@time\" before 2100-01-01 count = 0", ["a1", "a2", "a3", "a4", "a5", "a6"]),
        ("has login during fiscal_year 2025 count = 1", ["a2", "a3", "a4", "a5"]),
        ("any { }", []),
        ("all { }", ["a1", "a2", "a3", "a4", "a5", "a6"]),
    ]
}
