import XCTest
import SegmintCore
@testable import SegmintDriver

/// `runCheck` end to end on files in a temporary directory: formats, exit codes, bad input.
final class CheckCommandTests: XCTestCase {
    var dir = ""
    static let retail = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("catalogs/retail.yaml").path

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "segmint-check-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = dir + "/" + name
        try AtomicFile.write(bytes, to: path)
        return path
    }

    func testEmptyFileIsValidWithAWarning() throws {
        let path = try write("empty.seg", [])
        let out = runCheck(paths: [path], catalogPath: Self.retail, strict: false, format: "human")
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertTrue(out.stderr.contains("warning[W0901]: \(path) is empty: it declares no segments"), out.stderr)
        XCTAssertTrue(out.stderr.hasSuffix("1 warning\n"), out.stderr)
        XCTAssertEqual(out.stdout, "")
    }

    func testMissingInputIsAnIOError() {
        let out = runCheck(paths: [dir + "/nope.seg"], catalogPath: Self.retail, strict: false, format: "human")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertEqual(out.stderr, "\(dir)/nope.seg: error[E0901]: cannot read \(dir)/nope.seg: No such file or directory\n1 error\n")
    }

    func testDirectoryAsInputIsAnIOError() {
        let out = runCheck(paths: [dir], catalogPath: Self.retail, strict: false, format: "human")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("is a directory"), out.stderr)
    }

    func testMissingCatalogIsAnIOError() throws {
        let path = try write("a.seg", [])
        let out = runCheck(paths: [path], catalogPath: dir + "/none.yaml", strict: false, format: "json")
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stdout.contains("\"code\": \"E0801\""), out.stdout)
        XCTAssertTrue(out.stdout.contains("\"file\": \"\(dir)/none.yaml\""), out.stdout)
    }

    func testBrokenCatalogIsAnInputError() throws {
        let path = try write("a.seg", [])
        let cat = try write("c.yaml", Array("name: x\nversion: 1\nentity: {name: a, table: b}\n".utf8))
        let out = runCheck(paths: [path], catalogPath: cat, strict: false, format: "human")
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stderr.contains("\(cat):3:9: error[E0807]: entity is missing required key \"key\""), out.stderr)
    }

    func testBinaryInput() throws {
        let path = try write("bin.seg", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01])
        let out = runCheck(paths: [path], catalogPath: Self.retail, strict: false, format: "json")
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stdout.contains("\"code\": \"E0902\""), out.stdout)
        XCTAssertTrue(out.stdout.contains("\"line\": 1, \"column\": 5"), out.stdout)
    }

    func testInvalidUTF8PointsAtTheByte() throws {
        let path = try write("bad.seg", Array("# ok\n# caf".utf8) + [0xE9, 0x0A])
        let out = runCheck(paths: [path], catalogPath: Self.retail, strict: false, format: "json")
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stdout.contains("\"code\": \"E0903\""), out.stdout)
        XCTAssertTrue(out.stdout.contains("\"line\": 2, \"column\": 6"), out.stdout)
    }

    func testUsageErrors() {
        XCTAssertEqual(runCheck(paths: [], catalogPath: Self.retail, strict: false, format: "human").exitCode, 2)
        let bad = runCheck(paths: ["x.seg"], catalogPath: Self.retail, strict: false, format: "xml")
        XCTAssertEqual(bad.exitCode, 2)
        XCTAssertEqual(bad.stderr, "segmint: error[E1101]: unknown format \"xml\"\n  = help: use human or json\n")
    }

    func testJSONIsAnEmptyArrayWhenValid() throws {
        let path = try write("a.seg", Array("# just a comment\n".utf8))
        let out = runCheck(paths: [path], catalogPath: Self.retail, strict: false, format: "json")
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertEqual(out.stdout, "[]\n")
        XCTAssertEqual(out.stderr, "")
    }

    func testSummaryWording() {
        let e = Diagnostic.error("E1", "x", at: nil), w = Diagnostic.warning("W1", "y", at: nil)
        XCTAssertEqual(FrontEnd.summary([]), "")
        XCTAssertEqual(FrontEnd.summary([e]), "1 error")
        XCTAssertEqual(FrontEnd.summary([e, e, w]), "2 errors, 1 warning")
        XCTAssertEqual(FrontEnd.summary([w, w]), "2 warnings")
    }
}

/// The shipped examples must stay valid against the shipped catalog.
final class ShippedExamplesTests: XCTestCase {
    func testExamplesCheckCleanly() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let files = try FileManager.default.contentsOfDirectory(atPath: repo + "/examples").filter { $0.hasSuffix(".seg") }.sorted()
        XCTAssertFalse(files.isEmpty)
        let out = runCheck(paths: files.map { "examples/\($0)" }, catalogPath: "catalogs/retail.yaml", strict: false, format: "human", base: repo)
        XCTAssertEqual(out.stderr, "")
        XCTAssertEqual(out.exitCode, 0)
    }
}
