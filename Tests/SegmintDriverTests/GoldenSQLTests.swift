import XCTest
import SegmintCore
@testable import SegmintDriver

/// The repository root, found from this file's path (Tests/SegmintDriverTests/…).
private let root: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

private let dialects = ["postgres", "sqlite", "duckdb", "bigquery", "snowflake", "spark", "trino"]

/// `golden/sql/<case>.seg` beside `<case>.<dialect>.sql` for every dialect (or `<case>.<dialect>.err`
/// when the dialect cannot express the case). A first-line comment `# golden: --segment NAME
/// --as-of DATE --count` passes those options. `UPDATE_GOLDEN=1` rewrites the expected files;
/// review the diff before committing.
final class GoldenSQLTests: XCTestCase {
    let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    struct Options { var segment: String?; var asOf: String?; var count = false }

    func options(_ path: String) throws -> Options {
        var o = Options()
        let text = String(decoding: try FileInput.read(path), as: UTF8.self)
        guard let first = text.split(separator: "\n").first, first.hasPrefix("# golden:") else { return o }
        let words = first.dropFirst("# golden:".count).split(separator: " ").map(String.init)
        var i = 0
        while i < words.count {
            switch words[i] {
            case "--segment" where i + 1 < words.count: o.segment = words[i + 1]; i += 1
            case "--as-of" where i + 1 < words.count: o.asOf = words[i + 1]; i += 1
            case "--count": o.count = true
            default: XCTFail("\(path): unknown golden option \(words[i])")
            }
            i += 1
        }
        return o
    }

    func testGoldenSQLCases() throws {
        let dir = root + "/golden/sql"
        let inputs = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".seg") }.sorted()
        XCTAssertGreaterThanOrEqual(inputs.count, 14, "golden cases missing")
        for name in inputs {
            let input = "golden/sql/" + name
            let o = try options(root + "/" + input)
            let stem = String(input.dropLast(4))
            for d in dialects {
                let out = runCompile(paths: [input], catalogPath: "catalogs/retail.yaml", segment: o.segment, dialect: d,
                                     asOf: o.asOf, count: o.count, base: root)
                let ok = out.exitCode == 0
                let expectedPath = root + "/" + stem + "." + d + (ok ? ".sql" : ".err")
                let staleOther = root + "/" + stem + "." + d + (ok ? ".err" : ".sql")
                let actual = ok ? out.stdout : out.stderr
                if update {
                    try AtomicFile.write(actual, to: expectedPath)
                    try? FileManager.default.removeItem(atPath: staleOther)
                    continue
                }
                XCTAssertFalse(FileManager.default.fileExists(atPath: staleOther), "\(staleOther) is stale (exit \(out.exitCode): \(out.stderr))")
                let expected = (try? FileInput.read(expectedPath)).map { String(decoding: $0, as: UTF8.self) }
                XCTAssertEqual(actual, expected, "\(input) [\(d)] differs from \(expectedPath) (UPDATE_GOLDEN=1 rewrites it)")
                if !ok { XCTAssertEqual(out.exitCode, 1, "\(input) [\(d)]: \(out.stderr)") }
            }
        }
    }

    /// Same input, same bytes: compiling twice gives identical SQL.
    func testCompileIsDeterministic() throws {
        for d in dialects {
            let a = runCompile(paths: ["golden/sql/spec_example.seg"], catalogPath: "catalogs/retail.yaml", segment: "lapsed_outdoor",
                               dialect: d, asOf: nil, count: false, base: root)
            let b = runCompile(paths: ["golden/sql/spec_example.seg"], catalogPath: "catalogs/retail.yaml", segment: "lapsed_outdoor",
                               dialect: d, asOf: nil, count: false, base: root)
            XCTAssertEqual(a.exitCode, 0, a.stderr)
            XCTAssertEqual(a, b)
        }
    }
}

/// `segmint compile` usage and error paths.
final class CompileCommandTests: XCTestCase {
    func compile(_ file: String, segment: String? = nil, dialect: String = "postgres", asOf: String? = nil) -> CommandOutput {
        runCompile(paths: [file], catalogPath: "catalogs/retail.yaml", segment: segment, dialect: dialect, asOf: asOf, count: false, base: root)
    }

    func testSeveralSegmentsWithoutSegmentListsThem() {
        let out = compile("golden/sql/references.seg")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertEqual(out.stdout, "")
        XCTAssertTrue(out.stderr.contains("the input declares 4 segments; choose one with --segment"), out.stderr)
        XCTAssertTrue(out.stderr.contains("segments: big_spenders, recent_buyers, engaged, vip_not_recent"), out.stderr)
    }

    func testUnknownSegmentSuggests() {
        let out = compile("golden/sql/references.seg", segment: "big_spender")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("no segment named \"big_spender\""), out.stderr)
        XCTAssertTrue(out.stderr.contains("did you mean \"big_spenders\"?"), out.stderr)
    }

    func testUnknownDialectListsValidOnes() {
        let out = compile("golden/sql/count.seg", dialect: "mysql")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("unknown dialect \"mysql\""), out.stderr)
        XCTAssertTrue(out.stderr.contains("postgres, sqlite, duckdb, bigquery, snowflake, spark, trino"), out.stderr)
    }

    func testBadAsOf() {
        let out = compile("golden/sql/count.seg", asOf: "2025-02-30")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("invalid --as-of date \"2025-02-30\""), out.stderr)
    }

    func testMissingFileIsExit2() {
        let out = compile("golden/sql/does-not-exist.seg")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertEqual(out.stdout, "")
    }

    func testInputErrorsAreExit1() throws {
        let path = NSTemporaryDirectory() + "segmint-compile-\(UUID().uuidString).seg"
        try AtomicFile.write("segment s { include { lifetime_spent > 5 } }\n", to: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = runCompile(paths: [path], catalogPath: root + "/catalogs/retail.yaml", segment: nil, dialect: "postgres", asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertEqual(out.stdout, "")
        XCTAssertTrue(out.stderr.contains("lifetime_spent"), out.stderr)
    }

    func testAsOfOptionPinsUnpinnedSegments() {
        let pinned = compile("golden/sql/count.seg", asOf: "2026-03-30")
        XCTAssertTrue(pinned.stdout.contains("-- as of: 2026-03-30\n"), pinned.stdout)
        let relative = compile("golden/sql/count.seg")
        XCTAssertTrue(relative.stdout.contains("-- as of: current date\n"), relative.stdout)
    }
}
