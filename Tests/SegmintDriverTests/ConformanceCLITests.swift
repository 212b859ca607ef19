import XCTest
@testable import SegmintDriver

/// The CLI as an outsider meets it: the built `segmint` binary on bad input of every kind.
/// Each case must end with a clear diagnostic on stderr and a non-zero exit, never a crash
/// (a signal, exit >= 128, a Swift runtime trap message).
final class ConformanceCLITests: ConformanceCase {
    static let binary = Conformance.repo + "/.build/debug/segmint"

    struct Ran { var status: Int32; var stdout: String; var stderr: String; var signalled: Bool }

    func segmint(_ args: [String], stdin: String? = nil) throws -> Ran {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw XCTSkip("build the segmint binary first") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: Conformance.repo)
        var env = ProcessInfo.processInfo.environment
        env["SEGMINT_LLM_CONFIG"] = "/nonexistent"   // never reach out to a provider
        p.environment = env
        let outPath = dir + "/out.\(UInt32.random(in: 0...UInt32.max))", errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        p.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try p.run()
        p.waitUntilExit()
        return Ran(status: p.terminationStatus,
                   stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                   signalled: p.terminationReason == .uncaughtSignal)
    }

    /// Non-zero exit, no crash, a diagnostic on stderr containing `fragment`.
    func assertFails(_ args: [String], _ fragment: String = "error", file f: StaticString = #filePath, line: UInt = #line) throws {
        let r = try segmint(args)
        XCTAssertFalse(r.signalled, "crashed: \(args)\n\(r.stderr)", file: f, line: line)
        XCTAssertTrue(r.status == 1 || r.status == 2, "exit \(r.status) for \(args)\n\(r.stderr)", file: f, line: line)
        XCTAssertFalse(r.stderr.contains("Fatal error") || r.stderr.contains("Illegal instruction"), r.stderr, file: f, line: line)
        XCTAssertTrue(r.stderr.lowercased().contains(fragment.lowercased()), "no \"\(fragment)\" for \(args):\n\(r.stderr)", file: f, line: line)
    }

    func testMissingFiles() throws {
        let missing = dir + "/nope.seg", cat = Conformance.saas
        try assertFails(["check", missing, "--catalog", cat], "nope.seg")
        try assertFails(["compile", missing, "--catalog", cat], "nope.seg")
        try assertFails(["run", missing, "--catalog", cat, "--db", try Conformance.databasePath()], "nope.seg")
        try assertFails(["fmt", missing], "nope.seg")
        try assertFails(["explain", missing, "--catalog", cat, "--segment", "s"], "nope.seg")
        try assertFails(["overlap", missing, "--catalog", cat, "--static"], "nope.seg")
        try assertFails(["recommend", missing, "--catalog", cat], "nope.seg")
        let seg = try file("ok.seg", "segment s { }")
        try assertFails(["check", seg, "--catalog", dir + "/none.yaml"], "none.yaml")
        try assertFails(["compile", seg, "--catalog", dir + "/none.yaml"], "none.yaml")
        try assertFails(["run", seg, "--catalog", cat, "--db", dir + "/none.db"], "none.db")
        try assertFails(["catalog", "import", "--db", dir + "/none.db", "--entity", "t", "--key", "k"], "none.db")
    }

    func testDirectoryAsFile() throws {
        // A directory FILE argument means its .seg files; one without any is an error.
        let empty = dir + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        try assertFails(["check", empty, "--catalog", Conformance.saas], "no .seg files")
        try assertFails(["fmt", empty], "no .seg files")
        let seg = try file("ok.seg", "segment s { }")
        try assertFails(["compile", seg, "--catalog", dir], "directory")
        try assertFails(["run", seg, "--catalog", Conformance.saas, "--db", dir])
    }

    func testBrokenCatalog() throws {
        let seg = try file("ok.seg", "segment s { include { color = \"x\" } }")
        let cat = try file("bad.yaml", "name: x\nversion: 1\nentity: {name: a, table: b, key: c}\nfacets:\n  - {name: color, type: colour}\n")
        for cmd in ["check", "compile"] { try assertFails([cmd, seg, "--catalog", cat], "bad.yaml:5") }
        try assertFails(["explain", seg, "--catalog", cat, "--segment", "s"], "bad.yaml")
    }

    func testUnknownSegmentAndDialect() throws {
        let seg = try file("ok.seg", "segment alpha { } segment beta { }")
        try assertFails(["compile", seg, "--catalog", Conformance.saas, "--segment", "alpah"], "alpha")
        try assertFails(["compile", seg, "--catalog", Conformance.saas], "--segment")
        try assertFails(["compile", seg, "--catalog", Conformance.saas, "--segment", "alpha", "--dialect", "oracle"], "dialect")
        try assertFails(["compile", seg, "--catalog", Conformance.saas, "--segment", "alpha", "--as-of", "2026-02-30"], "as-of")
        try assertFails(["run", seg, "--catalog", Conformance.saas, "--segment", "gamma", "--db", try Conformance.databasePath()], "gamma")
        try assertFails(["explain", seg, "--catalog", Conformance.saas, "--segment", "gamma"], "gamma")
        try assertFails(["run", seg, "--catalog", Conformance.saas, "--segment", "alpha", "--db", "mysql://x/y"], "mysql")
    }

    func testInvalidUTF8AndBinary() throws {
        let bad = dir + "/bad.seg"
        try Data([0x73, 0x65, 0x67, 0xFF, 0xFE, 0x0A]).write(to: URL(fileURLWithPath: bad))
        try assertFails(["check", bad, "--catalog", Conformance.saas], "UTF-8")
        try assertFails(["compile", bad, "--catalog", Conformance.saas], "UTF-8")
        try assertFails(["fmt", bad], "UTF-8")
        let bin = dir + "/bin.seg"
        try Data([0x00, 0x01, 0x02]).write(to: URL(fileURLWithPath: bin))
        try assertFails(["check", bin, "--catalog", Conformance.saas], "binary")
        let badCat = dir + "/badcat.yaml"
        try Data(Array("name: \u{FF}x\n".utf8) + [0xC3, 0x28]).write(to: URL(fileURLWithPath: badCat))
        try assertFails(["check", try file("ok.seg", "segment s { }"), "--catalog", badCat], "badcat.yaml")
    }

    func testHugeInputs() throws {
        // 20 000 segments in one file: valid, checked without a crash.
        var text = ""
        for i in 0..<20_000 { text += "segment s\(i) { include { seats > \(i) } }\n" }
        let big = try file("big.seg", text)
        let ok = try segmint(["check", big, "--catalog", Conformance.saas])
        XCTAssertEqual(ok.status, 0, String(ok.stderr.prefix(2000)))
        // Deep nesting: must end in a diagnostic or success, never a stack overflow.
        let deep = try file("deep.seg", "segment s { include { " + String(repeating: "not ", count: 100_000) + "seats > 1 } }")
        let r1 = try segmint(["check", deep, "--catalog", Conformance.saas])
        XCTAssertFalse(r1.signalled, "deep not: crashed")
        let nested = try file("nested.seg", "segment s { include { " + String(repeating: "all { ", count: 50_000) + String(repeating: "} ", count: 50_000) + "} }")
        let r2 = try segmint(["check", nested, "--catalog", Conformance.saas])
        XCTAssertFalse(r2.signalled, "deep all: crashed")
        let r3 = try segmint(["compile", nested, "--catalog", Conformance.saas])
        XCTAssertFalse(r3.signalled, "deep all compile: crashed")
        // A 5 MB string literal and a 5 MB identifier.
        let longString = try file("long.seg", "segment s { include { company_name contains \"" + String(repeating: "x", count: 5_000_000) + "\" } }")
        let r4 = try segmint(["compile", longString, "--catalog", Conformance.saas, "--dialect", "bigquery"])
        XCTAssertEqual(r4.status, 0, String(r4.stderr.prefix(500)))
        let longName = try file("longname.seg", "segment " + String(repeating: "n", count: 5_000_000) + " { }")
        let r5 = try segmint(["check", longName, "--catalog", Conformance.saas])
        XCTAssertFalse(r5.signalled)
        // Many conditions in one segment.
        let wide = try file("wide.seg", "segment s { include { any { " + (0..<5_000).map { "seats = \($0)" }.joined(separator: " ") + " } } }")
        let r6 = try segmint(["compile", wide, "--catalog", Conformance.saas, "--dialect", "sqlite"])
        XCTAssertEqual(r6.status, 0, String(r6.stderr.prefix(500)))
    }

    func testHostileCatalogsAndReferenceExplosion() throws {
        let seg = try file("ok.seg", "segment s { }")
        // YAML alias bomb: 9^9 nodes if expanded.
        var bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (prev, cur) in zip(letters, letters.dropFirst()) {
            bomb += "\(cur): &\(cur) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ",") + "]\n"
        }
        bomb += "name: x\nversion: 1\nentity: {name: a, table: b, key: c}\nfacets: *i\n"
        try assertFails(["check", seg, "--catalog", try file("bomb.yaml", bomb)], "bomb.yaml")
        // 100 000 nested flow sequences.
        try assertFails(["check", seg, "--catalog", try file("deep.yaml", "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n")], "deep.yaml")
        // Segments that reference the previous one twice: the inlined query doubles each level.
        var text = "segment s0 { include { seats > 1 } }\n"
        for i in 1...30 { text += "segment s\(i) { include { in segment s\(i - 1) any { in segment s\(i - 1) plan = \"pro\" } } }\n" }
        let dia = try file("dia.seg", text)
        let small = try segmint(["compile", dia, "--catalog", Conformance.saas, "--segment", "s4", "--dialect", "sqlite"])
        XCTAssertEqual(small.status, 0, small.stderr)
        try assertFails(["compile", dia, "--catalog", Conformance.saas, "--segment", "s30"], "too large")
    }

    func testEndToEndOnSaasThroughTheBinary() throws {
        let seg = try file("e2e.seg", include("has invoice where status = \"paid\" during last 1 month count >= 2"))
        let r = try segmint(["run", seg, "--catalog", Conformance.saas, "--db", try Conformance.databasePath(), "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "acct_id\na1\na5\n")
        let empty = try file("empty.seg", "")
        let c = try segmint(["check", empty, "--catalog", Conformance.saas])
        XCTAssertEqual(c.status, 0, c.stderr)
        let f = try segmint(["fmt", "--stdout", seg])
        XCTAssertEqual(f.status, 0, f.stderr)
        let again = try file("again.seg", f.stdout)
        XCTAssertEqual(try segmint(["fmt", "--check", again]).status, 0)
    }

    func testNoArgumentsAndUnknownCommand() throws {
        let r = try segmint(["frobnicate"])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertFalse(r.signalled)
        let c = try segmint(["check"])
        XCTAssertEqual(c.status, 2, c.stderr)
    }
}

/// Analyses on the second domain: no retail wording, no retail assumptions.
final class ConformanceAnalysisTests: ConformanceCase {
    func testExplainOverlapRecommendOnSaas() throws {
        let seg = try file("a.seg", """
        segment emea { include { region = "EMEA" } }
        segment pros { as_of 2026-03-30 include { plan >= "pro" has invoice during last 1 year } }
        segment trial { include { in_trial = true } }
        """)
        let db = try Conformance.databasePath()
        let explain = runExplain(paths: [seg], catalogPath: Conformance.saas, segment: "pros", dbURL: db)
        XCTAssertEqual(explain.exitCode, 0, explain.stderr)
        XCTAssertTrue(explain.stdout.contains("Includes every account for whom"), explain.stdout)
        XCTAssertFalse(explain.stdout.contains("customer"), explain.stdout)
        // Funnel by hand: 6 accounts; plan >= pro → a1, a3, a6; + invoice in the last year → a1, a3
        XCTAssertTrue(explain.stdout.contains("Funnel (accounts remaining"), explain.stdout)
        let lines = explain.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  6 ") && $0.hasSuffix("everyone") }, explain.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  3 ") && $0.hasSuffix("plan >= \"pro\"") }, explain.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("  2 ") && $0.hasSuffix("during last 1 year") }, explain.stdout)
    }

    func testRecommendSpeaksOfAccounts() throws {
        let seg = try file("rec.seg", "segment everyone { include { seats > 0 } }\nsegment same { include { seats >= 1 } }\n")
        let out = runRecommend(paths: [seg], catalogPath: Conformance.saas, dbURL: try Conformance.databasePath())
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        // seats > 0 by hand: a1, a2, a4, a5, a6 (a3's seats are missing)
        XCTAssertTrue(out.stdout.contains("5 of 6 accounts (83.33%)"), out.stdout)
        XCTAssertTrue(out.stdout.contains("reach nearly the same accounts"), out.stdout)
        XCTAssertFalse(out.stdout.contains("customer"), out.stdout)
    }

    // `demo` on the second catalog: its tables (quoted names, `main.invoices`) are where the
    // compiled SQL looks for them, so `run` works on the generated data.
    func testDemoDataForSaasRuns() throws {
        let db = dir + "/demo.db"
        let demo = runDemo(db: db, catalogPath: Conformance.saas, customers: 50, seed: 7, asOf: "2026-03-30")
        XCTAssertEqual(demo.exitCode, 0, demo.stderr)
        let seg = try file("d.seg", include("has invoice during last 1 year count >= 1 has login plan is not missing"))
        let out = runRun(files: [seg], catalogPath: Conformance.saas, segment: nil, db: db, limit: 0, format: .json)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("\"key\": \"acct_id\""), out.stdout)
        let all = runRun(files: [try file("all.seg", "segment s { }")], catalogPath: Conformance.saas, segment: nil, db: db, limit: 0, format: .json)
        XCTAssertTrue(all.stdout.contains("\"count\": 50"), all.stdout)
    }
}

