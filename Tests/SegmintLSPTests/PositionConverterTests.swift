import XCTest
import SegmintCore
@testable import SegmintLSP

final class PositionConverterTests: XCTestCase {
    func testUTF16CountsSurrogatePairsAsTwo() {
        // "😀" is 4 bytes, 2 UTF-16 units; "é" is 2 bytes, 1 unit.
        let s = SourceFile(id: 0, path: "", text: "a😀é b\nx")
        let c = PositionConverter(source: s, encoding: .utf16)
        XCTAssertEqual(c.offset(line: 0, character: 3), 5)    // after the emoji
        XCTAssertEqual(c.offset(line: 0, character: 4), 7)    // after é
        XCTAssertEqual(c.position(of: 7).character, 4)
        XCTAssertEqual(c.offset(line: 0, character: 2), 5)    // inside the pair: rounds forward
        let u8 = PositionConverter(source: s, encoding: .utf8)
        XCTAssertEqual(u8.offset(line: 0, character: 7), 7)
        XCTAssertEqual(u8.position(of: 7).character, 7)
    }

    func testLineEndingsAndClamping() {
        let s = SourceFile(id: 0, path: "", text: "ab\r\ncd\ref\n")
        let c = PositionConverter(source: s, encoding: .utf16)
        XCTAssertEqual(c.offset(line: 1, character: 0), 4)
        XCTAssertEqual(c.offset(line: 2, character: 1), 8)    // a lone CR ends a line
        XCTAssertEqual(c.offset(line: 0, character: 99), 2)   // clamps before CRLF
        XCTAssertEqual(c.offset(line: 99, character: 0), s.bytes.count)
        XCTAssertEqual(c.offset(line: -1, character: 0), 0)
        XCTAssertEqual(c.position(of: 3).line, 0)             // between CR and LF: still line 0
        XCTAssertEqual(c.position(of: 3).character, 2)
        XCTAssertEqual(c.length(from: 0, to: 6), 2)           // a span across lines stops at the line end
    }

    func testInvalidUTF8CountsOneUnitPerByte() {
        let s = SourceFile(id: 0, path: "", bytes: [0x61, 0xFF, 0xC3, 0x62])
        let c = PositionConverter(source: s, encoding: .utf16)
        XCTAssertEqual(c.position(of: 4).character, 4)
        XCTAssertEqual(c.offset(line: 0, character: 2), 2)
    }
}

final class SnippetTextTests: XCTestCase {
    func testPlainTextOfSnippets() {
        XCTAssertEqual(SnippetText.plain("last ${1:30} ${2|days,weeks,months,years|}"), "last 30 days")
        XCTAssertEqual(SnippetText.plain("include {\n  $0\n}"), "include {\n  \n}")
        XCTAssertEqual(SnippetText.plain("[${1|\"a\\,b\",\"c\"|}$0]"), "[\"a,b\"]")
        XCTAssertEqual(SnippetText.plain("segment ${1:name} \"${2:title}\" {"), "segment name \"title\" {")
        XCTAssertEqual(SnippetText.plain("a \\$1 ${"), "a $1 ")
    }
}
