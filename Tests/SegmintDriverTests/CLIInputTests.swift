import XCTest
import SegmintCore
@testable import SegmintDriver

/// The command-line conventions that live in the driver: directory arguments, "… and N more",
/// colour rules, the built-in catalog, and the JSON of compile, fmt and demo (parsed back).
final class CLIInputTests: ConformanceCase {
    func testDirectoryExpandsToSegFilesRecursiveSortedSkippingHidden() throws {
        try file("b.seg", "segment b { }")
        try file("a.seg", "segment a { }")
        try file("notes.txt", "not a segment")
        try FileManager.default.createDirectory(atPath: dir + "/sub/.hidden", withIntermediateDirectories: true)
        try file("sub/c.seg", "segment c { }")
        try file("sub/.hidden/d.seg", "segment d { }")
        try file(".e.seg", "segment e { }")
        let r = InputPaths.expand([dir, "-", dir + "/missing.seg"])
        XCTAssertEqual(r.errors, [])
        XCTAssertEqual(r.paths, [dir + "/a.seg", dir + "/b.seg", dir + "/sub/c.seg", "-", dir + "/missing.seg"])
        // A trailing slash names the same files.
        XCTAssertEqual(InputPaths.expand([dir + "/"]).paths.first, dir + "/a.seg")
    }

    func testDirectoryWithoutSegFilesIsAnError() throws {
        try file("readme.txt", "x")
        let r = InputPaths.expand([dir])
        XCTAssertEqual(r.paths, [])
        XCTAssertEqual(r.errors.map(\.code), [CLICode.emptyDirectory])
        XCTAssertTrue(r.errors[0].message.contains("holds no .seg files"), r.errors[0].message)
    }

    func testLongListsAreCut() {
        XCTAssertEqual(listText(["a", "b", "c"], limit: 3), "a, b, c")
        XCTAssertEqual(listText((1...25).map { "s\($0)" }, limit: 3), "s1, s2, s3, … and 22 more")
    }

    func testCompileNamesAtMostTenSegmentsInItsError() throws {
        let text = (0..<19_868).map { "segment s\($0) { }" }.joined(separator: "\n")
        let out = runCompile(paths: [try file("many.seg", text)], catalogPath: Conformance.saas, segment: nil,
                             dialect: "postgres", asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, … and 19858 more"), out.stderr)
        XCTAssertLessThan(out.stderr.count, 400)
    }

    func testExplainNeedsNoSegmentWhenTheInputDeclaresOne() throws {
        let one = try file("one.seg", "segment pros { include { seats > 10 } }")
        let out = runExplain(paths: [one], catalogPath: Conformance.saas, segment: nil)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("pros"), out.stdout)
        let two = try file("two.seg", "segment a { } segment b { }")
        let several = runExplain(paths: [two], catalogPath: Conformance.saas, segment: nil)
        XCTAssertEqual(several.exitCode, 2)
        XCTAssertTrue(several.stderr.contains("--segment"), several.stderr)
    }

