import XCTest
import SegmintCore
import SegmintSyntax
@testable import SegmintEval

final class EvalCanonicalTests: XCTestCase {
    func key(_ body: String) throws -> String {
        let sources = SourceMap()
        let parsed = Parser.parse(sources.add(path: "t.seg", text: "segment s {\n" + body + "\n}\n"))
        XCTAssertEqual(parsed.diagnostics.filter { $0.severity == .error }.count, 0, "\(parsed.diagnostics)")
        return EvalCanonical.key(try XCTUnwrap(parsed.file.segments.first))
    }

    func testCommutativePartsAndSpellingDoNotMatter() throws {
        XCTAssertEqual(
            try key("include { state in [\"WA\", \"OR\"] lifetime_spend >= 500.00 }"),
            try key("include { lifetime_spend >= 500 [RETRIEVED: lifetime_spend] state in [\"OR\", \"WA\", \"OR\"] }"))
        XCTAssertEqual(
            try key("include { has purchase where channel = \"app\" and category = \"Toys\" during last 3 months count >= 2 }"),
            try key("include { has purchase where category = \"Toys\" and channel = \"app\" during last 3 months count >= 2.0 }"))
        XCTAssertEqual(try key("include { any { age > 3 has_app = true } }"), try key("include { any { has_app = true age > 3 } }"))
        XCTAssertEqual(try key("description \"x\" as_of 2026-01-01 include { age > 3 }"), try key("include { age > 3 }"))
        XCTAssertEqual(try key("include { } exclude { }"), try key(""), "empty blocks mean every customer, like none")
        XCTAssertEqual(try key("include { any { all { b = 1 a = 2 } c = 3 } c = 3 }"),
                       try key("include { c = 3 any { c = 3.0 all { a = 2 b = 1 a = 2 } } }"), "nested parts sorted, duplicates dropped")
        XCTAssertEqual(try key("include { any { all { b = 1 a = 2 } c = 3 } }"), "include { any { all { a = 2 b = 1 } c = 3 } }",
                       "printed by the formatter")
        XCTAssertEqual(try key("include { signup_date during last 1 month }"), try key("include { signup_date during last 1 months }"))
    }

    func testDifferentMeaningOrConstructDiffers() throws {
        XCTAssertNotEqual(try key("include { age > 3 }"), try key("include { age >= 3 }"))
        XCTAssertNotEqual(try key("include { state = \"CA\" }"), try key("exclude { state = \"CA\" }"))
        XCTAssertNotEqual(try key("include { state not in [\"CA\"] }"), try key("include { not state in [\"CA\"] }"))
        XCTAssertNotEqual(try key("include { any { age > 3 has_app = true } }"), try key("include { all { age > 3 has_app = true } }"))
        XCTAssertNotEqual(try key("include { has purchase during fiscal_quarter 2026 Q1 }"),
                          try key("include { has purchase during 2025-02-01 to 2025-04-30 }"))
        XCTAssertNotEqual(try key("include { city = \"salem\" }"), try key("include { city = \"Salem\" }"), "string equality is case-sensitive")
    }

    func testNumberSpelling() {
        XCTAssertEqual(EvalCanonical.number("12.50"), "12.5")
        XCTAssertEqual(EvalCanonical.number("3.0"), "3")
        XCTAssertEqual(EvalCanonical.number("-0.0"), "0")
        XCTAssertEqual(EvalCanonical.number("100"), "100", "trailing zeros of an integer are significant")
        XCTAssertEqual(EvalCanonical.number("0.30"), "0.3")
    }
}
