import XCTest
import SegmintCore
@testable import SegmintDriver

/// The built `segmint` binary as a user meets it: one error style, did-you-mean for commands,
/// `--version`, `-` for standard input, completions, an example in every help, JSON everywhere.
final class CLIBinaryTests: ConformanceCase {
    static let binary = Conformance.repo + "/.build/debug/segmint"

    struct Ran { var status: Int32; var stdout: String; var stderr: String }

    func segmint(_ args: [String], stdin: String = "", environment: [String: String] = [:]) throws -> Ran {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw XCTSkip("build the segmint binary first") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["SEGMINT_LLM_CONFIG"] = "/nonexistent"   // never reach out to a provider
        env.merge(environment) { $1 }
        p.environment = env
        let inPath = dir + "/stdin.\(UInt32.random(in: 0...UInt32.max))", outPath = inPath + ".out", errPath = inPath + ".err"
        FileManager.default.createFile(atPath: inPath, contents: Data(stdin.utf8))
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardInput = FileHandle(forReadingAtPath: inPath)
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        try p.run()
        p.waitUntilExit()
        return Ran(status: p.terminationStatus, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                   stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    func json(_ text: String, file f: StaticString = #filePath, line: UInt = #line) throws -> Any {
        do { return try JSONSerialization.jsonObject(with: Data(text.utf8)) } catch {
            XCTFail("not JSON: \(text.prefix(300))", file: f, line: line); throw error
        }
    }

    func testVersionNamesCommitAndSpec() throws {
        let r = try segmint(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.hasPrefix("segmint "), r.stdout)
        XCTAssertTrue(r.stdout.contains("commit "), r.stdout)
        XCTAssertTrue(r.stdout.contains("segment language spec "), r.stdout)
    }

    func testUnknownCommandsGetDidYouMean() throws {
        let r = try segmint(["chek", "x.seg"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("segmint: error[E1102]: unknown command 'chek'\n"), r.stderr)
        XCTAssertTrue(r.stderr.contains("= help: did you mean 'segmint check'?"), r.stderr)
        let nested = try segmint(["catalog", "imprt"])
        XCTAssertEqual(nested.status, 2)
        XCTAssertTrue(nested.stderr.contains("did you mean 'segmint catalog import'?"), nested.stderr)
        let far = try segmint(["zzzzzz"])
        XCTAssertTrue(far.stderr.contains("commands: check, fmt, compile"), far.stderr)
    }

    func testArgumentErrorsUseTheOneErrorStyle() throws {
        let seg = try file("s.seg", "segment s { }")
        for args in [["run", seg, "--catalog", Conformance.saas],            // missing --db
                     ["check", seg, "--catalog", Conformance.saas, "--bogus"], // unknown option
                     ["check", seg, "--catalog", Conformance.saas, "--format", "yaml"], // bad value
                     ["run", seg, "--db", "x.db", "--limit", "many"]] {
            let r = try segmint(args)
            XCTAssertEqual(r.status, 2, "\(args)")
            XCTAssertTrue(r.stderr.hasPrefix("segmint: error[E1101]: "), "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("\n  = help: usage: segmint \(args[0]) "), "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Error:"), r.stderr)
        }
        let noCatalog = try segmint(["check", seg])
        XCTAssertEqual(noCatalog.status, 2)
        XCTAssertTrue(noCatalog.stderr.hasPrefix("segmint: error[E1104]: no catalog given"), noCatalog.stderr)
    }

    /// `--limit -1` is a value refused with a clear message, not an unknown flag `-1`.
    func testNegativeLimitIsAValue() throws {
        let seg = try file("one.seg", "segment s { }")
        let r = try segmint(["run", seg, "--catalog", Conformance.saas, "--db", "x.db", "--limit", "-1"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("--limit must be 0 or more, got -1"), r.stderr)
        XCTAssertTrue(r.stderr.contains("--all (or --limit 0) prints every key"), r.stderr)
    }

    func testDashReadsStandardInput() throws {
        let text = "segment  s { include { seats>3 } }"
        let checked = try segmint(["check", "-", "--catalog", Conformance.saas], stdin: "segment s { include { seatz > 3 } }")
        XCTAssertEqual(checked.status, 1)
        XCTAssertTrue(checked.stderr.contains("<stdin>:1:"), checked.stderr)
        let compiled = try segmint(["compile", "-", "--catalog", Conformance.saas, "--dialect", "sqlite"], stdin: text)
        XCTAssertEqual(compiled.status, 0, compiled.stderr)
        XCTAssertTrue(compiled.stdout.contains("SELECT"), compiled.stdout)
        let formatted = try segmint(["fmt", "-"], stdin: text)
        XCTAssertEqual(formatted.status, 0, formatted.stderr)
        XCTAssertEqual(formatted.stdout, "segment s {\n  include {\n    seats > 3\n  }\n}\n")
        let catalogText = try String(contentsOfFile: Conformance.saas, encoding: .utf8)
        let catFromStdin = try segmint(["check", try file("s.seg", text), "--catalog", "-"], stdin: catalogText)
        XCTAssertEqual(catFromStdin.status, 0, catFromStdin.stderr)
        let twice = try segmint(["check", "-", "--catalog", "-"], stdin: text)
        XCTAssertEqual(twice.status, 2)
        XCTAssertTrue(twice.stderr.contains("standard input"), twice.stderr)
    }

    func testDirectoryArgumentChecksEverySegFile() throws {
        try FileManager.default.createDirectory(atPath: dir + "/a/deeper", withIntermediateDirectories: true)
        try file("a/one.seg", "segment one { include { seats > 1 } }")
        try file("a/deeper/two.seg", "segment two { include { in segment one } }")
        let r = try segmint(["compile", dir + "/a", "--catalog", Conformance.saas, "--segment", "two"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testFormatVocabularyAndOldSpelling() throws {
        let seg = try file("s.seg", "segment s { include { seats > 1 } }")
        let text = try segmint(["explain", seg, "--catalog", Conformance.saas, "--format", "text"])
        let human = try segmint(["explain", seg, "--catalog", Conformance.saas, "--format", "human"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertEqual(text.stdout, human.stdout, "text is the old spelling of human")
        let rows = try segmint(["run", seg, "--catalog", Conformance.saas, "--db", try Conformance.databasePath(), "--format", "human"])
        let table = try segmint(["run", seg, "--catalog", Conformance.saas, "--db", try Conformance.databasePath(), "--format", "table"])
        XCTAssertEqual(rows.status, 0, rows.stderr)
        XCTAssertEqual(rows.stdout, table.stdout, "human rows are the table")
        let bad = try segmint(["check", seg, "--catalog", Conformance.saas, "--format", "csv"])
        XCTAssertEqual(bad.status, 2, "csv is only for commands that print rows")
    }

    func testEveryReportCommandPrintsParsableJSON() throws {
        let seg = try file("s.seg", "segment s { include { seats > 1 } }\nsegment t { include { seats > 5 } }")
        let db = try Conformance.databasePath()
        let cat = Conformance.saas
        let commands: [[String]] = [
            ["check", seg, "--catalog", cat],
            ["compile", seg, "--catalog", cat, "--segment", "s"],
            ["fmt", "--stdout", seg],
            ["explain", seg, "--catalog", cat, "--segment", "t"],
            ["recommend", seg, "--catalog", cat],
            ["overlap", seg, "--catalog", cat, "--static"],
            ["overlap", seg, "--catalog", cat, "--db", db],
            ["run", seg, "--catalog", cat, "--segment", "s", "--db", db],
            ["demo", "--db", dir + "/demo.db", "--customers", "20", "--as-of", "2026-01-01"],
            ["memory", "list", "--memory", dir + "/memory.db"],
        ]
        for args in commands {
            let r = try segmint(args + ["--format", "json"])
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            _ = try json(r.stdout)
        }
    }

    func testCompletionScriptsListDialectsAndFormats() throws {
        for shell in ["bash", "zsh", "fish"] {
            let r = try segmint(["completions", shell])
            XCTAssertEqual(r.status, 0, r.stderr)
            for word in ["snowflake", "trino", "human", "json", "csv", "catalog", "compile"] {
                XCTAssertTrue(r.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
        XCTAssertEqual(try segmint(["completions", "tcsh"]).status, 2)
    }

    func testEveryHelpHasAnExample() throws {
        let commands = [[], ["check"], ["fmt"], ["compile"], ["run"], ["demo"], ["catalog"], ["catalog", "import"],
                        ["overlap"], ["explain"], ["recommend"], ["ask"], ["memory"], ["memory", "list"], ["memory", "forget"],
                        ["eval"], ["llm"], ["llm", "ping"], ["completions"]]
        for c in commands {
            let r = try segmint(c + ["--help"])
            XCTAssertEqual(r.status, 0, "\(c)")
            XCTAssertTrue(r.stdout.contains("Example"), "no example in help of \(c)")
            XCTAssertTrue(r.stdout.contains("  segmint "), "no command line in help of \(c)")
        }
    }
}
