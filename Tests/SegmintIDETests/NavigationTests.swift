import XCTest
import SegmintCore
import SegmintIDE

final class NavigationTests: XCTestCase {
    let other = "# big accounts\nsegment big { include { seats >= 100 } }\nsegment both { include { in segment big } }\n"

    func testDefinitionOfASegmentInAnotherFile() throws {
        let f = try IDEFixture(files: ["b.seg": other])
        let at = f.open("a.seg", "segment a { include { in segment bi$0g } }")
        XCTAssertEqual(f.host.definition(f.uri("a.seg"), at: at), [FileRange(uri: f.uri("b.seg"), start: 23, end: 26)])
    }

    func testDefinitionOfFacetEventAndFieldInTheCatalog() throws {
        let f = try IDEFixture()
        let catalog = SourceFile(id: 0, path: "", text: IDEFixture.catalog)
        func line(_ r: FileRange?) -> String? {
            guard let r else { return nil }
            return catalog.location(of: r.start).line.description + ":" + catalog.text(of: Span(file: 0, start: r.start, end: r.end))
        }
        var at = f.open("a.seg", "segment a { include { reg$0ion = \"north\" } }")
        XCTAssertEqual(line(f.host.definition(f.uri("a.seg"), at: at).first), "11:region")
        at = f.open("a.seg", "segment a { include { p$0lan = \"pro\" } }")
        XCTAssertEqual(line(f.host.definition(f.uri("a.seg"), at: at).first), "6:plan")
        at = f.open("a.seg", "segment a { include { has log$0in where device = \"web\" } }")
        XCTAssertEqual(line(f.host.definition(f.uri("a.seg"), at: at).first), "17:login")
        at = f.open("a.seg", "segment a { include { has login where dev$0ice = \"web\" } }")
        XCTAssertEqual(line(f.host.definition(f.uri("a.seg"), at: at).first), "23:device")
        XCTAssertEqual(f.host.definition(f.uri("a.seg"), at: at).first?.uri, f.uri("catalog.yaml"))
    }

    func testReferencesAcrossFiles() throws {
        let f = try IDEFixture(files: ["b.seg": other])
        let at = f.open("a.seg", "segment a { include { in segment big$0 } }")
        let refs = f.host.references(f.uri("a.seg"), at: at, includeDeclaration: true)
        XCTAssertEqual(Set(refs), [FileRange(uri: f.uri("a.seg"), start: 33, end: 36), FileRange(uri: f.uri("b.seg"), start: 23, end: 26),
                                   FileRange(uri: f.uri("b.seg"), start: 92, end: 95)])
        XCTAssertEqual(f.host.references(f.uri("a.seg"), at: at, includeDeclaration: false).count, 2)
    }

    func testRenameAcrossFiles() throws {
        let f = try IDEFixture(files: ["b.seg": other])
        let at = f.open("a.seg", "segment a { include { in segment big$0 } }")
        let edits = try f.host.rename(f.uri("a.seg"), at: at, to: "large").get()
        XCTAssertEqual(f.applying(edits[f.uri("a.seg")] ?? [], to: "a.seg"), "segment a { include { in segment large } }")
        f.open("b.seg", other)
        XCTAssertEqual(f.applying(edits[f.uri("b.seg")] ?? [], to: "b.seg"),
                       "# big accounts\nsegment large { include { seats >= 100 } }\nsegment both { include { in segment large } }\n")
    }

    func testRenameRefusesBadNames() throws {
        let f = try IDEFixture(files: ["b.seg": other])
        let at = f.open("a.seg", "segment a$0 { }")
        XCTAssertEqual(f.host.rename(f.uri("a.seg"), at: at, to: "big").failureMessage, "a segment named \"big\" already exists")
        XCTAssertEqual(f.host.rename(f.uri("a.seg"), at: at, to: "include").failureMessage, "\"include\" is a reserved word")
        XCTAssertEqual(f.host.rename(f.uri("a.seg"), at: at, to: "9x").failureMessage,
                       "\"9x\" is not a name: use letters, digits and _, not starting with a digit")
        let facet = f.open("c.seg", "segment c { include { se$0ats > 1 } }")
        XCTAssertNil(f.host.prepareRename(f.uri("c.seg"), at: facet))
        XCTAssertEqual(f.host.rename(f.uri("c.seg"), at: facet, to: "x").failureMessage, "only segment names can be renamed")
    }

    func testDocumentSymbols() throws {
        let f = try IDEFixture()
        f.open("a.seg", "segment a \"Title\" {\n  description \"d\"\n  include { seats > 1 plan = \"pro\" }\n}\nsegment b { }\n")
        let symbols = f.host.symbols(f.uri("a.seg"))
        XCTAssertEqual(symbols.map(\.name), ["a", "b"])
        XCTAssertEqual(symbols.first?.detail, "Title")
        XCTAssertEqual(symbols.first?.children.map(\.name), ["description", "include"])
        XCTAssertEqual(symbols.first?.children.last?.detail, "2 conditions")
    }

    func testURIs() {
        XCTAssertEqual(DocumentURI.uri(ofPath: "/a b/ç.seg"), "file:///a%20b/%C3%A7.seg")
        XCTAssertEqual(DocumentURI.path(of: "file:///a%20b/%C3%A7.seg"), "/a b/ç.seg")
        XCTAssertEqual(DocumentURI.path(of: "file://localhost/x.seg"), "/x.seg")
        XCTAssertNil(DocumentURI.path(of: "untitled:1"))
        XCTAssertNil(DocumentURI.path(of: "file:///bad%zz"))
        XCTAssertEqual(DocumentURI.normalized("file:///a%3Ab.seg"), DocumentURI.normalized("file:///a:b.seg"))
    }
}

extension Result {
    var failureMessage: String? {
        if case .failure(let e) = self { return "\(e)" }
        return nil
    }
}
