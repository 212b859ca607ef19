import XCTest
import SegmintIDE

/// Each help line that names one edit becomes a quick fix; applying it gives the text shown.
final class QuickFixTests: XCTestCase {
    func fixed(_ text: String, code: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let f = try IDEFixture()
        f.open("a.seg", text)
        let diagnostics = f.host.diagnostics(f.uri("a.seg"))
        let d = try XCTUnwrap(diagnostics.first { $0.code == code }, "\(diagnostics.map(\.code))", file: file, line: line)
        let fix = try XCTUnwrap(d.fixes.first, "no fix for: \(d.help ?? "-")", file: file, line: line)
        // The same fix is offered as a code action for the diagnostic's range.
        let actions = f.host.codeActions(f.uri("a.seg"), start: d.start, end: d.end)
        XCTAssertTrue(actions.contains { $0.fix == fix }, file: file, line: line)
        return f.applying(fix.edits, to: "a.seg")
    }

    func testEnumeratedValueDidYouMeanKeepsQuotes() throws {
        XCTAssertEqual(try fixed("segment a { include { region = \"nort\" } }", code: "E0304"),
                       "segment a { include { region = \"north\" } }")
    }

    func testUnknownEventAndField() throws {
        XCTAssertEqual(try fixed("segment a { include { has logn } }", code: "E0202"), "segment a { include { has login } }")
        XCTAssertEqual(try fixed("segment a { include { has login where devce = \"web\" } }", code: "E0203"),
                       "segment a { include { has login where device = \"web\" } }")
    }

    func testUnknownSegment() throws {
        XCTAssertEqual(try fixed("segment big { }\nsegment a { include { in segment bog } }", code: "E0204"),
                       "segment big { }\nsegment a { include { in segment big } }")
    }

    func testSwapBetweenBounds() throws {
        XCTAssertEqual(try fixed("segment a { include { seats between 9 and 1 } }", code: "W0302"),
                       "segment a { include { seats between 1 and 9 } }")
    }

    func testSwapWindowDates() throws {
        XCTAssertEqual(try fixed("segment a { include { signup_date during 2026-02-01 to 2026-01-01 } }", code: "W0302"),
                       "segment a { include { signup_date during 2026-01-01 to 2026-02-01 } }")
    }

    func testQuarterInCapitals() throws {
        XCTAssertEqual(try fixed("segment a { include { has login during fiscal_quarter 2026 q2 } }", code: "E0156"),
                       "segment a { include { has login during fiscal_quarter 2026 Q2 } }")
    }

    func testTextInQuotes() throws {
        XCTAssertEqual(try fixed("segment a { include { region = north } }", code: "E0151"),
                       "segment a { include { region = \"north\" } }")
    }

    func testFacetWithMember() throws {
        XCTAssertEqual(try fixed("segment a { include { seats.x > 1 } }", code: "E0208"), "segment a { include { seats > 1 } }")
    }

    func testWrongQualifierInsideHas() throws {
        XCTAssertEqual(try fixed("segment a { include { has login where invoice.device = \"web\" } }", code: "E0208"),
                       "segment a { include { has login where device = \"web\" } }")
    }

    func testInferredNameBecomesRetrieved() throws {
        XCTAssertEqual(try fixed("segment a { include { seats > 1 [INFERRED: seats from \"big\"] } }", code: "E0404"),
                       "segment a { include { seats > 1 [RETRIEVED: seats from \"big\"] } }")
    }

    func testCloseString() throws {
        XCTAssertEqual(try fixed("segment a { include { region = \"north\n} }", code: "E0104"),
                       "segment a { include { region = \"north\"\n} }")
    }

    func testFacetWithoutHas() throws {
        XCTAssertEqual(try fixed("segment a { include { has seats } }", code: "E0202"), "segment a { include { seats } }")
    }
}
