import XCTest
@testable import SegmintDriver

/// Spec §3 (meaning), executed on SQLite with the rows of `Fixtures/conformance/saas.sql`.
/// Every expected set is derived by hand from those rows and the spec text (D = 2026-03-30
/// unless a test says otherwise), never from our own SQL.
final class ConformanceMeaningTests: ConformanceCase {
    // "No include block means every entity"; empty include is every entity too
    func testNoIncludeIsEveryEntity() throws {
        XCTAssertEqual(try keys("segment s { }"), allAccounts)
        XCTAssertEqual(try keys("segment s { include { } }"), allAccounts)
        XCTAssertEqual(try keys("segment s { exclude { } }"), allAccounts)
    }

    // "An empty all {} is true, an empty any {} is false"
    func testEmptyAllIsTrueEmptyAnyIsFalse() throws {
        XCTAssertEqual(try where_("all { }"), allAccounts)
        XCTAssertEqual(try where_("any { }"), [])
        XCTAssertEqual(try where_("not any { }"), allAccounts)
        XCTAssertEqual(try where_("not all { }"), [])
        XCTAssertEqual(try keys("segment s { exclude { any { } } }"), allAccounts)
        XCTAssertEqual(try keys("segment s { exclude { all { } } }"), [])
    }

    // include: every condition; exclude: any condition; all/any/not
    func testBooleanStructure() throws {
        XCTAssertEqual(try where_("region = \"EMEA\" plan = \"pro\""), ["a1"])
        XCTAssertEqual(try where_("any { region = \"APAC\" plan = \"free\" }"), ["a2", "a4"])
        XCTAssertEqual(try keys("segment s { include { region = \"EMEA\" } exclude { plan = \"pro\" plan = \"enterprise\" } }"), ["a5"])
        XCTAssertEqual(try where_("not not region = \"EMEA\""), ["a1", "a5"])
    }

