import XCTest
@testable import SegmintDriver

/// Spec §4 (catalog rules) and §5 (checking and grounding) through `runCheck`.
final class ConformanceCheckTests: ConformanceCase {
    // §5 names exist, with did-you-mean and file:line:column, source line and caret
    func testUnknownNamesWithDidYouMean() throws {
        let out = try check("segment s {\n  include {\n    seatz > 3\n  }\n}\n")
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stderr.contains("input.seg:3:5: error"), out.stderr)
        XCTAssertTrue(out.stderr.contains("seatz > 3"), out.stderr)
        XCTAssertTrue(out.stderr.contains("^"), out.stderr)
        XCTAssertTrue(out.stderr.contains("did you mean \"seats\""), out.stderr)
        try assertError(include("has invoic"), "invoice")
        try assertError(include("has invoice where totl > 1"), "total")
        try assertError(include("region = \"EMAE\""), "EMEA")
    }

    // §5 reports every problem in one pass
    func testEveryProblemInOnePass() throws {
        let out = try check(include("seatz > 3 plan = \"gold\" has nope region < \"EMEA\""))
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stderr.contains("4 errors"), out.stderr)
    }

    // §5 operators fit the type
    func testOperatorsFitTheType() throws {
        try assertError(include("region < \"EMEA\""))          // string, not ordered
        try assertError(include("company_name > \"a\""))
        try assertError(include("in_trial > false"))
        try assertError(include("seats contains \"1\""))
        try assertError(include("signup_day starts_with \"2025\""))
        try assertError(include("in_trial between false and true"))
        try assertValid(include("signup_day > 2025-01-01 seats <= 3 plan >= \"pro\""))
    }

    // §5 literal types fit (an int literal may stand for a decimal)
    func testLiteralTypesFit() throws {
        try assertError(include("seats = \"3\""))
        try assertError(include("in_trial = 1"))
        try assertError(include("signup_day = \"2025-01-01\""))
        try assertError(include("company_name = 3"))
        try assertError(include("mrr = true"))
        try assertError(include("last_seen_at = 3"))
        try assertValid(include("mrr = 3 health_score < 1"))
        try assertValid(include("last_seen_at >= 2026-01-01"))
    }

    // §4/§5 enumerated values reject any other literal (in lists and between too); fields too
    func testEnumeratedValues() throws {
        try assertError(include("region = \"emea\""))
        try assertError(include("region in [\"EMEA\", \"LATAM\"]"), "LATAM")
        try assertError(include("plan between \"free\" and \"gold\""), "gold")
        try assertError(include("has invoice where status = \"Paid\""), "paid")
        try assertValid(include("region contains \"latam\""))
    }

    // §5 windows apply to events and to date or timestamp facets only
    func testWindowsOnlyOnEventsAndTemporalFacets() throws {
        try assertError(include("seats during last 3 days"))
        try assertError(include("company_name since 2025-01-01"))
        try assertError(include("has invoice where total during last 3 days"))
        try assertValid(include("signup_day during last 3 days last_seen_at before 2026-01-01"))
    }

    // §5 aggregates name numeric fields (count_distinct any field)
    func testAggregatesNeedNumericFields() throws {
        try assertError(include("has invoice sum(status) > 1"))
        try assertError(include("has invoice avg(status) > 1"))
        try assertError(include("has login max(sso) > 1"))
        try assertError(include("has invoice sum(nope) > 1"))
        try assertError(include("has invoice sum(seats) > 1"))   // a facet, not a field of invoice
        try assertValid(include("has login count_distinct(user_email) > 1 has login count_distinct(sso) = 0"))
        try assertError(include("has invoice count > 1.5"))
    }

    // §5 a condition that can never hold is a warning (exit 0)
    func testNeverHoldIsAWarning() throws {
        let out = try check(include("seats > 60 seats < 30"))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stderr.contains("warning"), out.stderr)
    }

    // §5 grounding: RETRIEVED facet must be the condition's own and exist
    func testRetrievedNames() throws {
        try assertValid(include("seats > 3 [RETRIEVED: seats]"))
        try assertError(include("seats > 3 [RETRIEVED: mrr]"))
        try assertError(include("seats > 3 [RETRIEVED: nope]"))
        try assertValid(include("has invoice where status = \"paid\" sum(total) > 1 [RETRIEVED: invoice] [RETRIEVED: status] [RETRIEVED: invoice.total]"))
        try assertError(include("has invoice where status = \"paid\" [RETRIEVED: line_items]"))
        try assertError(include("has invoice [RETRIEVED: login]"))
    }

    // §5 RETRIEVED value must be one of the condition's facet/field values
    func testRetrievedValues() throws {
        try assertValid(include("region = \"EMEA\" [RETRIEVED: \"EMEA\"]"))
        try assertError(include("region = \"EMEA\" [RETRIEVED: \"APAC\"]"))
        try assertError(include("company_name = \"Acme\" [RETRIEVED: \"Acme\"]"))
        try assertValid(include("has invoice where status = \"void\" [RETRIEVED: \"void\"]"))
    }

    // §5 INFERRED facet/value is an error; INFERRED number/date is an assumption, --strict error
    func testInferred() throws {
        try assertError(include("seats > 3 [INFERRED: seats]"))
        try assertError(include("region = \"EMEA\" [INFERRED: \"EMEA\"]"))
        let p = try file("a.seg", include("seats > 3 [INFERRED: 3 from \"a few\"] signup_day > 2025-01-01 [INFERRED: 2025-01-01]"))
        let relaxed = runCheck(paths: [p], catalogPath: Conformance.saas, strict: false, format: "human")
        XCTAssertEqual(relaxed.exitCode, 0, relaxed.stderr)
        let strict = runCheck(paths: [p], catalogPath: Conformance.saas, strict: true, format: "human")
        XCTAssertEqual(strict.exitCode, 1, strict.stderr)
    }

    // §5 hand-written files need no tags
    func testHandWrittenFilesNeedNoTags() throws {
        try assertValid(include("region = \"EMEA\" has invoice where status = \"paid\""))
    }

    // §4 a wrong catalog is reported with file, line and key, never a crash
    func testBrokenCatalogs() throws {
        let base = "name: c\nversion: 1\nentity: {name: x, table: xs, key: id}\n"
        let cases: [(String, String)] = [
            (base + "facets:\n  - {name: a, type: int}\n  - {name: a, type: string}\n", "a"),
            (base + "facets:\n  - {name: a, type: integer}\n", "integer"),
            (base + "facets:\n  - {name: a, type: string, ordered: true}\n", "ordered"),
            (base + "fiscal_year: {start_month: 13}\nfacets: []\n", "start_month"),
            (base + "fiscal_year: {start_month: 0}\nfacets: []\n", "start_month"),
            (base + "fiscal_year: {start_month: 7, named_by: middle}\nfacets: []\n", "named_by"),
            (base + "facets:\n  - {name: e, type: int}\nevents:\n  - {name: e, table: t, key: id, time: ts, fields: []}\n", "e"),
            (base + "facets:\n  - {name: a, type: string, values: [x, x]}\n", "x"),
            ("name: c\nversion: 1\nfacets: []\n", "entity"),
            ("facets: [\n", ""),
            ("\u{FEFF}name: [unclosed", ""),
            ("- just\n- a list\n", ""),
            ("", ""),
        ]
        for (yaml, fragment) in cases {
            let cat = try file("cat.yaml", yaml)
            let out = runCheck(paths: [try file("a.seg", "segment s { }")], catalogPath: cat, strict: false, format: "human")
            XCTAssertEqual(out.exitCode, 1, "accepted:\n\(yaml)\n\(out.stderr)")
            XCTAssertTrue(out.stderr.contains("cat.yaml:"), "no file:line for:\n\(yaml)\n\(out.stderr)")
            if !fragment.isEmpty { XCTAssertTrue(out.stderr.contains(fragment), "\(yaml)\n\(out.stderr)") }
        }
    }

    // The SaaS catalog itself loads cleanly (no warnings), and so does the minimal one
    func testShippedSecondCatalogLoadsCleanly() throws {
        for cat in [Conformance.saas, Conformance.minimal] {
            let out = runCheck(paths: [try file("a.seg", "segment s { }")], catalogPath: cat, strict: true, format: "human")
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            XCTAssertEqual(out.stderr, "", out.stderr)
        }
    }
}

/// Windows that leave the calendar: `check` must report them at the window, as `compile` would.
final class ConformanceWindowRangeTests: ConformanceCase {
    func testWindowsOutsideTheCalendarAreCheckErrorsAtTheWindow() throws {
        let text = "segment s {\n  as_of 2026-01-01\n  include {\n    has invoice during last 100000 years\n  }\n}\n"
        let out = try check(text)
        XCTAssertEqual(out.exitCode, 1, out.stderr)
        XCTAssertTrue(out.stderr.contains("input.seg:4:"), out.stderr)
        try assertError(include("has invoice during last 9223372036854775807 days"))
        try assertError(include("has login during last 9223372036854775807 weeks"))
        try assertError(include("has login during last 9223372036854775807 years"))
        try assertError(include("signup_day during 2026-01-01 to 9999-12-31"))
        try assertError(include("has invoice during last 1 day", asOf: "9999-12-31"))
        try assertValid(include("has invoice during last 2000 years"))
        try assertValid(include("signup_day during 2026-01-01 to 9999-12-30"))
    }
}
