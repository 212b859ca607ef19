import XCTest
import SegmintCore
@testable import SegmintDriver

/// Database and file failures on the built binary: each is one rendered diagnostic with a
/// registered code (`segmint: error[CODE]: …`, a help line where one helps), exit status 2.
final class CLIErrorRenderingTests: ConformanceCase {
    struct Ran { var status: Int32; var stdout: String; var stderr: String }

    func segmint(_ args: [String]) throws -> Ran {
        guard FileManager.default.isExecutableFile(atPath: CLIBinaryTests.binary) else { throw XCTSkip("build the segmint binary first") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLIBinaryTests.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["SEGMINT_LLM_CONFIG"] = "/nonexistent"   // never reach out to a provider
        p.environment = env
        let outPath = dir + "/out.\(UInt32.random(in: 0...UInt32.max))", errPath = outPath + ".err"
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardInput = FileHandle.nullDevice
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        p.waitUntilExit()
        return Ran(status: p.terminationStatus, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// One error, rendered: the header with `code`, the code registered as an error.
    func assertRendered(_ r: Ran, code: String, status: Int32 = 2, file f: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.status, status, r.stderr, file: f, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("segmint: error[\(code)]: "), r.stderr, file: f, line: line)
        XCTAssertEqual(r.stderr.components(separatedBy: "error[").count, 2, "one error: \(r.stderr)", file: f, line: line)
        XCTAssertEqual(DiagnosticRegistry.entry(code)?.severity, .error, code, file: f, line: line)
    }

    func testBadDatabaseURLIsE1001WithHelp() throws {
        let seg = try file("s.seg", "segment s { include { seats > 1 } }")
        for cmd in [["overlap", seg], ["explain", seg], ["recommend", seg], ["run", seg]] {
            let r = try segmint(cmd + ["--catalog", Conformance.saas, "--db", "mysql://localhost/shop"])
            assertRendered(r, code: "E1001")
            XCTAssertTrue(r.stderr.contains("= help: give a file path, sqlite:PATH") && r.stderr.contains("postgres://user@host:port/database"), "\(cmd): \(r.stderr)")
        }
    }

    func testMissingDatabaseFileIsE1002() throws {
        let seg = try file("s.seg", "segment s { include { seats > 1 } }")
        for cmd in [["overlap", seg], ["explain", seg], ["recommend", seg], ["run", seg]] {
            let r = try segmint(cmd + ["--catalog", Conformance.saas, "--db", dir + "/missing.db"])
            assertRendered(r, code: "E1002")
            XCTAssertTrue(r.stderr.contains("missing.db"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/missing.db"), "a missing database is not created")
        }
        let coloured = try segmint(["explain", seg, "--catalog", Conformance.saas, "--db", dir + "/missing.db", "--color", "always"])
        XCTAssertEqual(coloured.status, 2)
        XCTAssertTrue(coloured.stderr.contains("\u{1B}[1;31merror[E1002]"), coloured.stderr)
    }

    func testUnwritableSVGIsE1107AndTheReportStillPrints() throws {
        let seg = try file("s.seg", "segment s { include { seats > 1 } }")
        let db = dir + "/demo.db"
        let demo = try segmint(["demo", "--db", db, "--catalog", Conformance.saas, "--customers", "50"])
        XCTAssertEqual(demo.status, 0, demo.stderr)
        let r = try segmint(["overlap", seg, "--catalog", Conformance.saas, "--db", db, "--svg", dir + "/no/such/dir/o.svg"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("segmint: error[E1107]: cannot write " + dir + "/no/such/dir/o.svg"), r.stderr)
        XCTAssertTrue(r.stdout.contains("s"), "the report is still printed: \(r.stdout)")
    }

    func testFmtUnreadableAndUnwritableFilesAreRendered() throws {
        let missing = try segmint(["fmt", dir + "/nothere.seg"])
        assertRendered(missing, code: "E0901")
        XCTAssertTrue(missing.stderr.contains("cannot read " + dir + "/nothere.seg"), missing.stderr)
        let json = try segmint(["fmt", dir + "/nothere.seg", "--format", "json"])
        XCTAssertEqual(json.status, 2)
        XCTAssertTrue(json.stdout.contains("E0901"), "the JSON lists the diagnostic: \(json.stdout)")
    }

    /// `--color` reaches the renderer for commands beyond check/compile/explain/recommend/overlap.
    func testColourFollowsTheFlagOnFmtRunAndMemory() throws {
        let broken = try file("broken.seg", "segment s { include { seats > } }")
        let seg = try file("s.seg", "segment s { include { seats > 1 } }")
        let cases: [[String]] = [["fmt", broken, "--check"],
                                 ["run", seg, "--catalog", Conformance.saas, "--db", "mysql://localhost/shop"],
                                 ["memory", "list", "--tenant", "a b"]]
        for cmd in cases {
            let always = try segmint(cmd + ["--color", "always"])
            XCTAssertNotEqual(always.status, 0, "\(cmd)")
            XCTAssertTrue(always.stderr.contains("\u{1B}[1;31merror["), "\(cmd) --color always: \(always.stderr)")
            let never = try segmint(cmd + ["--color", "never"])
            XCTAssertTrue(never.stderr.contains("error["), never.stderr)
            XCTAssertFalse(never.stderr.contains("\u{1B}["), "\(cmd) --color never: \(never.stderr)")
        }
    }

    func testBadTenantNameIsAUsageError() throws {
        let r = try segmint(["memory", "list", "--tenant", "a b", "--memory", dir + "/m.db"])
        assertRendered(r, code: "E1101")
        XCTAssertTrue(r.stderr.contains("= help: tenant names use letters, digits, _ and - only"), r.stderr)
    }
}