    // Two-valued logic: a comparison with NULL is false; not/exclude negate that false
    func testTwoValuedLogic() throws {
        XCTAssertEqual(try where_("region != \"EMEA\""), ["a2", "a4", "a6"])
        XCTAssertEqual(try where_("not region = \"EMEA\""), ["a2", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("region not in [\"EMEA\"]"), ["a2", "a4", "a6"])
        XCTAssertEqual(try where_("not region in [\"EMEA\"]"), ["a2", "a3", "a4", "a6"])
        // exclude { in_trial = true } keeps a3, whose in_trial is missing
        XCTAssertEqual(try keys("segment s { exclude { in_trial = true } }"), ["a1", "a3", "a4", "a6"])
        XCTAssertEqual(try keys("segment s { exclude { in_trial != true } }"), ["a2", "a3", "a5"])
        XCTAssertEqual(try where_("in_trial = false"), ["a1", "a4", "a6"])
        XCTAssertEqual(try where_("not in_trial = false"), ["a2", "a3", "a5"])
        XCTAssertEqual(try where_("seats < 100"), ["a1", "a2", "a4", "a5", "a6"])
        XCTAssertEqual(try where_("not seats < 100"), ["a3"])
        XCTAssertEqual(try where_("not any { seats > 5 seats <= 5 }"), ["a3"])
        XCTAssertEqual(try where_("company_name contains \"\""), ["a1", "a2", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("not company_name contains \"acme\""), ["a3", "a5", "a6"])
        XCTAssertEqual(try where_("not seats between 5 and 20"), ["a2", "a3", "a4"])
    }

    // is missing / is not missing
    func testIsMissing() throws {
        XCTAssertEqual(try where_("region is missing"), ["a3"])
        XCTAssertEqual(try where_("region is not missing"), ["a1", "a2", "a4", "a5", "a6"])
        XCTAssertEqual(try where_("plan is missing"), ["a4"])
        XCTAssertEqual(try where_("health_score is missing"), ["a3", "a6"])
        XCTAssertEqual(try where_("last_seen_at is missing"), ["a3"])
        XCTAssertEqual(try where_("not company_name is missing"), ["a1", "a2", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("has invoice where status is missing"), ["a4"])
    }

    // between includes both ends
    func testBetweenInclusive() throws {
        XCTAssertEqual(try where_("seats between 5 and 20"), ["a1", "a5", "a6"])
        XCTAssertEqual(try where_("mrr between 12.5 and 99.99"), ["a4", "a5"])
        XCTAssertEqual(try where_("signup_day between 2025-06-30 and 2026-02-28"), ["a4", "a5"])
        XCTAssertEqual(try where_("seats between 20 and 5"), [])
    }

    // = / != / in compare exactly (case-sensitive)
    func testEqualityIsCaseSensitive() throws {
        XCTAssertEqual(try where_("company_name = \"ACME\""), ["a4"])
        XCTAssertEqual(try where_("lastname = \"smith\""), ["a4"])
        XCTAssertEqual(try where_("lastname in [\"Smith\"]"), ["a2"])
        XCTAssertEqual(try where_("lastname = \"O'Brien\""), ["a1"])
        XCTAssertEqual(try where_("lastname != \"smith\""), ["a1", "a2", "a5", "a6"])
    }

    // contains / starts_with: case-insensitive, every pattern character literal
    func testContainsAndStartsWithAreCaseInsensitiveAndLiteral() throws {
        XCTAssertEqual(try where_("company_name starts_with \"acme\""), ["a1", "a2", "a4"])
        XCTAssertEqual(try where_("company_name starts_with \"ACME \""), ["a1"])
        XCTAssertEqual(try where_("company_name contains \"%\""), ["a1"])
        XCTAssertEqual(try where_("company_name contains \"100%\""), ["a1"])
        XCTAssertEqual(try where_("company_name contains \"_\""), ["a2"])
        XCTAssertEqual(try where_("company_name contains \"e_l\""), ["a2"])
        XCTAssertEqual(try where_("company_name starts_with \"_\""), [])
        XCTAssertEqual(try where_("company_name starts_with \"%\""), [])
        XCTAssertEqual(try where_(#"company_name contains "\\""#), ["a3"])
        XCTAssertEqual(try where_(#"company_name contains "k\\s""#), ["a3"])
        XCTAssertEqual(try where_("lastname contains \"'\""), ["a1"])
        XCTAssertEqual(try where_("lastname starts_with \"o'b\""), ["a1"])
        // Enumerated facets accept any text for contains/starts_with (values rule is for = != in)
        XCTAssertEqual(try where_("region contains \"m\""), ["a1", "a2", "a5", "a6"])
        XCTAssertEqual(try where_("has login where user_email contains \"acme.COM\""), ["a1"])
    }

    // Ordered facets: catalog order
    func testOrderedFacets() throws {
        XCTAssertEqual(try where_("plan >= \"pro\""), ["a1", "a3", "a6"])
        XCTAssertEqual(try where_("plan < \"pro\""), ["a2", "a5"])
        XCTAssertEqual(try where_("plan > \"free\""), ["a1", "a3", "a5", "a6"])
        XCTAssertEqual(try where_("plan <= \"free\""), ["a2"])
        XCTAssertEqual(try where_("plan between \"starter\" and \"pro\""), ["a1", "a5", "a6"])
        XCTAssertEqual(try where_("not plan >= \"pro\""), ["a2", "a4", "a5"])
    }

    // Numbers, dates, timestamps order
    func testOrderedComparisonsOnNumbersAndDates() throws {
        XCTAssertEqual(try where_("mrr > 12.5"), ["a1", "a5", "a6"])
        XCTAssertEqual(try where_("mrr >= 12.50"), ["a1", "a4", "a5", "a6"])
        XCTAssertEqual(try where_("mrr = 0"), ["a2"])
        XCTAssertEqual(try where_("health_score > 0.5"), ["a1", "a5"])
        XCTAssertEqual(try where_("signup_day < 2025-01-15"), ["a3", "a6"])
        XCTAssertEqual(try where_("signup_day >= 2026-02-28"), ["a2", "a5"])
    }

    // A date literal against a timestamp is the start of that day
    func testDateLiteralAgainstTimestampIsStartOfDay() throws {
        XCTAssertEqual(try where_("last_seen_at = 2026-02-28"), ["a4"])
        XCTAssertEqual(try where_("last_seen_at >= 2026-03-31"), ["a2"])
        XCTAssertEqual(try where_("last_seen_at > 2026-03-30"), ["a1", "a2"])
        XCTAssertEqual(try where_("last_seen_at < 2026-02-28"), ["a5", "a6"])
        XCTAssertEqual(try where_("last_seen_at <= 2026-02-28"), ["a4", "a5", "a6"])
        XCTAssertEqual(try where_("last_seen_at between 2026-02-28 and 2026-03-30"), ["a4"])
        XCTAssertEqual(try where_("last_seen_at in [2026-02-28, 2025-07-01]"), ["a4", "a6"])
    }

    // in segment, across files; referenced segment keeps its own meaning
    func testInSegmentAcrossFiles() throws {
        let other = try file("other.seg", "segment emea { include { region = \"EMEA\" } }")
        XCTAssertEqual(try keys("segment s { include { in segment emea plan = \"pro\" } }", segment: "s", extraFiles: [other]), ["a1"])
        XCTAssertEqual(try keys("segment s { exclude { in segment emea } }", segment: "s", extraFiles: [other]), ["a2", "a3", "a4", "a6"])
        XCTAssertEqual(try keys("segment s { include { not in segment emea } }", segment: "s", extraFiles: [other]), ["a2", "a3", "a4", "a6"])
        XCTAssertEqual(try keys("segment emea2 { include { in segment emea } }", segment: "emea2", extraFiles: [other]), ["a1", "a5"])
    }

    // A cycle of references is an error (direct, indirect, self, across files)
    func testReferenceCyclesAreErrors() throws {
        try assertError("segment a { include { in segment a } }", "cycle")
        try assertError("segment a { include { in segment b } } segment b { exclude { any { in segment a } } }", "cycle")
        let b = try file("b.seg", "segment b { include { in segment a } }")
        let a = try file("a.seg", "segment a { include { not in segment b } }")
        let out = runCheck(paths: [a, b], catalogPath: Conformance.saas, strict: false, format: "human")
        XCTAssertEqual(out.exitCode, 1, out.stderr)
        XCTAssertTrue(out.stderr.contains("cycle"), out.stderr)
        try assertError("segment a { include { in segment nope } }", "nope")
    }

    // Event conditions: has = count >= 1; count includes zero-event entities
    func testEventCounts() throws {
        XCTAssertEqual(try where_("has invoice"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try where_("has invoice count >= 1"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try where_("has invoice count = 0"), ["a6"])
        XCTAssertEqual(try where_("has invoice count <= 1"), ["a2", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("has invoice count < 2"), ["a2", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("has invoice count != 1"), ["a1", "a5", "a6"])
        XCTAssertEqual(try where_("has invoice count between 0 and 1"), ["a2", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("not has invoice"), ["a6"])
        XCTAssertEqual(try where_("has login count = 0"), ["a6"])
        XCTAssertEqual(try where_("has invoice where status = \"paid\" count >= 2"), ["a1", "a5"])
        XCTAssertEqual(try where_("has invoice where status = \"paid\" count = 0"), ["a3", "a4", "a6"])
        XCTAssertEqual(try where_("not has invoice where status = \"paid\""), ["a3", "a4", "a6"])
        XCTAssertEqual(try where_("has invoice where status != \"paid\""), ["a1", "a3"])
        XCTAssertEqual(try where_("has invoice where status = \"paid\" and total >= 50"), ["a1"])
        XCTAssertEqual(try where_("not has invoice where status = \"paid\" count >= 2"), ["a2", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("has login where sso = true"), ["a1", "a3", "a5"])
        XCTAssertEqual(try where_("has login where sso != true"), ["a1", "a4"])
    }

    // sum/avg/min/max: missing with no events or only NULL fields; NULL fields skipped
    func testAggregatesSkipNull() throws {
        // sums: a1 170 (NULL skipped), a2 10, a3 200, a4 missing, a5 60, a6 missing
        XCTAssertEqual(try where_("has invoice sum(total) < 100"), ["a2", "a5"])
        XCTAssertEqual(try where_("not has invoice sum(total) < 100"), ["a1", "a3", "a4", "a6"])
        XCTAssertEqual(try where_("has invoice sum(total) >= 0"), ["a1", "a2", "a3", "a5"])
        // avg skips NULL: a1 = 170 / 3 (not / 4 = 42.5)
        XCTAssertEqual(try where_("has invoice avg(total) >= 50"), ["a1", "a3"])
        XCTAssertEqual(try where_("has invoice min(total) > 15"), ["a1", "a3", "a5"])
        XCTAssertEqual(try where_("has invoice max(line_items) between 2 and 5"), ["a1", "a3"])
        XCTAssertEqual(try where_("has invoice max(total) = 200"), ["a3"])
        // count_distinct: 0 with no events and with only NULL values
        XCTAssertEqual(try where_("has invoice count_distinct(total) = 0"), ["a4", "a6"])
        XCTAssertEqual(try where_("has invoice count_distinct(total) = 1"), ["a2", "a3", "a5"])
        XCTAssertEqual(try where_("has invoice count_distinct(status) >= 2"), ["a1"])
        XCTAssertEqual(try where_("has invoice count_distinct(status) < 1"), ["a4", "a6"])
        XCTAssertEqual(try where_("has login count_distinct(user_email) = 0"), ["a2", "a6"])
        // where + aggregate + window together (D = 2026-03-30: last 1 years = 2025-03-31 .. 2026-03-30)
        XCTAssertEqual(try where_("has invoice where status = \"paid\" during last 1 years sum(total) >= 60"), ["a1", "a5"])
    }

    // Windows on a date-typed event time (invoice.issued_on), D = 2026-03-30
    func testRelativeWindowsOnDateEvents() throws {
        XCTAssertEqual(try where_("has invoice during last 1 day"), ["a1"])
        XCTAssertEqual(try where_("has invoice during last 30 days"), ["a1", "a5"])
        XCTAssertEqual(try where_("has invoice during last 31 days"), ["a1", "a5"])
        XCTAssertEqual(try where_("has invoice during last 32 days"), ["a1", "a3", "a5"])
        XCTAssertEqual(try where_("has invoice during last 1 week"), ["a1"])
        XCTAssertEqual(try where_("has invoice during last 5 weeks"), ["a1", "a3", "a5"])
        // D + 1 day = 03-31; minus 1 month clamps to 02-28: 02-28 in, 02-27 out
        XCTAssertEqual(try where_("has invoice during last 1 month count >= 2"), ["a1", "a5"])
        XCTAssertEqual(try where_("has invoice during last 1 months"), ["a1", "a5"])
        XCTAssertEqual(try where_("has invoice during last 1 year"), ["a1", "a3", "a4", "a5"])
        XCTAssertEqual(try where_("has invoice during last 1 year count >= 3"), ["a1"])
        XCTAssertEqual(try where_("has invoice during last 1 year count = 4"), ["a1"])
        XCTAssertEqual(try where_("has invoice during last 2 years count = 4"), ["a1"])
        // an event on D + 1 is never in a `last` window
        XCTAssertEqual(try where_("has invoice during last 10 years count = 1"), ["a3", "a4"])
        XCTAssertEqual(try where_("has invoice during last 10 years count = 0"), ["a2", "a6"])
    }

    // Windows on a timestamp event time (login.LoggedAt), boundaries at 00:00:00 and 23:59:59
    func testRelativeWindowsOnTimestampEvents() throws {
        XCTAssertEqual(try where_("has login during last 1 day"), ["a1"])
        XCTAssertEqual(try where_("has login during last 1 month"), ["a1"])
        XCTAssertEqual(try where_("has login during last 1 month count = 2"), ["a1"])
        XCTAssertEqual(try where_("has login during last 5 weeks"), ["a1", "a3"])
        XCTAssertEqual(try where_("has login during last 3 months"), ["a1", "a3", "a4", "a5"])
        XCTAssertEqual(try where_("has login during last 1 year"), ["a1", "a3", "a4", "a5"])
    }

    // since (not capped at D), before, X to Y inclusive
    func testAbsoluteWindows() throws {
        XCTAssertEqual(try where_("has invoice since 2026-03-31"), ["a2"])
        XCTAssertEqual(try where_("has login since 2026-03-31"), ["a2"])
        XCTAssertEqual(try where_("has login since 2026-03-30"), ["a1", "a2"])
        XCTAssertEqual(try where_("has invoice before 2026-02-28"), ["a1", "a3", "a4"])
        XCTAssertEqual(try where_("has login before 2026-02-28"), ["a3", "a4", "a5"])
        XCTAssertEqual(try where_("has login during 2026-02-27 to 2026-02-28"), ["a1", "a3"])
        XCTAssertEqual(try where_("has login during 2026-03-30 to 2026-03-30"), ["a1"])
        XCTAssertEqual(try where_("has login during 2025-12-31 to 2025-12-31"), ["a4"])
        XCTAssertEqual(try where_("has invoice during 2026-02-28 to 2026-03-01"), ["a1", "a5"])
        XCTAssertEqual(try where_("has invoice during 2026-03-01 to 2026-02-28"), [])
    }

    // fiscal_year / fiscal_quarter: start_month 7, named_by start (FY2025 = 2025-07-01 .. 2026-06-30)
    func testFiscalWindowsNamedByStart() throws {
        XCTAssertEqual(try where_("has invoice during fiscal_year 2025"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try where_("has invoice during fiscal_year 2024"), ["a1"])
        XCTAssertEqual(try where_("has invoice during fiscal_year 2024 count = 1"), ["a1"])
        XCTAssertEqual(try where_("has invoice during fiscal_year 2026"), [])
        XCTAssertEqual(try where_("has invoice during fiscal_quarter 2025 Q1"), ["a1"])
        XCTAssertEqual(try where_("has invoice during fiscal_quarter 2025 Q3"), ["a1", "a2", "a3", "a4", "a5"])
        XCTAssertEqual(try where_("has invoice during fiscal_quarter 2025 Q4"), [])
        XCTAssertEqual(try where_("has login during fiscal_quarter 2025 Q2"), ["a4"])
        XCTAssertEqual(try where_("has login during fiscal_quarter 2025 Q3"), ["a1", "a2", "a3", "a5"])
        XCTAssertEqual(try where_("signup_day during fiscal_year 2024"), ["a1", "a3", "a4"])
        XCTAssertEqual(try where_("last_seen_at during fiscal_quarter 2025 Q1"), ["a6"])
    }

    // Windows on date and timestamp facets directly
    func testWindowsOnFacets() throws {
        XCTAssertEqual(try where_("signup_day during last 1 month"), ["a2", "a5"])
        XCTAssertEqual(try where_("signup_day during last 31 days"), ["a2", "a5"])
        XCTAssertEqual(try where_("signup_day during last 30 days"), ["a2"])
        XCTAssertEqual(try where_("signup_day since 2026-02-28"), ["a2", "a5"])
        XCTAssertEqual(try where_("signup_day before 2024-07-01"), ["a6"])
        XCTAssertEqual(try where_("last_seen_at during last 1 day"), ["a1"])
        XCTAssertEqual(try where_("last_seen_at during last 1 month"), ["a1", "a4"])
        XCTAssertEqual(try where_("not last_seen_at during last 1 month"), ["a2", "a3", "a5", "a6"])
        XCTAssertEqual(try where_("last_seen_at during 2026-02-27 to 2026-02-28"), ["a4", "a5"])
    }

    // as-of precedence: pinned as_of > --as-of > current date
    func testAsOfPrecedence() throws {
        let relative = "segment s { include { has invoice during last 30 days } }"
        XCTAssertEqual(try keys(relative, asOf: "2026-03-30"), ["a1", "a5"])
        XCTAssertEqual(try keys(relative, asOf: "2025-07-30"), ["a1"])
        XCTAssertEqual(try keys(relative, asOf: "2026-04-29"), ["a2"])
        let pinned = "segment s { as_of 2026-03-30 include { has invoice during last 30 days } }"
        XCTAssertEqual(try keys(pinned, asOf: "2025-07-30"), ["a1", "a5"])
        // No as-of at all: the database's current date (today is long after every fixture row).
        let today = Date()
        if today > ISO8601DateFormatter().date(from: "2026-05-01T00:00:00Z") ?? today {
            XCTAssertEqual(try keys(relative), [])
            XCTAssertEqual(try keys("segment s { include { has invoice during last 100 years } }"), ["a1", "a3", "a4", "a5", "a2"])
        }
    }

    // A segment never takes its as-of from a segment that references it
    func testReferencedSegmentKeepsItsOwnAsOf() throws {
        let text = """
        segment recent { include { has invoice during last 30 days } }
        segment outer { as_of 2026-03-30 include { in segment recent } }
        segment pinned_inner { as_of 2025-07-30 include { has invoice during last 30 days } }
        segment outer2 { as_of 2026-03-30 include { in segment pinned_inner } }
        """
        // recent takes --as-of (2025-07-30 → a1), not outer's 2026-03-30 (→ a1, a5)
        XCTAssertEqual(try keys(text, segment: "outer", asOf: "2025-07-30"), ["a1"])
        XCTAssertEqual(try keys(text, segment: "outer2", asOf: "2026-03-30"), ["a1"])
        XCTAssertEqual(try keys(text, segment: "outer2"), ["a1"])
    }
}

/// The cross-database case table on SQLite (the same table runs on DuckDB and PostgreSQL).
final class ConformanceCaseTableTests: ConformanceCase {
    func testCaseTableOnSQLite() throws {
        for (body, expected) in Conformance.crossDatabaseCases {
            XCTAssertEqual(try where_(body), expected, body)
        }
    }
}
