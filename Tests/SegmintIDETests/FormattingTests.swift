import XCTest
import SegmintCore
import SegmintSyntax
import SegmintIDE

final class FormattingTests: XCTestCase {
    func testEditsGiveTheFormatterOutput() throws {
        let f = try IDEFixture()
        let text = "# keep me\nsegment   a {include{seats>1   # why\nplan   = \"pro\"}}\n"
        f.open("a.seg", text)
        let edits = try f.host.format(f.uri("a.seg")).get()
        let source = SourceFile(id: 0, path: "a.seg", text: text)
        XCTAssertEqual(f.applying(edits, to: "a.seg"), Formatter.format(Parser.parse(source).file, source: source))
        XCTAssertEqual(edits.count, 1)
        XCTAssertEqual(edits.first?.start, 18)   // "# keep me\nsegment " is kept as it is
    }

    func testTidyFileNeedsNoEdit() throws {
        let f = try IDEFixture()
        f.open("a.seg", "segment a {\n  include {\n    seats > 1\n  }\n}\n")
        XCTAssertEqual(try f.host.format(f.uri("a.seg")).get(), [])
    }

    func testSyntaxErrorsAreNotFormatted() throws {
        let f = try IDEFixture()
        f.open("a.seg", "segment a { include { seats > } }")
        XCTAssertEqual(f.host.format(f.uri("a.seg")).failureMessage, "not formatted: the file has syntax errors")
    }

    func testEditsNeverSplitACharacter() throws {
        let f = try IDEFixture()
        // "é" and "è" share their first UTF-8 byte; the edit must not start between the two bytes.
        f.open("a.seg", "segment a \"é\"   {}\n")
        let edit = try XCTUnwrap(try f.host.format(f.uri("a.seg")).get().first)
        XCTAssertEqual(f.applying([edit], to: "a.seg"), "segment a \"é\" {}\n")
        f.open("b.seg", "segment a \"x\"{ description \"è\" }\n")
        let e2 = try f.host.format(f.uri("b.seg")).get()
        XCTAssertEqual(f.applying(e2, to: "b.seg"), "segment a \"x\" {\n  description \"è\"\n}\n")
    }
}

final class SemanticTokenTests: XCTestCase {
    func testNamesTakeTheTypeOfWhatTheyName() throws {
        let f = try IDEFixture()
        let text = "# c\nsegment a { include { seats > 1 has login where device = \"web\" during fiscal_quarter 2026 Q1 in segment a } }"
        f.open("a.seg", text)
        let source = SourceFile(id: 0, path: "", text: text)
        let tokens = f.host.semanticTokens(f.uri("a.seg")).map { "\(source.text(of: Span(file: 0, start: $0.start, end: $0.end))):\($0.type.name)\($0.modifiers != 0 ? "+" : "")" }
        XCTAssertEqual(tokens, ["# c:comment", "segment:keyword", "a:type+", "{:nil"].filter { !$0.hasSuffix(":nil") }
                       + ["include:keyword", "seats:property", ">:operator", "1:number", "has:keyword", "login:event", "where:keyword",
                          "device:property", "=:operator", "\"web\":string", "during:keyword", "fiscal_quarter:keyword", "2026:number",
                          "Q1:enumMember", "in:keyword", "segment:keyword", "a:type"])
    }
}
