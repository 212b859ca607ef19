import XCTest
import SegmintCore
import SegmintCheck
import SegmintCatalog
@testable import SegmintDriver

/// Golden tests for `segmint check` (see golden/check/README.md for the layout):
/// - `golden/check/<case>.seg` beside `<case>.diag`, the expected human output (stderr);
/// - `golden/check/<case>/` (a directory of .seg files checked together, in name order)
///   beside `<case>.diag`: segment references across files;
/// - a first line `# check: --catalog PATH --strict` overrides the defaults
///   (`--catalog catalogs/retail.yaml`, not strict).
/// Paths in the output are relative to the repository root. `UPDATE_GOLDEN=1 swift test`
/// rewrites the .diag files; read the diff before committing.
final class GoldenCheckTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let dir = "golden/check"

    /// Codes a golden case cannot reach through `segmint check`, and why; unit tests cover them.
    static let notInGolden: [String: String] = [
        CheckCode.missingTag: "requireTags is a pipeline option, not a check flag (GroundingTests)",
        CheckCode.fromNotInRequest: "needs the user's request, known only in the pipeline (GroundingTests)",
        CheckCode.unreadableFile: "a missing input cannot be a golden file (CheckCommandTests)",
        CheckCode.binaryFile: "binary bytes do not belong in the repository (CheckCommandTests)",
        CheckCode.invalidUTF8: "invalid UTF-8 does not belong in the repository (CheckCommandTests)",
        CatalogCode.notText: "binary bytes do not belong in the repository (CatalogLoaderTests)",
        CheckCode.outOfRange: "reached with 64-bit overflow literals the parser may reject first (CheckerTypeTests)",
    ]

    struct Case {
        let name: String
        let inputs: [String]
        let diag: String
        let catalog: String
        let strict: Bool
    }

    static func cases() throws -> [Case] {
        let fm = FileManager.default
        let root = repo + "/" + dir
        var out: [Case] = []
        for entry in try fm.contentsOfDirectory(atPath: root).sorted() {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: root + "/" + entry, isDirectory: &isDir)
            let name: String, inputs: [String]
            if isDir.boolValue {
                name = entry
                inputs = try fm.contentsOfDirectory(atPath: root + "/" + entry).filter { $0.hasSuffix(".seg") }.sorted()
                    .map { "\(dir)/\(entry)/\($0)" }
            } else if entry.hasSuffix(".seg") {
                name = String(entry.dropLast(4))
                inputs = ["\(dir)/\(entry)"]
            } else {
                continue
            }
            var catalog = "catalogs/retail.yaml", strict = false
            if let first = inputs.first, let text = try? String(contentsOfFile: repo + "/" + first, encoding: .utf8),
               let line = text.split(separator: "\n", omittingEmptySubsequences: false).first, line.hasPrefix("# check:") {
                let words = line.dropFirst("# check:".count).split(separator: " ").map(String.init)
                var i = 0
                while i < words.count {
                    if words[i] == "--catalog", i + 1 < words.count { catalog = words[i + 1]; i += 1 }
                    if words[i] == "--strict" { strict = true }
                    i += 1
                }
            }
            out.append(Case(name: name, inputs: inputs, diag: "\(dir)/\(name).diag", catalog: catalog, strict: strict))
        }
        return out
    }

    func testGoldenCases() throws {
        let update = ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1"
        let cases = try Self.cases()
        XCTAssertGreaterThan(cases.count, 10)
        for c in cases {
            let out = runCheck(paths: c.inputs, catalogPath: c.catalog, strict: c.strict, format: "human", base: Self.repo)
            let path = Self.repo + "/" + c.diag
            if update {
                try AtomicFile.write(out.stderr, to: path)
                continue
            }
            let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "<missing \(c.diag)>"
            XCTAssertEqual(out.stderr, expected, "golden case \(c.name) (UPDATE_GOLDEN=1 rewrites)")
            XCTAssertEqual(out.stdout, "", c.name)
            let hasErrors = out.stderr.contains(": error[")
            XCTAssertEqual(out.exitCode, hasErrors ? (c.name.hasPrefix("io_") ? 2 : 1) : 0, c.name)
        }
    }

    /// Every diagnostic code appears in some golden output, or is listed in `notInGolden`.
    func testEveryCodeHasAGoldenCase() throws {
        var seen = Set<String>()
        for c in try Self.cases() {
            // Codes are read from the JSON form of the same run (exact, unlike searching the text).
            let json = runCheck(paths: c.inputs, catalogPath: c.catalog, strict: c.strict, format: "json", base: Self.repo).stdout
            for info in CheckCode.all where json.contains("\"code\": \"\(info.code)\"") { seen.insert(info.code) }
        }
        let missing = CheckCode.all.map(\.code).filter { !seen.contains($0) && Self.notInGolden[$0] == nil }
        XCTAssertEqual(missing, [], "codes without a golden case")
    }

    func testDiagnosticCodesAreUniqueAndDescribed() {
        let codes = CheckCode.all.map(\.code)
        XCTAssertEqual(codes.count, Set(codes).count)
        for info in CheckCode.all {
            XCTAssertTrue(info.code.range(of: "^[EW][0-9]{4}$", options: .regularExpression) != nil, info.code)
            XCTAssertFalse(info.title.isEmpty)
        }
    }
}
