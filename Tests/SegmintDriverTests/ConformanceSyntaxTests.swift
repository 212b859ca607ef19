import XCTest
import SegmintCore
@testable import SegmintDriver

/// Spec §1 (a file) and §2 (grammar and literals), checked through `runCheck` against the
/// SaaS catalog: every stated rule has a test here.
final class ConformanceSyntaxTests: ConformanceCase {
    // §1 "an empty file is valid"
    func testEmptyFileAndCommentOnlyFileAreValid() throws {
        try assertValid("")
        try assertValid("# only a comment\n   \n# another")
        try assertValid("", catalog: Conformance.minimal)
    }

    // §1 "Newlines are not significant"
    func testNewlinesAreNotSignificant() throws {
        try assertValid("segment s { include { plan = \"pro\" seats > 3 } }")
        try assertValid("segment\ns\n{\ninclude\n{\nplan\n=\n\"pro\"\n}\n}")
    }

    // §1 "# starts a comment that runs to the end of the line"
    func testCommentRunsToEndOfLineButNotInsideStrings() throws {
        try assertValid("segment s { # { unbalanced in a comment\n include { plan = \"pro\" } } # trailing")
        XCTAssertEqual(try where_("company_name contains \"#\""), [])
    }

    // §1 keywords are reserved: no segment may be named by one
    func testKeywordsCannotNameASegment() throws {
        for kw in ["segment", "include", "count", "from", "days", "true", "missing", "fiscal_year", "to", "week"] {
            let out = try check("segment \(kw) { }")
            XCTAssertEqual(out.exitCode, 1, "segment named \(kw) accepted:\n\(out.stderr)")
        }
    }

    // §1 keywords are lower case: upper-case spellings are ordinary names
    func testKeywordsAreLowerCaseOnly() throws {
        try assertValid("segment Count { }\nsegment SEGMENT { }")
    }

    // §1 keywords rejected as names in catalogs too
    func testKeywordsCannotNameCatalogFacetsFieldsOrEvents() throws {
        for (what, yaml) in [
            ("facet", "facets:\n  - {name: count, type: int}\n"),
            ("facet", "facets:\n  - {name: from, type: string}\n"),
            ("event", "facets: []\nevents:\n  - {name: in, table: t, key: id, time: ts, fields: []}\n"),
            ("field", "facets: []\nevents:\n  - {name: e, table: t, key: id, time: ts, fields: [{name: days, type: int}]}\n"),
        ] {
            let cat = try file("cat.yaml", "name: c\nversion: 1\nentity: {name: x, table: xs, key: id}\n" + yaml)
            let out = runCheck(paths: [try file("a.seg", "")], catalogPath: cat, strict: false, format: "human")
            XCTAssertEqual(out.exitCode, 1, "\(what): \(yaml)\n\(out.stderr)")
            XCTAssertTrue(out.stderr.contains("reserved"), out.stderr)
            XCTAssertTrue(out.stderr.contains("cat.yaml:"), "catalog errors name the file: \(out.stderr)")
        }
    }

    // Names close to keywords are fine (saas.yaml: counts, lastname, from_source, in_trial)
    func testNamesCloseToKeywordsAreOrdinary() throws {
        try assertValid(include("counts >= 1 lastname = \"x\" from_source = \"inbound\" in_trial = false"))
        try assertValid("segment counts { } segment in_segment { } segment hasty { } segment days_ago { }")
    }

    // §1 at most one description, as_of, include, exclude
    func testAtMostOneOfEachItem() throws {
        try assertError("segment s { description \"a\" description \"b\" }", "description")
        try assertError("segment s { as_of 2026-01-01 as_of 2026-01-02 }", "as_of")
        try assertError("segment s { include { } include { } }", "include")
        try assertError("segment s { exclude { } exclude { } }", "exclude")
        try assertValid("segment s \"Title\" { description \"a\" as_of 2026-01-01 include { } exclude { } }")
    }

    // §1 segment names unique across one compilation (several files)
    func testSegmentNamesUniqueAcrossFiles() throws {
        try assertError("segment s { } segment s { }", "s")
        let a = try file("a.seg", "segment dup { }")
        let b = try file("b.seg", "segment dup { }")
        let out = runCheck(paths: [a, b], catalogPath: Conformance.saas, strict: false, format: "human")
        XCTAssertEqual(out.exitCode, 1, out.stderr)
        XCTAssertTrue(out.stderr.contains("dup"), out.stderr)
        let c = try file("c.seg", "segment other { }")
        XCTAssertEqual(runCheck(paths: [a, c], catalogPath: Conformance.saas, strict: false, format: "human").exitCode, 0)
    }

