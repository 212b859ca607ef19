import XCTest
import SegmintCore
@testable import SegmintSyntax

func format(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> String {
    let source = SourceFile(id: 0, path: "fmt.seg", text: text)
    let r = Parser.parse(source)
    XCTAssertEqual(r.diagnostics.map(\.message), [], file: file, line: line)
    return Formatter.format(r.file, source: source)
}

/// Asserts fmt(fmt(x)) == fmt(x) and parse(fmt(x)) == parse(x).
func assertFormatLaws(_ text: String, _ name: String = "input", file: StaticString = #filePath, line: UInt = #line) {
    let source = SourceFile(id: 0, path: name, text: text)
    let parsed = Parser.parse(source)
    guard !parsed.diagnostics.hasErrors else { return }
    let once = Formatter.format(parsed.file, source: source)
    let source2 = SourceFile(id: 0, path: name, text: once)
    let reparsed = Parser.parse(source2)
    XCTAssertEqual(reparsed.diagnostics.map(\.message), [], "\(name): formatted output does not parse:\n\(once)", file: file, line: line)
    XCTAssertEqual(reparsed.file, parsed.file, "\(name): formatting changed the meaning:\n\(once)", file: file, line: line)
    XCTAssertEqual(reparsed.file.comments.map { FormatWriter.trimmed($0.text) }, parsed.file.comments.map { FormatWriter.trimmed($0.text) },
                   "\(name): comments lost or reordered", file: file, line: line)
    let twice = Formatter.format(reparsed.file, source: source2)
    XCTAssertEqual(twice, once, "\(name): formatting is not idempotent", file: file, line: line)
}

final class FormatterTests: XCTestCase {
    func testSpecExampleLayout() {
        XCTAssertEqual(format(specExample), """
        # High-value West-coast outdoor buyers who have not bought recently
        segment lapsed_outdoor "Lapsed outdoor buyers" {
          description "Spent 500+ overall, 2+ outdoor orders in the last 2 years, none in 180 days"
          as_of 2026-03-01

          include {
            state in ["CA", "OR", "WA"]  [RETRIEVED: state]
            lifetime_spend >= 500        [RETRIEVED: lifetime_spend] [INFERRED: 500 from "high-value"]
            has purchase where category = "Outdoor" during last 2 years count >= 2
                                         [RETRIEVED: purchase.category] [RETRIEVED: "Outdoor"]
            any {
              loyalty_tier >= "gold"
              in segment newsletter_readers
            }
          }
          exclude {
            has purchase during last 180 days
            email_opt_out = true
          }
        }

        """)
    }

    func testMessyLayoutBecomesCanonical() {
        let messy = "segment   a\n\"T\"{include{x=1 y   in[\"a\",\"b\",]has purchase where amount>1 and channel=\"online\"during last 1 days count>=1} exclude{}}segment b{}"
        XCTAssertEqual(format(messy), """
        segment a "T" {
          include {
            x = 1
            y in ["a", "b"]
            has purchase where amount > 1 and channel = "online" during last 1 day count >= 1
          }
          exclude {}
        }

        segment b {}

        """)
    }

    func testUnitsAgreeWithTheNumber() {
        let out = format("segment s { include { a during last 1 days b during last 2 day c during last 1 weeks d during last 12 month e during last 1 years } }")
        XCTAssertTrue(out.contains("a during last 1 day\n"), out)
        XCTAssertTrue(out.contains("b during last 2 days\n"), out)
        XCTAssertTrue(out.contains("c during last 1 week\n"), out)
        XCTAssertTrue(out.contains("d during last 12 months\n"), out)
        XCTAssertTrue(out.contains("e during last 1 year\n"), out)
    }

    func testStringsAreReescapedCanonically() {
        let out = format("segment s \"tab\\u{9}quote\\\"\\u{1F600}\\u{7f}\" {}")
        XCTAssertEqual(out, "segment s \"tab\\tquote\\\"😀\\u{7F}\" {}\n")
    }

    func testCommentsStayWhereTheyWere() {
        let input = """
        # file header
        segment s { # trailing the header
          # before include
          include {
            x = 1 # after x
            # before y
            y = 2
            # last in block
          } # after include
          # end of segment
        }
        # end of file
        """
        XCTAssertEqual(format(input), """
        # file header
        segment s {  # trailing the header
          # before include
          include {
            x = 1  # after x
            # before y
            y = 2
            # last in block
          }  # after include
          # end of segment
        }
        # end of file

        """)
        assertFormatLaws(input)
    }

    func testCommentInsideAConditionMovesToItsLine() {
        let out = format("segment s { include {\n has purchase # the event\n   where amount > 3\n } }")
        XCTAssertEqual(out, "segment s {\n  include {\n    has purchase where amount > 3  # the event\n  }\n}\n")
    }

    func testTagsAlignPerBlockAndLongConditionsWrap() {
        let out = format("""
        segment s { include {
          a = 1 [RETRIEVED: a]
          bbbbbbbbbb = 2 [RETRIEVED: bbbbbbbbbb]
          c = 3
          not d is missing [RETRIEVED: d]
          all { e = 1 [RETRIEVED: e] } [INFERRED: 3]
          has purchase where category = "Outdoor" and channel = "online" during last 30 days [RETRIEVED: purchase]
        } }
        """)
        XCTAssertEqual(out, """
        segment s {
          include {
            a = 1             [RETRIEVED: a]
            bbbbbbbbbb = 2    [RETRIEVED: bbbbbbbbbb]
            c = 3
            not d is missing  [RETRIEVED: d]
            all {
              e = 1  [RETRIEVED: e]
            }  [INFERRED: 3]
            has purchase where category = "Outdoor" and channel = "online" during last 30 days
                              [RETRIEVED: purchase]
          }
        }

        """)
    }

    func testEveryConstructRoundTrips() {
        let text = """
        segment every "All of it" {
          description "d"
          as_of 2024-02-29
          include {
            a = "s" b != 1 c < -2.5 d <= 2024-01-01 e > true f >= false
            g in [] h not in [1, 2.0, 2024-01-01, "x", true]
            i between 1 and 2 j contains "%" k starts_with "_" l is missing m is not missing
            n during last 3 weeks o during 2024-01-01 to 2024-12-31 p during fiscal_year 2025
            q during fiscal_quarter 2025 Q4 r since 2020-01-01 s before 2020-01-01 t.u = 1
            has e1 has e2 where x = 1 has e3 since 2024-01-01 has e4 count = 0
            has e5 where x = 1 and y.z between 1 and 2 during last 1 month sum(v) > 1
            has e6 avg(v) between 1.5 and 2 has e7 min(v) != 1 has e8 max(v) < 1 has e9 count_distinct(v) >= 2
            any { } all { } not not all { any { x = 1 } } in segment other
            x = 1 [RETRIEVED: x] [RETRIEVED: "v" from "w"] [INFERRED: 2024-01-01] [INFERRED: 1.5 from "about"]
          }
          exclude { not in segment x }
        }
        segment other {}
        """
        assertFormatLaws(text)
        XCTAssertTrue(format(text).contains("    any {}\n    all {}\n    not not all {\n      any {\n        x = 1\n"))
    }

    func testFuzzFindingCarriageReturnsEndingAComment() {
        // fuzz/out/crash-3d5d82…: a comment ending in CRs and spaces was not idempotent.
        let text = "# jAheado rewride a er \r\r\r\r\r\r\r\r\r \r\r\r"
        XCTAssertEqual(format(text), "# jAheado rewride a er\n")
        assertFormatLaws(text)
        assertFormatLaws("segment s { # a \r \r\n include { x = 1 # b\r\r } }")
    }

    func testEmptyFileAndCommentOnlyFile() {
        XCTAssertEqual(format(""), "")
        XCTAssertEqual(format("   # just this   \n\n"), "# just this\n")
    }

    func testGeneratedInputsObeyTheLaws() {
        var gen = SegGenerator(seed: 0x5EC_0001)
        for i in 0..<300 {
            assertFormatLaws(gen.file(), "generated-\(i)")
        }
    }
}
