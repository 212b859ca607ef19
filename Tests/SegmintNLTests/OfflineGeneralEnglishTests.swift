import XCTest
import SegmintCore
@testable import SegmintNL

/// General English the offline translator reads on any catalog: the entity's own word against
/// a verb of the same stem, negative numbers, `un-` flags, numbers before a facet's unit or
/// name, flag states, date facets by what they date, "no X", and phrases said with words between.
final class OfflineGeneralEnglishTests: XCTestCase {
    static let library = DomainCatalogs.load("""
    name: library
    version: 1
    entity: {name: reader, table: readers, key: reader_id}
    facets:
      - {name: books_on_loan, type: int, nullable: false}
      - {name: is_verified, type: bool}
      - {name: newsletter, type: bool}
      - {name: last_visit_at, type: timestamp}
      - {name: card_expiry, type: date}
      - {name: balance, type: decimal, unit: EUR}
      - {name: card_blocked, type: bool}
      - {name: study_hours, type: int, unit: hours}
      - {name: age, type: int, unit: years}
      - {name: reader_type, type: string, values: [student, staff, public]}
    events:
      - name: read
        table: reads
        key: reader_id
        time: read_at
        fields:
          - {name: chapter, type: int}
          - {name: finished, type: bool}
      - name: room_booking
        table: room_bookings
        key: reader_id
        time: booked_at
        fields:
          - {name: fee, type: decimal, unit: EUR}
          - {name: room_kind, type: string, values: [quiet, group]}
    """, "library")
    let t = OfflineTranslator(catalog: library, today: CivilDate(year: 2026, month: 3, day: 1))

    func include(_ request: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        let r = t.translate(request)
        XCTAssertEqual(r.unmapped, [], file: file, line: line)
        XCTAssertEqual(r.questions.map(\.key), [], file: file, line: line)
        XCTAssertNotNil(r.seg, file: file, line: line)
        return r.include
    }

    /// "readers" is the reader entity, not the `read` event that shares its stem.
    func testEntityWordWinsOverEventOfTheSameStem() {
        XCTAssertEqual(include("readers with a balance below -5"), [
            #"balance < -5 [RETRIEVED: balance from "balance"]"#,
        ])
    }

    func testNegativeRange() {
        XCTAssertEqual(include("readers with a balance between -20 and -5"), [
            #"balance between -20 and -5 [RETRIEVED: balance from "balance"]"#,
        ])
    }

    func testUnPrefixMakesAFlagFalse() {
        XCTAssertEqual(include("unverified readers"), [
            #"is_verified = false [RETRIEVED: is_verified from "unverified"]"#,
        ])
        XCTAssertEqual(include("readers with an unfinished read"), [
            #"has read where finished = false [RETRIEVED: read] [RETRIEVED: read.finished from "unfinished"]"#,
        ])
    }

    func testNumberBeforeAFacetsUnitOrName() {
        XCTAssertEqual(include("readers with 3 or more books on loan"), [
            #"books_on_loan >= 3 [RETRIEVED: books_on_loan from "books on loan"]"#,
        ])
        XCTAssertEqual(include("readers with at least 40 hours"), [
            #"study_hours >= 40 [RETRIEVED: study_hours from "hours"]"#,
        ])
    }

    func testFlagStateAfterTheFlag() {
        XCTAssertEqual(include("readers with the newsletter turned off"), [
            #"newsletter = false [RETRIEVED: newsletter from "newsletter"]"#,
        ])
    }

    func testDateFacetByWhatItDatesAndNoValue() {
        let r = t.translate("readers without a visit in the last 10 days")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.exclude, [#"last_visit_at during last 10 days [RETRIEVED: last_visit_at from "visit"]"#])
        XCTAssertEqual(include("readers with no card expiry date"), [
            #"card_expiry is missing [RETRIEVED: card_expiry from "card expiry date"]"#,
        ])
        XCTAssertEqual(include("readers with no books on loan"), [
            #"books_on_loan = 0 [RETRIEVED: books_on_loan from "books on loan"]"#,
        ])
    }

    func testBareNumberBesideANumericFieldAndAmountOnTheMoneyField() {
        XCTAssertEqual(include("readers who read chapter 12"), [
            #"has read where chapter = 12 [RETRIEVED: read from "read"] [RETRIEVED: read.chapter from "chapter"]"#,
        ])
        XCTAssertEqual(include("readers who booked a quiet room booking for more than 10"), [
            #"has room_booking where room_kind = "quiet" and fee > 10 [RETRIEVED: room_booking from "booked"] [RETRIEVED: room_booking.room_kind] [RETRIEVED: "quiet" from "quiet"] [RETRIEVED: room_booking.fee]"#,
        ])
    }

    func testPhraseWithFunctionWordsBetween() {
        XCTAssertEqual(include("readers whose card was blocked"), [
            #"card_blocked = true [RETRIEVED: card_blocked from "card was blocked"]"#,
        ])
    }

    /// A bare bound right after a value (or the entity's word) with nothing else to bound is an age.
    func testBareBoundAfterAValueIsAnAge() {
        XCTAssertEqual(include("students under 25"), [
            #"reader_type = "student" [RETRIEVED: reader_type] [RETRIEVED: "student" from "students"]"#,
            #"age < 25 [RETRIEVED: age]"#,
        ])
    }

    /// "add up to", "average": a sum of the event's one money field, an average of the field named.
    func testAggregateWords() {
        XCTAssertEqual(include("readers whose room bookings add up to more than 30"), [
            #"has room_booking sum(fee) > 30 [RETRIEVED: room_booking from "room bookings"] [RETRIEVED: room_booking.fee]"#,
        ])
        XCTAssertEqual(include("readers with an average chapter above 5"), [
            #"has read avg(chapter) > 5 [RETRIEVED: read] [RETRIEVED: read.chapter from "chapter"]"#,
        ])
    }

    /// A size word before a numeric facet asks for its threshold instead of guessing one.
    func testSizeWordBeforeANumericFacetAsks() {
        let r = t.translate("readers with a high balance")
        XCTAssertNil(r.seg)
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.questions.map(\.key), ["number:high balance"])
        XCTAssertTrue(r.questions.first?.text.contains("balance") == true)
        // The facet by the first word of its name, and a "low" word from the layer.
        let w = t.translate("readers with weak study")
        XCTAssertEqual(w.unmapped, [])
        XCTAssertEqual(w.questions.map(\.key), ["number:weak study"])
        XCTAssertTrue(w.questions.first?.text.contains("study_hours") == true)
    }

    /// The first word of one event's longer name names that event ("room" for `room_booking`),
    /// and names the open event again without a second condition.
    func testEventByTheFirstWordOfItsName() {
        let r = t.translate("heavy room readers")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.questions.map(\.key), ["number:heavy room"])
        XCTAssertEqual(include("readers who booked a quiet room"), [
            #"has room_booking where room_kind = "quiet" [RETRIEVED: room_booking from "booked"] [RETRIEVED: room_booking.room_kind] [RETRIEVED: "quiet" from "quiet"]"#,
        ])
    }

    /// An action on the entities ("give", "close", "reboot" first) is refused, not mapped.
    func testActionOnTheEntitiesIsRefused() {
        XCTAssertNotNil(t.translate("give every reader 10 free room bookings").refusal)
        XCTAssertNotNil(t.translate("close the cards of all unverified readers").refusal)
        XCTAssertNil(t.translate("unverified readers").refusal)
    }
}
