import XCTest
import Foundation
import SegmintCore
import SegmintSyntax
@testable import SegmintDriver

/// `segmint ask` as a user calls it, offline (no provider): exit codes, what goes to stdout,
/// and that the printed `.seg` is already in `fmt`'s layout and checks cleanly.
final class AskCommandTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    var catalog: String { Self.repo + "/catalogs/retail.yaml" }
    var home = ""

    override func setUp() {
        home = NSTemporaryDirectory() + "segmint-ask-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    }
    override func tearDown() { try? FileManager.default.removeItem(atPath: home) }

    func ask(_ request: String, out: String? = nil, sql: Bool = false) async -> CommandOutput {
        await runAsk(AskArguments(request: request, catalog: catalog, out: out, sql: sql, offline: true,
                                  memory: home + "/memory.sqlite", user: "tester"), model: nil)
    }

    func testOfflineSegmentIsCanonicalAndChecks() async throws {
        let r = await ask("California customers who bought outdoor gear in the last 90 days but not email opt-outs")
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout.split(separator: "\n").first, "# segmint ask (offline translator)", "the header says which translator answered")
        let source = SourceFile(id: 0, path: "ask.seg", text: r.stdout)
        let parsed = Parser.parse(source)
        XCTAssertEqual(parsed.diagnostics, [])
        XCTAssertEqual(Formatter.format(parsed.file, source: source), r.stdout, "ask prints fmt's layout")
        XCTAssertTrue(r.stdout.contains("state = \"CA\""))
        XCTAssertTrue(r.stdout.contains("during last 90 days"))
        XCTAssertTrue(r.stdout.contains("exclude {"))

        let path = home + "/asked.seg"
        try r.stdout.write(toFile: path, atomically: true, encoding: .utf8)
        let checked = runCheck(paths: [path], catalogPath: catalog, strict: false, format: "human")
        XCTAssertEqual(checked.exitCode, 0, checked.stderr)
    }

    func testOutWritesTheFileAndPrintsNothing() async throws {
        let path = home + "/out.seg"
        let r = await ask("gold tier customers in Texas", out: path)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertEqual(r.stdout, "")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(written.contains("segment "), written)
    }

    func testSQLOnRequest() async {
        let r = await ask("gold tier customers in Texas", sql: true)
        XCTAssertEqual(r.exitCode, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("SELECT DISTINCT"), r.stdout)
        XCTAssertTrue(r.stdout.contains("'TX'"), r.stdout)
    }

    func testRequestToDeleteDataIsRefusedWithNothingOnStdout() async {
        let r = await ask("delete all customers in CA")
        XCTAssertEqual(r.exitCode, 4)
        XCTAssertEqual(r.stdout, "")
        XCTAssertFalse(r.stderr.isEmpty)
    }

    func testUnmappableWordsAreListed() async {
        let r = await ask("customers whose favourite colour is teal")
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertEqual(r.stdout, "")
        XCTAssertTrue(r.stderr.contains("colour") || r.stderr.contains("teal"), r.stderr)
    }

    func testEmptyRequestIsAUsageError() async {
        let r = await ask("   ")
        XCTAssertEqual(r.exitCode, 2)
    }
}
