import XCTest
import SegmintCore
import SegmintIDE
import SegmintDriver

final class DiagnosticsTests: XCTestCase {
    /// The editor reports what `segmint check --format json` reports: same codes, same places.
    func testSameAsCheckCommand() throws {
        let text = """
        segment a "A" {
          include {
            plann = "pro"
            region = "nort"
            seats > 2.5
            plan >= "gold"
            has login where device = "web" during last 0 days
            in segment nowhere
          }
        }
        segment b { include { seats > 10  seats < 5 } }
        """
        let f = try IDEFixture(files: ["a.seg": text])
        f.open("a.seg", text)
        let editor = f.host.diagnostics(f.uri("a.seg")).map { "\($0.code)@\($0.start)" }
        let check = runCheck(paths: [f.dir + "/a.seg"], catalogPath: f.dir + "/catalog.yaml", strict: false, format: "json")
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [[String: Any]])
        let source = SourceFile(id: 0, path: "", text: text)
        let expected = json.map { d -> String in
            let line = d["line"] as? Int ?? 0, column = d["column"] as? Int ?? 0
            let offset = source.lineStarts[line - 1] + column - 1
            return "\(d["code"] as? String ?? "")@\(offset)"
        }
        XCTAssertEqual(editor, expected)
        XCTAssertTrue(editor.count >= 6, "\(editor)")
    }

    func testUnknownFacetHasDidYouMeanFix() throws {
        let f = try IDEFixture()
        f.open("a.seg", "segment a { include { regon = \"north\" } }\n")
        let d = try XCTUnwrap(f.host.diagnostics(f.uri("a.seg")).first)
        XCTAssertEqual(d.code, "E0201")
        XCTAssertEqual(d.help, "did you mean \"region\"?")
        XCTAssertEqual(f.applying(try XCTUnwrap(d.fixes.first).edits, to: "a.seg"), "segment a { include { region = \"north\" } }\n")
    }

    func testSegmentsOfOtherWorkspaceFilesResolve() throws {
        let f = try IDEFixture(files: ["b.seg": "segment big { include { seats >= 100 } }\n"])
        f.open("a.seg", "segment a { include { in segment big } }\n")
        XCTAssertEqual(f.host.diagnostics(f.uri("a.seg")).map(\.code), [])
        f.open("c.seg", "segment c { include { in segment bog } }\n")
        let d = f.host.diagnostics(f.uri("c.seg"))
        XCTAssertEqual(d.map(\.code), ["E0204"])
        XCTAssertEqual(d.first?.help, "did you mean \"big\"?")
    }

    func testDuplicateDeclarationPointsAtTheFirst() throws {
        let f = try IDEFixture()
        f.open("a.seg", "segment a { }\nsegment a { }\n")
        let d = try XCTUnwrap(f.host.diagnostics(f.uri("a.seg")).first { $0.code == "E0205" })
        XCTAssertEqual(d.related.first?.message, "first declared here")
        XCTAssertEqual(d.related.first?.location, FileRange(uri: f.uri("a.seg"), start: 8, end: 9))
    }

    func testNoCatalogIsOneWarningAndSyntaxStillChecked() throws {
        let f = try IDEFixture(catalog: nil, project: false)
        f.open("a.seg", "segment a { include { x = } }\n")
        XCTAssertEqual(f.host.diagnostics(f.uri("a.seg")).map(\.code), ["W1302", "E0151"])
    }

    func testMissingAndBrokenCatalogs() throws {
        let f = try IDEFixture(catalog: nil)
        f.open("a.seg", "segment a { }\n")
        XCTAssertEqual(f.host.diagnostics(f.uri("a.seg")).map(\.code), ["E1301"])
        try f.write("catalog.yaml", "name: x\nversion: 1\nentity: {name: a}\nfacets: [\n")
        f.host.fileChanged(uri: f.uri("catalog.yaml"))
        XCTAssertEqual(f.host.diagnostics(f.uri("a.seg")).map(\.code), ["E1303"])
        XCTAssertFalse(f.host.catalogDiagnostics().isEmpty)
    }

    func testEditingTheOpenCatalogReloadsIt() throws {
        let f = try IDEFixture()
        f.open("a.seg", "segment a { include { tier = \"x\" } }\n")
        XCTAssertEqual(f.host.diagnostics(f.uri("a.seg")).map(\.code), ["E0201"])
        let changed = f.host.update(uri: f.uri("catalog.yaml"), text: IDEFixture.catalog.replacingOccurrences(of: "facets:\n", with: "facets:\n  - {name: tier, type: string}\n"), version: 1)
        XCTAssertTrue(changed)
        XCTAssertEqual(f.host.diagnostics(f.uri("a.seg")).map(\.code), [])
    }

    func testCatalogFromSettingOverridesProjectFile() throws {
        let f = try IDEFixture()
        try f.write("other.yaml", "name: o\nversion: 1\nentity: {name: a, table: t, key: k}\nfacets:\n  - {name: color, type: string}\n")
        f.host.setSettings(IDESettings(catalog: "other.yaml"))
        f.open("a.seg", "segment a { include { color = \"red\" } }\n")
        XCTAssertEqual(f.host.diagnostics(f.uri("a.seg")).map(\.code), [])
    }

    func testBinaryAndHugeDocuments() throws {
        let f = try IDEFixture()
        f.host.update(uri: f.uri("bin.seg"), bytes: [0x73, 0x00, 0x01], version: 1)
        XCTAssertEqual(f.host.diagnostics(f.uri("bin.seg")).map(\.code), ["E0902"])
        f.host.update(uri: f.uri("bad.seg"), bytes: [0x73, 0xFF, 0x20], version: 1)
        XCTAssertEqual(f.host.diagnostics(f.uri("bad.seg")).map(\.code), ["E0903"])
        let big = [UInt8](repeating: 0x20, count: Document.maxAnalysedBytes + 1)
        f.host.update(uri: f.uri("big.seg"), bytes: big, version: 1)
        XCTAssertEqual(f.host.diagnostics(f.uri("big.seg")).map(\.code), ["E1305"])
        XCTAssertEqual(f.host.completions(f.uri("big.seg"), at: 5), [])
        XCTAssertThrowsError(try f.host.format(f.uri("big.seg")).get())
    }

    func testStaticWarningsOfUnchangedSegmentsMoveWithTheirText() throws {
        let f = try IDEFixture()
        let tail = "segment e { include { seats >= 5 } exclude { seats >= 1 } }\n"
        f.open("a.seg", "segment a { }\n" + tail)
        let before = f.host.diagnostics(f.uri("a.seg")).filter { $0.code.hasPrefix("W07") }
        XCTAssertFalse(before.isEmpty)
        f.open("a.seg", "segment a { include { seats > 1 } }\n" + tail)
        let after = f.host.diagnostics(f.uri("a.seg")).filter { $0.code.hasPrefix("W07") }
        // A fresh host (no reuse) reports the same warnings at the same places.
        let g = try IDEFixture()
        g.open("a.seg", "segment a { include { seats > 1 } }\n" + tail)
        let fresh = g.host.diagnostics(g.uri("a.seg")).filter { $0.code.hasPrefix("W07") }
        XCTAssertEqual(after.map { "\($0.code)@\($0.start)-\($0.end) \($0.message)" }, fresh.map { "\($0.code)@\($0.start)-\($0.end) \($0.message)" })
        XCTAssertEqual(after.first.map { $0.start - before[0].start }, 22)
    }

    func testStaticWarningsAsInCheck() throws {
        let f = try IDEFixture()
        f.open("a.seg", "segment a { include { seats >= 5 } exclude { seats >= 1 } }\n")
        XCTAssertTrue(f.host.diagnostics(f.uri("a.seg")).contains { $0.code.hasPrefix("W07") })
    }
}
