import XCTest
import SegmintCore
import SegmintDB
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
