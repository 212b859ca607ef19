import XCTest
@testable import SegmintNL

final class OfflineTranslatorTests: XCTestCase {
    let t = OfflineTranslator(catalog: RetailCatalog.shared)

    func testReadmeMainCommand() throws {
        let r = t.translate("California customers who bought outdoor gear in the last 90 days but not email opt-outs")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [
            #"state = "CA" [RETRIEVED: state] [RETRIEVED: "CA" from "California"]"#,
            #"has purchase where category = "Outdoor" during last 90 days [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "gear"] [RETRIEVED: "Outdoor" from "outdoor"]"#,
        ])
        XCTAssertEqual(r.exclude, [#"email_opt_out = true [RETRIEVED: email_opt_out from "email opt-outs"]"#])
        let seg = try XCTUnwrap(r.seg)
        XCTAssertTrue(seg.contains("segment california_bought_outdoor_gear \"California customers"), seg)
        XCTAssertTrue(seg.hasPrefix("# segmint ask (offline translator)\n"), seg)
    }
}

extension OfflineTranslatorTests {
    func testNumberWithComparisonAfterFacet() {
        let r = t.translate("customers with lifetime spend over 500")
        XCTAssertEqual(r.include, [#"lifetime_spend > 500 [RETRIEVED: lifetime_spend from "lifetime spend"]"#])
        XCTAssertEqual(r.unmapped, [])
    }

    func testValuesJoinedByOrBecomeAList() {
        let r = t.translate("Texas or Oregon customers with sms consent")
        XCTAssertEqual(r.include, [
            #"state in ["TX", "OR"] [RETRIEVED: state] [RETRIEVED: "TX" from "Texas"] [RETRIEVED: "OR" from "Oregon"]"#,
            #"sms_opt_in = true [RETRIEVED: sms_opt_in from "sms consent"]"#,
        ])
    }

    func testOrderedValueOrAbove() {
        let r = t.translate("gold or above loyalty members")
        XCTAssertEqual(r.include, [#"loyalty_tier >= "gold" [RETRIEVED: loyalty_tier] [RETRIEVED: "gold" from "gold"]"#])
        XCTAssertEqual(r.unmapped, [])
    }

    func testBetweenWithAged() {
        let r = t.translate("customers aged between 25 and 40")
        XCTAssertEqual(r.include, [#"age between 25 and 40 [RETRIEVED: age from "aged"]"#])
    }

    func testEventCountAndWindow() {
        let r = t.translate("at least 3 orders in the last 6 months")
        XCTAssertEqual(r.include, [#"has purchase during last 6 months count >= 3 [RETRIEVED: purchase from "orders"]"#])
    }

    func testNegatedEventGoesToExclude() {
        let r = t.translate("customers who have not bought since 2025-01-01")
        XCTAssertEqual(r.include, [])
        XCTAssertEqual(r.exclude, [#"has purchase since 2025-01-01 [RETRIEVED: purchase from "bought"]"#])
        XCTAssertNotNil(r.seg)
    }

    func testEventFieldsFromContext() {
        let r = t.translate("bought electronics online in the past 2 weeks")
        XCTAssertEqual(r.include, [
            #"has purchase where category = "Electronics" and channel = "online" during last 2 weeks [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category] [RETRIEVED: "Electronics" from "electronics"] [RETRIEVED: purchase.channel] [RETRIEVED: "online" from "online"]"#,
        ])
    }

    func testSinceMonthName() {
        let r = t.translate("purchased since March 2025")
        XCTAssertEqual(r.include, [#"has purchase since 2025-03-01 [RETRIEVED: purchase from "purchased"]"#])
    }

    func testFuzzySynonym() {
        let r = t.translate("unsubscibed customers")
        XCTAssertEqual(r.include, [#"email_opt_out = true [RETRIEVED: email_opt_out from "unsubscibed"]"#])
    }

    func testUnmappedWordsAreListedAndNoSegment() {
        let r = t.translate("California customers who love hiking")
        XCTAssertEqual(r.unmapped, ["love", "hiking"])
        XCTAssertNil(r.seg)
    }

    func testLowercaseOrIsNotOregon() {
        let r = t.translate("gold or platinum tier")
        XCTAssertEqual(r.include, [#"loyalty_tier in ["gold", "platinum"] [RETRIEVED: loyalty_tier from "tier"] [RETRIEVED: "gold" from "gold"] [RETRIEVED: "platinum" from "platinum"]"#])
    }

    func testTimeWordWithoutNumberIsAQuestionUntilAnswered() {
        let q = t.translate("customers who purchased recently")
        XCTAssertEqual(q.questions.map(\.key), ["window:recently"])
        XCTAssertNil(q.seg)
        let a = t.translate("customers who purchased recently", answers: Answers(["window:recently": "last 30 days"]))
        XCTAssertEqual(a.questions, [])
        XCTAssertEqual(a.include, [#"has purchase during last 30 days [RETRIEVED: purchase from "purchased"]"#])
        XCTAssertEqual(a.usedAnswers, ["window:recently": "last 30 days"])
    }

    func testFacetWithoutNumberIsAQuestion() {
        let q = t.translate("high-value customers")
        XCTAssertEqual(q.questions.map(\.key), ["number:high-value"])
        let a = t.translate("high-value customers", answers: Answers(["high-value": "at least 1000"]))
        XCTAssertEqual(a.include, [#"lifetime_spend >= 1000 [RETRIEVED: lifetime_spend from "high-value"]"#])
    }
}
