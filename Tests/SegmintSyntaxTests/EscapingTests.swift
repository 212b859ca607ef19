import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SegmintCore

/// The one escaping helper per output language (JSON, XML/SVG, CSV, display text), each fed
/// hostile input and read back by a real reader where one exists.
final class EscapingTests: XCTestCase {
    /// Quotes, backslashes, every C0 control and NUL, DEL, C1, bidi overrides, zero-width,
    /// line separators, BOM, CRLF, `]]>`, markup, a quote with a combining mark, astral.
    static let hostile: [String] = [
        "plain", "", "a\"b", "back\\slash", "it's", "\u{0}nul", "tab\tnew\nline\r\ncrlf\rcr",
        String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init))),
        "del\u{7F} c1\u{85}\u{9B}", "rtl\u{202E}txt\u{2066}x\u{2069}", "zw\u{200B}\u{200D}", "ls\u{2028}ps\u{2029}", "\u{FEFF}bom",
        "]]>", "<script>&amp;</script>", "\"\u{301}quote-mark", "emoji 😀 é", "comma,separated", "\u{FFFE}\u{FFFF}",
    ]

    func testJSONStringsReadBackExactlyAndStayOnOneVisibleLine() throws {
        for s in Self.hostile {
            let text = JSON.string(s)
            XCTAssertFalse(text.unicodeScalars.contains { $0.value < 0x20 || VisibleText.isHidden($0) }, text)
            let back = try JSONSerialization.jsonObject(with: Data(("[" + text + "]").utf8)) as? [String]
            XCTAssertEqual(back, [s], text)
        }
        XCTAssertEqual(JSON.string("a\"\\\n\u{0}\u{202E}"), "\"a\\\"\\\\\\n\\u0000\\u202e\"")
    }

    func testXMLTextAndAttributesReadBack() throws {
        for s in Self.hostile {
            let e = XML.escape(s)
            XCTAssertFalse(e.contains("]]>") || e.contains("<") || e.contains("\"") || e.contains("'"), e)
            XCTAssertFalse(e.unicodeScalars.contains { $0.value < 0x20 || VisibleText.isHidden($0) }, e)
            let doc = "<r a=\"\(e)\" b='\(e)'>\(e)</r>"
            let reader = XMLReader()
            let parser = XMLParser(data: Data(doc.utf8))
            parser.delegate = reader
            XCTAssertTrue(parser.parse(), "\(doc): \(String(describing: parser.parserError))")
            // What XML 1.0 cannot hold is shown as U+FFFD; everything else is read back exactly.
            let expected = String(String.UnicodeScalarView(s.unicodeScalars.map {
                ($0.value < 0x20 && !["\t", "\n", "\r"].contains($0)) || $0.value == 0xFFFE || $0.value == 0xFFFF ? "\u{FFFD}" : $0
            }))
            XCTAssertEqual(reader.attributes["a"], expected, doc)
            XCTAssertEqual(reader.attributes["b"], expected, doc)
            XCTAssertEqual(reader.text, expected, doc)
        }
        XCTAssertEqual(XML.escape("a<&>\"'\r\n\u{1}\u{202E}"), "a&lt;&amp;&gt;&quot;&apos;&#xD;&#xA;\u{FFFD}&#x202E;")
    }

    func testCSVRecordsReadBack() {
        var file = ""
        var expected: [[String]] = []
        for s in Self.hostile {
            file += CSV.record([s, "x"]) + CSV.record([s])
            expected += [[s, "x"], [s]]
        }
        XCTAssertEqual(RFC4180.parse(file), expected)
        XCTAssertEqual(CSV.record([""]), "\"\"\n", "a one-field record of an empty field is not a blank line")
        XCTAssertEqual(CSV.record(["", "a"]), ",a\n")
        XCTAssertEqual(CSV.field("a\"b,c"), "\"a\"\"b,c\"")
        XCTAssertEqual(CSV.field("\r\n"), "\"\r\n\"", "CRLF is one Character but two scalars; still quoted")
        XCTAssertEqual(CSV.field("007"), "007")
    }

    func testVisibleTextShowsWhatItHolds() {
        XCTAssertEqual(VisibleText.escape("a\nb\r\t\u{1B}[31m\u{202E}c"), "a\\nb\\r\\t\\u{1B}[31m\\u{202E}c")
        XCTAssertEqual(VisibleText.escape("plain é 😀"), "plain é 😀")
        for s in Self.hostile {
            XCTAssertFalse(VisibleText.escape(s).unicodeScalars.contains { $0.value < 0x20 || VisibleText.isHidden($0) }, s)
        }
    }
}

/// Collects the root element's attributes and text.
private final class XMLReader: NSObject, XMLParserDelegate {
    var attributes: [String: String] = [:]
    var text = ""
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        attributes = attributeDict
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}

/// A strict RFC 4180 reader (LF or CRLF record ends; quoted fields may hold anything).
enum RFC4180 {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        let u = Array(text.unicodeScalars)
        var i = 0, quoted = false, wasQuoted = false
        while i < u.count {
            let c = u[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < u.count, u[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"", field.isEmpty, !wasQuoted {
                quoted = true; wasQuoted = true
            } else if c == "," {
                record.append(field); field = ""; wasQuoted = false
            } else if c == "\n" || (c == "\r" && i + 1 < u.count && u[i + 1] == "\n") {
                if c == "\r" { i += 1 }
                record.append(field); records.append(record); record = []; field = ""; wasQuoted = false
            } else {
                field.unicodeScalars.append(c)
            }
            i += 1
        }
        return records
    }
}
