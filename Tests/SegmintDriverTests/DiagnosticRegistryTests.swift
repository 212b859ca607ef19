import XCTest
import SegmintCore
import SegmintCheck
import SegmintCatalog
import SegmintSyntax
@testable import SegmintDriver

/// The registry of diagnostic codes: unique, complete (every code-shaped literal in `Sources/`
/// is registered), every entry explained, and the `.seg` examples really produce their code.
final class DiagnosticRegistryTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let catalog = repo + "/Tests/SegmintDriverTests/Fixtures/explain-catalog.yaml"

    func testCodesAreUniqueWellFormedAndExplained() {
        XCTAssertEqual(DiagnosticRegistry.duplicateCodes, [])
        XCTAssertGreaterThanOrEqual(DiagnosticRegistry.all.count, 85)
        for e in DiagnosticRegistry.all {
            XCTAssertNotNil(e.code.range(of: "^[EWN][0-9]{4}$", options: .regularExpression), e.code)
            let letter: Character = e.severity == .error ? "E" : e.severity == .warning ? "W" : "N"
            XCTAssertEqual(e.code.first, letter, "\(e.code): the letter names the severity")
            XCTAssertFalse(e.title.isEmpty, e.code)
            XCTAssertEqual(e.title.first.map { String($0).lowercased() }, e.title.first.map(String.init), "\(e.code): titles start in lower case")
            XCTAssertFalse(e.title.hasSuffix("."), e.code)
            XCTAssertGreaterThan(e.explanation.count, 30, "\(e.code) needs an explanation")
            XCTAssertFalse(e.example.isEmpty, "\(e.code) needs an example")
            XCTAssertFalse(e.fix.isEmpty, "\(e.code) needs a fix")
            XCTAssertNotEqual(e.example, e.fix, e.code)
        }
    }

    /// Every `"E1234"`-shaped string literal in the sources names a registered code, so a code
    /// added anywhere without an entry fails here.
    func testEveryCodeLiteralInSourcesIsRegistered() throws {
        let pattern = try NSRegularExpression(pattern: "\"([EWN][0-9]{4})\"")
        let root = Self.repo + "/Sources"
        var found = 0
        var unregistered: [String] = []
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        XCTAssertGreaterThan(files.count, 50)
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for m in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let r = Range(m.range(at: 1), in: text) else { continue }
                found += 1
                let code = String(text[r])
                if !DiagnosticRegistry.contains(code) { unregistered.append("\(file): \(code)") }
            }
        }
        XCTAssertGreaterThan(found, 100, "the scan found the code literals")
        XCTAssertEqual(unregistered, [], "codes used in Sources/ but missing from DiagnosticRegistry")
    }

    /// Every code `check` actually emits on the golden corpus is registered, with the severity
    /// the registry gives it (catches codes built at run time, which the literal scan cannot see).
    func testEmittedCodesAreRegisteredWithTheirSeverity() throws {
        var seen = 0
        for c in try GoldenCheckTests.cases() {
            let json = runCheck(paths: c.inputs, catalogPath: c.catalog, strict: c.strict, format: "json", base: GoldenCheckTests.repo).stdout
            let items = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] ?? []
            for item in items {
                let code = item["code"] as? String ?? "", severity = item["severity"] as? String ?? ""
                XCTAssertEqual(DiagnosticRegistry.entry(code)?.severity.rawValue, severity, "\(c.name): \(code)")
                seen += 1
            }
        }
        XCTAssertGreaterThan(seen, 100)
    }

    /// The named constants of each stage are registered with the right severity.
    func testStageConstantsAreRegistered() {
        let constants = [[ParseCode.expected, ParseCode.tooDeep, ParseCode.duplicate, ParseCode.badCount, ParseCode.reservedName,
                          ParseCode.badQuarter, ParseCode.tooMany], CheckCode.all.map(\.code), CatalogCode.all.map(\.code)].joined()
        for code in constants { XCTAssertTrue(DiagnosticRegistry.contains(code), code) }
    }

    /// Examples that need more than `check` with the example catalog, and why.
    static let notRunnable: [String: String] = [
        "E0101": "invalid bytes cannot be written in a Swift string example",
        "E0152": "the example abbreviates 101 levels of nesting",
        "E0406": "needs --strict",
        "E0408": "needs tags required (a pipeline option)",
        "E0410": "needs the user's request (a pipeline option)",
        "E0502": "the checker reports the cycle first (E0206)",
        "E0503": "the example abbreviates 60 levels of references",
    ]

    /// Each `.seg` example gets its own code from `check`; its fix gets neither that code nor an error.
    func testSegExamplesProduceTheirCodeAndFixesDoNot() throws {
        let dir = NSTemporaryDirectory() + "segmint-explain-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var ran = 0
        for e in DiagnosticRegistry.all where e.example.hasPrefix("segment ") && Self.notRunnable[e.code] == nil {
            let codes = try check(e.example, in: dir)
            XCTAssertTrue(codes.contains { $0.code == e.code }, "\(e.code) example gives \(codes.map(\.code))")
            ran += 1
            guard e.fix.hasPrefix("segment ") else { continue }
            let fixed = try check(e.fix, in: dir)
            XCTAssertFalse(fixed.contains { $0.code == e.code || $0.severity == "error" }, "\(e.code) fix gives \(fixed.map(\.code))")
        }
        XCTAssertGreaterThan(ran, 40)
    }

    private func check(_ text: String, in dir: String) throws -> [(code: String, severity: String)] {
        let path = dir + "/example.seg"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let out = runCheck(paths: [path], catalogPath: Self.catalog, strict: false, format: "json")
        let items = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [[String: Any]] ?? []
        return items.map { ($0["code"] as? String ?? "", $0["severity"] as? String ?? "") }
    }

    func testNearCodesSuggestCloseRegisteredCodes() {
        XCTAssertEqual(DiagnosticRegistry.near("W0201").first, "E0201")
        XCTAssertTrue(DiagnosticRegistry.near("E0311").contains("E0301"))
        XCTAssertEqual(DiagnosticRegistry.near("hello"), [])
        XCTAssertEqual(DiagnosticRegistry.entry("e0301")?.code, "E0301")
    }
}


/// notes/diagnostics.md holds the table of every code, generated from the registry.
final class DiagnosticNotesTests: XCTestCase {
    func testNotesTableIsTheRegistryTable() throws {
        let path = DiagnosticRegistryTests.repo + "/notes/diagnostics.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let begin = "<!-- BEGIN generated table -->\n", end = "<!-- END generated table -->"
        guard let b = text.range(of: begin), let e = text.range(of: end), b.upperBound <= e.lowerBound else {
            return XCTFail("notes/diagnostics.md lacks the generated-table markers")
        }
        let table = DiagnosticRegistry.markdownTable()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try AtomicFile.write(String(text[..<b.upperBound]) + table + String(text[e.lowerBound...]), to: path)
            return
        }
        XCTAssertEqual(String(text[b.upperBound..<e.lowerBound]), table, "UPDATE_GOLDEN=1 regenerates the table")
    }
}