    func testColourRules() {
        XCTAssertTrue(ColorChoice.auto.enabled(isTerminal: true, environment: [:]))
        XCTAssertFalse(ColorChoice.auto.enabled(isTerminal: false, environment: [:]))
        XCTAssertFalse(ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]), "an empty NO_COLOR is unset")
        XCTAssertFalse(ColorChoice.auto.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
        XCTAssertTrue(ColorChoice.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1"]), "an explicit flag wins")
        XCTAssertFalse(ColorChoice.never.enabled(isTerminal: true, environment: [:]))
    }

    func testBuiltinCatalogIsTheRetailCatalogFile() throws {
        let file = try String(contentsOfFile: Conformance.retail, encoding: .utf8)
        XCTAssertEqual(BuiltinCatalog.retailYAML, file, "run scripts/gen_builtin_catalog.sh after editing catalogs/retail.yaml")
    }

    func testDemoWithoutCatalogUsesTheBuiltInOneAndPrintsJSON() throws {
        let db = dir + "/demo.db"
        let out = runDemo(db: db, catalogPath: nil, customers: 30, seed: 3, asOf: "2026-03-01", format: "json")
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["seed"] as? Int, 3)
        XCTAssertEqual(json["as_of"] as? String, "2026-03-01")
        XCTAssertTrue((json["catalog"] as? String ?? "").hasPrefix("retail@"), "\(json)")
        let tables = try XCTUnwrap(json["tables"] as? [[String: Any]])
        XCTAssertEqual(tables.first(where: { $0["name"] as? String == "customers" })?["rows"] as? Int, 30)
        // The same data as with the file the built-in copy was made from.
        let fromFile = runDemo(db: dir + "/file.db", catalogPath: Conformance.retail, customers: 30, seed: 3, asOf: "2026-03-01", format: "json")
        let other = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(fromFile.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((other["tables"] as? [[String: Any]])?.map { $0["rows"] as? Int }, tables.map { $0["rows"] as? Int })
    }

    func testCompileJSONOnSuccessAndFailure() throws {
        let seg = try file("s.seg", "segment pros { include { seats > 10 } }")
        let ok = runCompile(paths: [seg], catalogPath: Conformance.saas, segment: nil, dialect: "duckdb", asOf: nil, count: true, format: "json")
        XCTAssertEqual(ok.exitCode, 0, ok.stderr)
        let j = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(ok.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(j["segment"] as? String, "pros")
        XCTAssertEqual(j["dialect"] as? String, "duckdb")
        XCTAssertEqual(j["count"] as? Bool, true)
        XCTAssertTrue((j["sql"] as? String ?? "").contains("COUNT(*)"))
        XCTAssertEqual((j["diagnostics"] as? [Any])?.count, 0)
        // The SQL in JSON is the SQL of the human form.
        let human = runCompile(paths: [seg], catalogPath: Conformance.saas, segment: nil, dialect: "duckdb", asOf: nil, count: true)
        XCTAssertEqual(j["sql"] as? String, human.stdout)

        let bad = try file("bad.seg", "segment pros { include { seatz > 10 } }")
        let fail = runCompile(paths: [bad], catalogPath: Conformance.saas, segment: nil, dialect: "postgres", asOf: nil, count: false, format: "json")
        XCTAssertEqual(fail.exitCode, 1)
        let f = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(fail.stdout.utf8)) as? [String: Any])
        XCTAssertTrue(f["sql"] is NSNull)
        let diags = try XCTUnwrap(f["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(diags.first?["severity"] as? String, "error")
        XCTAssertEqual(diags.first?["line"] as? Int, 1)
        XCTAssertTrue(fail.stderr.contains("seatz"), "human diagnostics stay on stderr")
    }

    func testFmtJSONAndStandardInputIsNeverWritten() throws {
        let messy = try file("m.seg", "segment  a { include { seats>1 } }")
        let tidy = try file("t.seg", "segment a {\n  include {\n    seats > 1\n  }\n}\n")
        let broken = try file("b.seg", "segment a { include { seats > } }")
        let out = runFmt(paths: [messy, tidy, broken], check: true, toStdout: false, format: "json")
        XCTAssertEqual(out.exitCode, 1)
        let j = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let files = try XCTUnwrap(j["files"] as? [[String: Any]])
        XCTAssertEqual(files.map { $0["status"] as? String }, ["would_reformat", "unchanged", "syntax_errors"])
        XCTAssertEqual(files.map { $0["changed"] as? Bool }, [true, false, false])
        XCTAssertFalse((j["diagnostics"] as? [Any] ?? []).isEmpty)
        XCTAssertEqual(try String(contentsOfFile: messy, encoding: .utf8), "segment  a { include { seats>1 } }", "--check writes nothing")

        let printed = runFmt(paths: [messy], check: false, toStdout: true, format: "json")
        let p = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((p["files"] as? [[String: Any]])?.first?["text"] as? String, try String(contentsOfFile: tidy, encoding: .utf8))
    }
}