    // §2 string escapes \" \\ \n \t \u{1F600}
    func testStringEscapesAreDecoded() throws {
        try assertValid(include(#"company_name = "q\"b\\s\n\t\u{1F600}""#))
        // \\ decodes to one backslash: it matches the row 'Back\slash Ltd'.
        XCTAssertEqual(try where_(#"company_name = "Back\\slash Ltd""#), ["a3"])
        XCTAssertEqual(try where_(#"lastname = "Nguy\u{1EC5}n""#), ["a5"])
    }

    // §2 raw newline or unknown escape inside a string is an error
    func testRawNewlineAndUnknownEscapesAreErrors() throws {
        try assertError(include("company_name = \"a\nb\""))
        try assertError(include(#"company_name = "a\qb""#))
        try assertError(include(#"company_name = "a\u{110000}""#))
        try assertError(include(#"company_name = "a\u{}""#))
        try assertError(include(#"company_name = "unterminated"#))
    }

    // §2 integers and decimals, optionally negative
    func testNumberLiterals() throws {
        try assertValid(include("counts > -3"))
        try assertValid(include("mrr >= 12.50"))
        try assertValid(include("mrr > -0.5"))
        XCTAssertEqual(try where_("counts > -1"), ["a1", "a2", "a4", "a5", "a6"])
    }

    // §2 a decimal literal for an int facet is an error; an int literal may stand for a decimal (§5)
    func testDecimalLiteralForIntFacetIsAnError() throws {
        try assertError(include("seats > 2.5"), "seats")
        try assertError(include("seats between 1 and 2.0"))
        try assertError(include("seats in [1, 2.5]"))
        try assertError(include("has invoice sum(line_items) > 1.5"))
        try assertError(include("has invoice max(line_items) between 1 and 2.5"))
        try assertError(include("has invoice where line_items > 1.5"))
        try assertValid(include("has invoice avg(line_items) > 1.5"))
        try assertValid(include("mrr > 100"))
        try assertValid(include("has invoice sum(total) > 100"))
    }

    // §2 dates YYYY-MM-DD, validated
    func testDatesAreValidated() throws {
        try assertError(include("signup_day = 2025-02-30"))
        try assertError(include("signup_day = 2025-13-01"))
        try assertError(include("signup_day = 2023-02-29"))
        try assertError("segment s { as_of 2026-02-30 }")
        try assertValid(include("signup_day = 2024-02-29"))
    }

    // §2 last N needs N >= 1
    func testLastZeroIsAnError() throws {
        try assertError(include("has login during last 0 days"))
        try assertError(include("signup_day during last 0 months"))
        try assertValid(include("has login during last 1 day"))
    }

    // §2 fiscal quarters are Q1..Q4
    func testFiscalQuartersQ1ToQ4() throws {
        for q in ["Q1", "Q2", "Q3", "Q4"] { try assertValid(include("has invoice during fiscal_quarter 2025 \(q)")) }
        try assertError(include("has invoice during fiscal_quarter 2025 Q5"))
        try assertError(include("has invoice during fiscal_quarter 2025 Q0"))
        try assertError(include("has invoice during fiscal_quarter 2025 q1"))
    }

    // §2 every unit spelling
    func testAllUnits() throws {
        for u in ["day", "days", "week", "weeks", "month", "months", "year", "years"] {
            try assertValid(include("has login during last 2 \(u)"))
        }
        try assertError(include("has login during last 2 fortnights"))
    }

    // §2 `[` after a complete condition followed by RETRIEVED/INFERRED is a tag; otherwise a list
    func testBracketTagVersusList() throws {
        // A list right after `in`, then a tag.
        try assertValid(include("region in [\"EMEA\"] [RETRIEVED: region]"))
        // A condition followed by a tag, then a new condition: not a list.
        try assertValid(include("plan = \"pro\" [RETRIEVED: plan] region in [\"EMEA\", \"APAC\",]"))
        // A list holding the word-like string "RETRIEVED" is still a list.
        try assertError(include("region in [\"RETRIEVED\"]"), "RETRIEVED")
        // Empty list and trailing comma parse.
        try assertValid(include("region in []"))
        XCTAssertEqual(try where_("region in []"), [])
        XCTAssertEqual(try where_("region in [\"EMEA\",] [RETRIEVED: region] [RETRIEVED: \"EMEA\"]"), ["a1", "a5"])
    }

    // §2 grammar shapes: has with where/window/aggregate in order, nested blocks, not
    func testGrammarShapes() throws {
        try assertValid("""
        segment full "All shapes" {
          description "every production"
          as_of 2026-03-30
          include {
            all { any { not plan = "free" region is not missing } }
            has invoice where status = "paid" and total > 0 during last 2 years count between 1 and 5
            has login since 2026-01-01
            has login before 2026-01-01 count = 0
            has invoice during 2025-01-01 to 2025-12-31 count_distinct(status) >= 1
            has invoice during fiscal_year 2025 max(total) > 0
            signup_day since 2020-01-01
            last_seen_at before 2027-01-01
            region not in ["APAC"]
            company_name starts_with "A"
            lastname is missing
          }
          exclude { in segment other }
        }
        segment other { }
        """)
        try assertError(include("has invoice count"))
        try assertError(include("has invoice where"))
        try assertError(include("plan ="))
        try assertError("segment s { include { plan = \"pro\" }")
        try assertError("segment { }")
    }

    // §4 the minimal catalog: entity + one facet, no events, no fiscal_year
    func testMinimalCatalog() throws {
        try assertValid("segment s { include { color = \"red\" } }", catalog: Conformance.minimal)
        try assertValid("segment s { }", catalog: Conformance.minimal)
        try assertError("segment s { include { has purchase } }", "purchase", catalog: Conformance.minimal)
        let p = try file("m.seg", "segment s { include { color contains \"e\" } }")
        let out = runCompile(paths: [p], catalogPath: Conformance.minimal, segment: nil, dialect: "postgres", asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("\"things\""), out.stdout)
        XCTAssertTrue(out.stdout.contains("-- catalog: minimal@1"), out.stdout)
    }
}
