import XCTest
import SegmintCore
@testable import SegmintDriver

/// `segmint check --explain CODE` and `--color`, through the driver and the built binary.
final class CheckExplainColorTests: XCTestCase {
    static let repo = DiagnosticRegistryTests.repo
    static let binary = repo + "/.build/debug/segmint"

    func testExplainPrintsTheEntry() {
        let out = runExplain(code: "E0301")
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertEqual(out.stderr, "")
        XCTAssertTrue(out.stdout.hasPrefix("E0301 (error): operator does not fit the type\n\n"), out.stdout)
        XCTAssertTrue(out.stdout.contains("\nExample:\n\n    segment s { include { city > \"M\" } }\n"), out.stdout)
        XCTAssertTrue(out.stdout.contains("\nFix:\n\n    segment s { include { city starts_with \"M\" } }\n"), out.stdout)
        XCTAssertEqual(runExplain(code: "w0301").exitCode, 0, "codes are case-insensitive")
    }

    func testUnknownCodeIsAUsageErrorWithNearCodes() {
        let out = runExplain(code: "W0201")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertEqual(out.stdout, "")
        XCTAssertTrue(out.stderr.hasPrefix("segmint: error[E1101]: unknown diagnostic code \"W0201\"\n"), out.stderr)
        XCTAssertTrue(out.stderr.contains("= help: did you mean E0201 (unknown facet)"), out.stderr)
        let junk = runExplain(code: "banana")
        XCTAssertEqual(junk.exitCode, 2)
        XCTAssertTrue(junk.stderr.contains("codes look like E0301"), junk.stderr)
    }

    func testCheckColoursOnlyWhenAsked() throws {
        let path = NSTemporaryDirectory() + "segmint-color-\(getpid()).seg"
        try "segment s { include { agee >= 18 } }\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cat = DiagnosticRegistryTests.catalog
        let plain = runCheck(paths: [path], catalogPath: cat, strict: false, format: "human", base: nil)
        XCTAssertFalse(plain.stderr.contains("\u{1B}["), plain.stderr)
        let colored = runCheck(paths: [path], catalogPath: cat, strict: false, format: "human", base: nil, color: true)
        XCTAssertTrue(colored.stderr.contains("\u{1B}[1;31merror[E0201]\u{1B}[0m"), colored.stderr)
        let json = runCheck(paths: [path], catalogPath: cat, strict: false, format: "json", base: nil, color: true)
        XCTAssertFalse(json.stdout.contains("\u{1B}"), "JSON never carries colour")
    }

    struct Ran { var status: Int32; var stdout: String; var stderr: String }

    func segmint(_ args: [String], env extra: [String: String] = [:]) throws -> Ran {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw XCTSkip("build the segmint binary first") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (k, v) in extra { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Ran(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    /// Through the binary: `--explain` needs no catalog; a pipe is not a terminal, so `auto`
    /// stays plain; `always` colours even with NO_COLOR; a bad `--color` value is a usage error.
    func testBinaryExplainAndColorOption() throws {
        let explained = try segmint(["check", "--explain", "E0151"])
        XCTAssertEqual(explained.status, 0, explained.stderr)
        XCTAssertTrue(explained.stdout.hasPrefix("E0151 (error): "), explained.stdout)
        XCTAssertEqual(try segmint(["check", "--explain", "E9999"]).status, 2)

        let path = NSTemporaryDirectory() + "segmint-color-bin-\(getpid()).seg"
        try "segment s { include { agee >= 18 } }\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cat = DiagnosticRegistryTests.catalog
        let auto = try segmint(["check", path, "--catalog", cat])
        XCTAssertEqual(auto.status, 1)
        XCTAssertTrue(auto.stderr.contains(": error[E0201]: unknown facet \"agee\""), auto.stderr)
        XCTAssertFalse(auto.stderr.contains("\u{1B}["), auto.stderr)
        let always = try segmint(["check", path, "--catalog", cat, "--color", "always"], env: ["NO_COLOR": "1"])
        XCTAssertTrue(always.stderr.contains("\u{1B}[1;31merror[E0201]"), always.stderr)
        let never = try segmint(["check", path, "--catalog", cat, "--color", "never"])
        XCTAssertFalse(never.stderr.contains("\u{1B}["), never.stderr)
        let bad = try segmint(["check", path, "--catalog", cat, "--color", "sometimes"])
        XCTAssertEqual(bad.status, 2, bad.stderr)
        let noCatalog = try segmint(["check", path])
        XCTAssertEqual(noCatalog.status, 2, noCatalog.stderr)
        XCTAssertTrue(noCatalog.stderr.contains("--catalog"), noCatalog.stderr)
    }
}

/// A bare word where a value belongs gets help for the compared facet's type.
final class BareWordHelpTests: XCTestCase {
    func helps(_ include: String) throws -> [String] {
        let path = NSTemporaryDirectory() + "segmint-bare-\(getpid()).seg"
        try "segment s {\n  include {\n\(include)\n  }\n}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = runCheck(paths: [path], catalogPath: DiagnosticRegistryTests.catalog, strict: false, format: "json", base: nil)
        let items = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        return items.compactMap { $0["help"] as? String }
    }

    func testBoolNumberDateAndTextFacets() throws {
        XCTAssertEqual(try helps("email_opt_out = yes"), ["email_opt_out is a bool: write true or false"])
        XCTAssertEqual(try helps("email_opt_out != True"), ["email_opt_out is a bool: write true in lower case"])
        XCTAssertEqual(try helps("age >= eighteen"), ["age is a number: write it in digits, without quotes"])
        XCTAssertEqual(try helps("signup_date > yesterday"), ["signup_date is a date: write a date as YYYY-MM-DD, without quotes"])
        XCTAssertEqual(try helps("country = US"), ["write text in double quotes: \"US\""])
        XCTAssertEqual(try helps("has order where channel = web"), ["write text in double quotes: \"web\""])
        XCTAssertEqual(try helps("has order where amount > big"), ["order.amount is a number: write it in digits, without quotes"])
        XCTAssertEqual(try helps("nosuch = yes"), ["write text in double quotes: \"yes\""], "an unknown facet keeps the generic help")
    }
}
