import XCTest
import SegmintCore
import SegmintIDE

final class HoverTests: XCTestCase {
    func hover(_ f: IDEFixture, _ text: String) -> String? {
        let at = f.open("a.seg", text)
        return f.host.hover(f.uri("a.seg"), at: at)?.markdown
    }

    func testFacet() throws {
        let f = try IDEFixture()
        let h = try XCTUnwrap(hover(f, "segment a { include { m$0rr > 1 } }"))
        XCTAssertTrue(h.hasPrefix("facet **mrr** of account · `decimal`"), h)
        XCTAssertTrue(h.contains("column `accounts.monthly_revenue`"), h)
        XCTAssertTrue(h.contains("unit: USD"), h)
        let plan = try XCTUnwrap(hover(f, "segment a { include { plan$0 = \"pro\" } }"))
        XCTAssertTrue(plan.contains("ordered values: `free` < `pro` < `enterprise`"), plan)
        XCTAssertTrue(plan.contains("Subscription plan"), plan)
    }

    func testEventAndField() throws {
        let f = try IDEFixture()
        let e = try XCTUnwrap(hover(f, "segment a { include { has lo$0gin } }"))
        XCTAssertTrue(e.contains("table `logins`") && e.contains("- `device` string") && e.contains("A user signed in"), e)
        let fld = try XCTUnwrap(hover(f, "segment a { include { has login where dev$0ice = \"web\" } }"))
        XCTAssertTrue(fld.hasPrefix("field **login.device** · `string`") && fld.contains("`web`, `ios`, `android`"), fld)
        let agg = try XCTUnwrap(hover(f, "segment a { include { has login sum(dur$0ation) > 5 } }"))
        XCTAssertTrue(agg.contains("unit: seconds"), agg)
    }

    func testWindowDatesForThePinnedAsOf() throws {
        let f = try IDEFixture()
        let h = try XCTUnwrap(hover(f, "segment a { as_of 2026-03-01 include { has login dur$0ing last 90 days } }"))
        XCTAssertTrue(h.contains("2025-12-02 to 2026-03-01 (both days included)"), h)
        XCTAssertTrue(h.contains("the segment's as_of"), h)
        let m = try XCTUnwrap(hover(f, "segment a { as_of 2026-03-31 include { has login during la$0st 1 month } }"))
        XCTAssertTrue(m.contains("2026-03-01 to 2026-03-31"), m)
    }

    func testWindowDatesForTheSettingAndToday() throws {
        let f = try IDEFixture()
        let today = try XCTUnwrap(hover(f, "segment a { include { signup_date during last 7 d$0ays } }"))
        XCTAssertTrue(today.contains("2026-02-23 to 2026-03-01") && today.contains("today (UTC)"), today)
        f.host.setSettings(IDESettings(asOf: CivilDate(year: 2026, month: 1, day: 31)))
        let set = try XCTUnwrap(hover(f, "segment a { include { signup_date during last 1 w$0eek } }"))
        XCTAssertTrue(set.contains("2026-01-25 to 2026-01-31") && set.contains("the asOf setting"), set)
    }

    func testFiscalWindowsUseTheCatalogCalendar() throws {
        let f = try IDEFixture()
        // start_month 2, named by end: FY2026 = 2025-02-01 .. 2026-01-31; Q2 = May–July 2025.
        let y = try XCTUnwrap(hover(f, "segment a { include { has login during fisc$0al_year 2026 } }"))
        XCTAssertTrue(y.contains("2025-02-01 to 2026-01-31"), y)
        let q = try XCTUnwrap(hover(f, "segment a { include { has login during fiscal_quarter 2026 Q$02 } }"))
        XCTAssertTrue(q.contains("2025-05-01 to 2025-07-31"), q)
    }

    func testSegmentExplanation() throws {
        let f = try IDEFixture(files: ["b.seg": "segment big \"Big\" { include { seats >= 100 } }\n"])
        let h = try XCTUnwrap(hover(f, "segment a { include { in segment b$0ig } }"))
        XCTAssertTrue(h.contains("segment `big` \"Big\" — in b.seg"), h)
        XCTAssertTrue(h.contains("Includes every account for whom all of these hold"), h)
        XCTAssertTrue(h.contains("seats"), h)
        let broken = try XCTUnwrap(hover(f, "segment a$0 { include { nope = 1 } }"))
        XCTAssertTrue(broken.contains("not explained: the segment has errors"), broken)
    }

    func testSegmentReferencingOneInTheSameFileIsExplained() throws {
        let f = try IDEFixture()
        let h = try XCTUnwrap(hover(f, "segment small { include { seats < 5 } }\nsegment a$0 { include { in segment small } }\nsegment broken { include { nope = 1 } }"))
        XCTAssertTrue(h.contains("Includes every account"), h)
    }

    func testNothingOnKeywordsOrUnknownNames() throws {
        let f = try IDEFixture()
        XCTAssertNil(hover(f, "segment a { incl$0ude { seats > 1 } }"))
        XCTAssertNil(hover(f, "segment a { include { nop$0e > 1 } }"))
    }
}
