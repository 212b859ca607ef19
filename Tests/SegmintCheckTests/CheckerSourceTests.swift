import XCTest
import SegmintCore
import SegmintSyntax
import SegmintCatalog
@testable import SegmintCheck

/// The checker over real `.seg` text (parsed by `Parser`), asserting `line:column code message`.
final class CheckerSourceTests: XCTestCase {
    /// Parses `files` (which must be free of syntax errors) and checks them together.
    private func run(_ files: [String], strict: Bool = false, requireTags: Bool = false) -> (CheckResult, [String]) {
        let sources = SourceMap()
        var parsed: [SegFile] = []
        for (i, text) in files.enumerated() {
            let file = sources.add(path: "f\(i).seg", text: text)
            let r = Parser.parse(file)
            XCTAssertEqual(r.diagnostics, [], "syntax errors in test input")
            parsed.append(r.file)
        }
        let result = Checker.check(files: parsed, catalog: testCatalog, options: CheckOptions(strict: strict, requireTags: requireTags))
        let lines = result.diagnostics.map { d -> String in
            guard let span = d.span, let f = sources[span.file] else { return "?: \(d.code) \(d.message)" }
            let loc = f.location(of: span.start)
            return "\(f.path):\(loc.line):\(loc.column) \(d.code) \(d.message)"
        }
        return (result, lines)
    }

    func testPositionsOfNameErrors() {
        let (_, d) = run(["""
        segment s {
          include {
            lifetime_spent >= 500
            has purchase where categroy = "Outdoor"
            in segment nope
          }
        }
        """])
        XCTAssertEqual(d, [
            "f0.seg:3:5 E0201 unknown facet \"lifetime_spent\"",
            "f0.seg:4:24 E0203 event \"purchase\" has no field \"categroy\"",
            "f0.seg:5:16 E0204 unknown segment \"nope\"",
        ])
    }

    func testEnumeratedValuePointsAtTheLiteral() {
        let (r, d) = run(["segment s { include { has purchase where category = \"Outdor\" } }"])
        XCTAssertEqual(d, ["f0.seg:1:53 E0304 \"Outdor\" is not a value of purchase.category"])
        XCTAssertEqual(r.diagnostics.first?.help, "did you mean \"Outdoor\"?")
    }

    func testReferencesAcrossFilesAndDuplicateNote() {
        let (r, d) = run(["segment a { include { in segment b } }\n", "segment b { }\nsegment a { }\n"])
        XCTAssertEqual(d, ["f1.seg:2:9 E0205 segment \"a\" is declared twice"])
        XCTAssertEqual(r.diagnostics.first?.notes.first?.span.file, 0)
    }

    func testCyclePathAcrossFiles() {
        let (_, d) = run(["segment a { include { in segment b } }\n", "segment b { include { in segment a } }\n"])
        XCTAssertEqual(d, ["f1.seg:1:34 E0206 segment reference cycle: a -> b -> a"])
    }

    func testGroundingOnParsedTags() throws {
        let text = """
        segment g {
          include {
            lifetime_spend >= 500   [RETRIEVED: lifetime_spend] [INFERRED: 500 from "high-value"]
            state = "CA"            [RETRIEVED: age]
          }
        }
        """
        let (r, d) = run([text])
        XCTAssertEqual(d, ["f0.seg:4:41 E0401 [RETRIEVED: age] does not name this condition's facet"])
        XCTAssertNil(r.program)
        let (ok, none) = run([text.replacingOccurrences(of: "[RETRIEVED: age]", with: "[RETRIEVED: state] [RETRIEVED: \"CA\"]")])
        XCTAssertEqual(none, [])
        XCTAssertEqual(ok.program?.segments.first?.assumptions.first?.value, "500")
        let (_, strict) = run([text.replacingOccurrences(of: "[RETRIEVED: age]", with: "")], strict: true)
        XCTAssertEqual(strict, ["f0.seg:3:57 E0406 500 for lifetime_spend is an assumption (INFERRED), not allowed with --strict"])
    }

    func testNeverHoldOnParsedText() {
        let (_, d) = run(["segment s { include { age > 60\n age < 30 } }"])
        XCTAssertEqual(d, ["f0.seg:2:2 W0301 conditions on age can never hold together",
                           "f0.seg:1:9 W0304 segment \"s\" can never match"])
    }

    /// W0304 on the segment only when its include certainly holds for nobody.
    func testSegmentNeverMatchesOnlyWhenCertain() {
        func matchWarnings(_ include: String) -> [String] {
            run(["segment s {\n include {\n" + include + "\n }\n}"]).1.filter { $0.contains("W0304") }
        }
        let never = ["f0.seg:1:9 W0304 segment \"s\" can never match"]
        XCTAssertEqual(matchWarnings("country is missing\nage > 1"), never, "top level")
        XCTAssertEqual(matchWarnings("any {\n age between 9 and 1\n state in []\n}"), never, "every branch of an any")
        XCTAssertEqual(matchWarnings("all {\n age > 60\n age < 30\n}"), never, "a nested all")
        XCTAssertEqual(matchWarnings("has purchase where category = \"Outdoor\" and category = \"Grocery\""), never, "plain has")
        XCTAssertEqual(matchWarnings("has purchase during 2025-05-01 to 2025-01-01"), never, "has in an empty window")
        XCTAssertEqual(matchWarnings("has purchase count between 5 and 1"), never, "an empty count range")
        XCTAssertEqual(matchWarnings("any {\n age between 9 and 1\n age > 60\n}"), [], "one branch can hold")
        XCTAssertEqual(matchWarnings("not age between 9 and 1"), [], "under not")
        XCTAssertEqual(matchWarnings("has purchase where category = \"Outdoor\" and category = \"Grocery\" count < 2"), [],
                       "zero matching events pass count < 2")
        XCTAssertEqual(matchWarnings("country is not missing"), [], "always holds is not never holds")
        XCTAssertEqual(run(["segment s {\n include { age > 1 }\n exclude { country is missing }\n}"]).1.filter { $0.contains("W0304") }, [],
                       "an exclude that removes nobody")
    }

    func testRequireTagsOnParsedText() {
        let (_, d) = run(["segment s { include { state = \"CA\" [RETRIEVED: state] } }"], requireTags: true)
        XCTAssertEqual(d, ["f0.seg:1:31 E0408 value \"CA\" of state has no grounding tag"])
    }
}
