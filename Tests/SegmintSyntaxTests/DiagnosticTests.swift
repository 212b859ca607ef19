import XCTest
import SegmintCore
@testable import SegmintSyntax

/// Each diagnostic is asserted by message and by the line:column its marker (1️⃣ …) marks.
final class DiagnosticTests: XCTestCase {
    func testMissingValueNamesWhatWasExpected() {
        assertDiagnostics("segment s { include { state = 1️⃣} }",
                          [("1️⃣", "expected a value (string, number, date, true or false), found \"}\"")])
    }

    func testBareWordValueGetsQuotingHelp() {
        let r = parse("segment s { include { state = CA } }")
        XCTAssertEqual(r.diagnostics.first?.help, "write text in double quotes: \"CA\"")
    }

    func testHintsForHabitsFromOtherLanguages() {
        let single = parse("segment s { include { state = 'CA' } }")
        // Each quote is reported; the parser adds nothing about the debris between them.
        XCTAssertEqual(single.diagnostics.map(\.message), ["unexpected character \"'\"", "unexpected character \"'\""])
        XCTAssertEqual(single.diagnostics.first?.help, "strings are written in double quotes: \"text\"")
        XCTAssertEqual(parse("segment s { include { a = 1 && b = 2 } }").diagnostics.first?.help,
                       "combine conditions with all { … } or any { … }")
        XCTAssertEqual(parse("segment s { include { a == 1 } }").diagnostics.first?.help, "equality is a single =")
        XCTAssertEqual(parse("// note\nsegment s {}").diagnostics.first?.help, "comments start with #")
    }

    func testRecoveryReportsEveryIndependentError() {
        assertDiagnostics("""
        segment s {
          include {
            state =
          1️⃣}
        }
        segment t {
          include {
            age 2️⃣30
            ok = 1
            has purchase count 3️⃣"x"
          }
          exclude { x in 4️⃣"CA" }
        }
        """, [
            ("1️⃣", "expected a value (string, number, date, true or false), found \"}\""),
            ("2️⃣", "expected an operator after \"age\" (=, !=, <, <=, >, >=, in, not in, between, contains, starts_with, is) or a window, found number 30"),
            ("3️⃣", "expected a comparison after count (=, !=, <, <=, >, >= or between), found string \"x\""),
            ("4️⃣", "expected a list like [\"a\", \"b\"], found string \"CA\""),
        ])
    }

    func testUnbalancedBraces() {
        // Missing close: each "{" left open is reported at itself (the block ran into the next
        // item, the segment into the next segment).
        assertDiagnostics("""
        segment a 1️⃣{
          include 2️⃣{
            x = 1
          exclude { y = 2 }
        segment b {}
        """, [
            ("1️⃣", "unclosed \"{\" of segment \"a\""),
            ("2️⃣", "unclosed \"{\" of include"),
        ])
        // An extra close brace at top level.
        assertDiagnostics("segment a {}\n1️⃣}\nsegment b {}", [("1️⃣", "expected \"segment\", found \"}\"")])
    }

    func testMissingFileEndBrace() {
        assertDiagnostics("segment a 1️⃣{ include { x = 1 }", [("1️⃣", "unclosed \"{\" of segment \"a\"")])
        assertDiagnostics("segment a 1️⃣{ include 2️⃣{ x = 1 ", [
            ("1️⃣", "unclosed \"{\" of segment \"a\""),
            ("2️⃣", "unclosed \"{\" of include"),
        ])
    }

    func testReservedWordAsName() {
        assertDiagnostics("segment 1️⃣count { include { 2️⃣sum = 1 } }", [
            ("1️⃣", "expected a segment name, found keyword \"count\""),
            ("2️⃣", "expected a condition or \"}\", found keyword \"sum\""),
        ])
        assertDiagnostics("segment s { include { has 1️⃣where } }", [("1️⃣", "expected an event name after has, found keyword \"where\"")])
    }

    func testDuplicateItemsAreErrorsWithANote() throws {
        let text = "segment s { description \"a\" include {} 1️⃣description \"b\" 2️⃣include {} as_of 2026-01-01 }"
        assertDiagnostics(text, [("1️⃣", "duplicate description in segment \"s\""), ("2️⃣", "duplicate include in segment \"s\"")])
        let r = parse(strippingMarkers(text).0)
        XCTAssertEqual(r.diagnostics.first?.notes.first?.message, "first description here")
        XCTAssertEqual(r.diagnostics.first?.notes.first?.span.start, 12)
    }

    func testLastZeroAndBadQuarter() {
        assertDiagnostics("segment s { include { d during last 1️⃣0 days e during last 2️⃣-1 week } }", [
            ("1️⃣", "last needs a number of at least 1, found 0"),
            ("2️⃣", "last needs a number of at least 1, found -1"),
        ])
        assertDiagnostics("segment s { include { d during fiscal_quarter 2025 1️⃣Q5 } }",
                          [("1️⃣", "expected a quarter (Q1, Q2, Q3 or Q4), found \"Q5\"")])
        assertDiagnostics("segment s { include { d during last 1️⃣1.5 days } }",
                          [("1️⃣", "expected a whole number after last, found number 1.5")])
        assertDiagnostics("segment s { include { d during last 3 1️⃣fortnights } }",
                          [("1️⃣", "expected a unit (days, weeks, months or years), found identifier \"fortnights\"")])
    }

    func testBrokenTagKeepsItsCondition() {
        let text = "segment s { include { state = \"CA\" [RETRIEVED 1️⃣state] age > 3 } }"
        assertDiagnostics(text, [("1️⃣", "expected \":\" after RETRIEVED, found identifier \"state\"")])
        XCTAssertEqual(parse(strippingMarkers(text).0).file.segments.first?.include?.conditions.count, 2)
    }

    func testBracketThatIsNotATag() {
        assertDiagnostics("segment s { include { state = \"CA\" 1️⃣[\"x\"] } }",
                          [("1️⃣", "expected a condition or \"}\", found \"[\"")])
    }

    func testConditionOutsideBlockGetsHelp() {
        let r = parse("segment s { state = \"CA\" }")
        XCTAssertEqual(r.diagnostics.map(\.message), ["expected description, as_of, include, exclude or \"}\", found identifier \"state\""])
        XCTAssertEqual(r.diagnostics.first?.help, "conditions go inside include { … } or exclude { … }")
    }

    func testNotWithoutCondition() {
        assertDiagnostics("segment s { include { not 1️⃣} }", [("1️⃣", "expected a condition after not, found \"}\"")])
        assertDiagnostics("segment s { include { x not 1️⃣= 1 } }", [("1️⃣", "expected \"in\" after not, found \"=\"")])
        assertDiagnostics("segment s { include { in 1️⃣vip } }", [("1️⃣", "expected \"segment\" after in, found identifier \"vip\"")])
    }

    func testDiagnosticsRenderWithCaret() {
        let sources = SourceMap()
        let file = sources.add(path: "a.seg", text: "segment s {\n  include { state = }\n}\n")
        let text = DiagnosticRenderer(sources: sources).human(Parser.parse(file).diagnostics)
        XCTAssertTrue(text.hasPrefix("a.seg:2:21: error[E0151]: expected a value"), text)
        XCTAssertTrue(text.contains("  include { state = }\n  |                     ^"), text)
    }
}
