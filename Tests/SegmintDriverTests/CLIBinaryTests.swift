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
            XCTAssertTrue(r.stderr.contains("\n  = help: "), "\(args): \(r.stderr)")
            XCTAssertTrue(r.stderr.hasSuffix("see 'segmint \(args[0]) --help'\n"), "\(args): \(r.stderr)")
            XCTAssertFalse(r.stderr.contains("Error:"), r.stderr)
        }
        let missing = try segmint(["run", seg, "--catalog", Conformance.saas])
        XCTAssertTrue(missing.stderr.contains("= help: usage: segmint run "), missing.stderr)
        let typo = try segmint(["check", seg, "--catalgo", Conformance.saas])
        XCTAssertEqual(typo.stderr, "segmint: error[E1101]: unknown option '--catalgo'\n  = help: did you mean '--catalog'? — see 'segmint check --help'\n")
        let value = try segmint(["check", seg, "--catalog", Conformance.saas, "--format", "yaml"])
        XCTAssertTrue(value.stderr.contains("= help: please provide one of 'human' and 'json'"), value.stderr)
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

    /// `--color` works on every command, argument errors included; a pipe gets no colour by default.
    func testColourFollowsTheFlagOnEveryCommand() throws {
        let bad = try file("bad.seg", "segment s { include { seatz > 1 } }")
        let esc = "\u{1B}["
        for cmd in [["check", bad], ["compile", bad], ["explain", bad], ["recommend", bad], ["overlap", bad, "--static"]] {
            let always = try segmint(cmd + ["--catalog", Conformance.saas, "--color", "always"])
            XCTAssertEqual(always.status, 1, "\(cmd): \(always.stderr)")
            XCTAssertTrue(always.stderr.contains(esc), "\(cmd) --color always: no colour")
            let auto = try segmint(cmd + ["--catalog", Conformance.saas])
            XCTAssertFalse(auto.stderr.contains(esc), "\(cmd): colour into a pipe")
            let never = try segmint(cmd + ["--catalog", Conformance.saas, "--color", "never"])
            XCTAssertFalse(never.stderr.contains(esc), "\(cmd) --color never: colour")
        }
        let argError = try segmint(["check", bad, "--color", "always", "--bogus"])
        XCTAssertEqual(argError.status, 2)
        XCTAssertTrue(argError.stderr.contains(esc), argError.stderr)
        let noColor = try segmint(["compile", bad, "--catalog", Conformance.saas], environment: ["NO_COLOR": "1"])
        XCTAssertFalse(noColor.stderr.contains(esc))
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
            ["ask", "gold tier members", "--catalog", Conformance.retail, "--offline", "--memory", "none"],
        ]
        for args in commands {
            let r = try segmint(args + ["--format", "json"])
            XCTAssertEqual(r.status, 0, "\(args): \(r.stderr)")
            _ = try json(r.stdout)
        }
    }

    func testEvalFormatJSONIsTheReport() throws {
        let suite = Conformance.repo + "/golden/nl"
        let r = try segmint(["eval", suite, "--offline-translator", "--no-pipeline", "--filter", "001", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try XCTUnwrap(try json(r.stdout) as? [String: Any])
        XCTAssertEqual(j["format"] as? String, "segmint-eval-report/1")
        let old = try segmint(["eval", suite, "--offline-translator", "--no-pipeline", "--filter", "001", "--json"])
        XCTAssertEqual((try json(old.stdout) as? [String: Any])?["format"] as? String, "segmint-eval-report/1", "--json still works")
    }

    func testAskJSON() throws {
        let args = ["ask", "gold tier members", "--catalog", Conformance.retail, "--offline", "--memory", "none", "--format", "json"]
        let r = try segmint(args)
        XCTAssertEqual(r.status, 0, r.stderr)
        let j = try XCTUnwrap(try json(r.stdout) as? [String: Any])
        XCTAssertEqual(j["status"] as? String, "ok")
        XCTAssertTrue((j["segment"] as? String ?? "").contains("segment "), "\(j)")
        XCTAssertTrue(j["sql"] is NSNull)
        let withSQL = try segmint(args + ["--sql", "--dialect", "trino"])
        let s = try XCTUnwrap(try json(withSQL.stdout) as? [String: Any])
        XCTAssertTrue((s["sql"] as? String ?? "").contains("SELECT"), "\(s)")
        XCTAssertTrue((s["segment"] as? String ?? "").contains("segment "), "the segment is in the JSON also with --sql")
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

    /// Every command reachable from `segmint --help`, found by reading the SUBCOMMANDS lists,
    /// so a command added later is held to the same rule.
    func testEveryHelpHasAnExample() throws {
        var pending: [[String]] = [[]], seen = 0
        while let c = pending.popLast() {
            let r = try segmint(c + ["--help"])
            XCTAssertEqual(r.status, 0, "\(c)")
            XCTAssertTrue(r.stdout.contains("Example"), "no example in help of \(c)")
            XCTAssertTrue(r.stdout.contains("  segmint "), "no command line in help of \(c)")
            seen += 1
            guard let list = r.stdout.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { continue }
            for line in list.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                guard let name = line.split(separator: " ").first.map(String.init), name != "See", name != "help" else { continue }
                pending.append(c + [name])
            }
        }
        XCTAssertGreaterThanOrEqual(seen, 19, "the command tree was not read")
    }
}
