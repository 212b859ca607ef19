import XCTest
import SegmintCore
@testable import SegmintDriver

/// The repository root, found from this file's path (Tests/SegmintDriverTests/…).
private let repoRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

private func listSeg(_ dir: String) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
    return e.compactMap { $0 as? String }.filter { $0.hasSuffix(".seg") }.sorted().map { dir + "/" + $0 }
}

/// `golden/fmt/<case>.seg` beside `<case>.fmt.seg` (its expected `fmt` output). Cases under
/// `golden/fmt/errors/` have syntax errors: their expected stderr is `<case>.fmt.err`.
/// `UPDATE_GOLDEN=1 swift test --filter GoldenFmtTests` rewrites the expected files.
final class GoldenFmtTests: XCTestCase {
    let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"

    func testGoldenFmtCases() throws {
        let inputs = listSeg(repoRoot + "/golden/fmt").filter { !$0.hasSuffix(".fmt.seg") }
        XCTAssertGreaterThanOrEqual(inputs.count, 8, "golden cases missing")
        for input in inputs {
            let isError = input.contains("/errors/")
            let expectedPath = String(input.dropLast(4)) + (isError ? ".fmt.err" : ".fmt.seg")
            let out = runFmt(paths: [input], check: false, toStdout: true)
            let actual = isError ? out.stderr.replacingOccurrences(of: repoRoot + "/", with: "") : out.stdout
            XCTAssertEqual(out.exitCode, isError ? 1 : 0, "\(input): \(out.stderr)")
            if update {
                try AtomicFile.write(actual, to: expectedPath)
                continue
            }
            let expected = (try? FileInput.read(expectedPath)).map { String(decoding: $0, as: UTF8.self) }
            XCTAssertEqual(actual, expected, "\(input) differs from \(expectedPath) (UPDATE_GOLDEN=1 rewrites it)")
            if !isError {
                // The expected output is itself canonical: fmt leaves it unchanged.
                let again = runFmt(paths: [expectedPath], check: true, toStdout: false)
                XCTAssertEqual(again.exitCode, 0, "\(expectedPath) is not canonical: \(again.stdout)")
            }
        }
    }
}

final class FmtCommandTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "segmint-fmt-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func write(_ name: String, _ text: String) throws -> String {
        let path = dir + "/" + name
        try AtomicFile.write(text, to: path)
        return path
    }

    func read(_ path: String) -> String { (try? FileInput.read(path)).map { String(decoding: $0, as: UTF8.self) } ?? "<missing>" }

    func testRewritesInPlace() throws {
        let path = try write("a.seg", "segment a{include{x=1}}")
        let out = runFmt(paths: [path], check: false, toStdout: false)
        XCTAssertEqual(out, CommandOutput(exitCode: 0))
        XCTAssertEqual(read(path), "segment a {\n  include {\n    x = 1\n  }\n}\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir)
        XCTAssertEqual(leftovers, ["a.seg"], "no temporary files left behind")
    }

    func testCheckNamesFilesThatWouldChangeAndWritesNothing() throws {
        let messy = try write("messy.seg", "segment a{}")
        let clean = try write("clean.seg", "segment b {}\n")
        let out = runFmt(paths: [messy, clean], check: true, toStdout: false)
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertEqual(out.stdout, "would reformat \(messy)\n")
        XCTAssertEqual(read(messy), "segment a{}")
        XCTAssertEqual(runFmt(paths: [clean], check: true, toStdout: false), CommandOutput(exitCode: 0))
    }

    func testStdoutPrintsAndWritesNothing() throws {
        let path = try write("a.seg", "segment a{}")
        XCTAssertEqual(runFmt(paths: [path], check: false, toStdout: true), CommandOutput(exitCode: 0, stdout: "segment a {}\n"))
        XCTAssertEqual(read(path), "segment a{}")
    }

    func testSyntaxErrorsAreReportedAndFileIsKept() throws {
        let path = try write("bad.seg", "segment a { include { x = } }")
        let out = runFmt(paths: [path], check: false, toStdout: false)
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stderr.hasPrefix("\(path):1:27: error[E0151]: expected a value"), out.stderr)
        XCTAssertTrue(out.stderr.contains("not formatted: it has syntax errors"), out.stderr)
        XCTAssertEqual(read(path), "segment a { include { x = } }")
    }

    func testMissingFileIsExit2AndOtherFilesStillFormatted() throws {
        let good = try write("good.seg", "segment a{}")
        let out = runFmt(paths: [dir + "/nope.seg", good], check: false, toStdout: false)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("cannot read \(dir)/nope.seg"), out.stderr)
        XCTAssertEqual(read(good), "segment a {}\n")
    }

    func testNoFilesIsUsageError() {
        XCTAssertEqual(runFmt(paths: [], check: false, toStdout: false).exitCode, 2)
    }
}
