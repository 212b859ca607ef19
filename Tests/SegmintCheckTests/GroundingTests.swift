import XCTest
import SegmintCore
import SegmintSyntax
import SegmintCatalog
@testable import SegmintCheck

private func grounded(_ a: AST, _ conds: [Condition], strict: Bool = false, requireTags: Bool = false, request: String? = nil) -> CheckResult {
    check([a.file([a.seg("s", include: conds)])], strict: strict, requireTags: requireTags, request: request)
}

final class GroundingTests: XCTestCase {
    func testSpecExampleTagsAreValid() throws {
        let a = AST()
        let r = grounded(a, [
            a.c(a.p("state", .inList(negated: false, a.list([a.s("CA"), a.s("OR")]))), [a.retrieved("state")]),
            a.c("lifetime_spend", .ge, a.n("500"), [a.retrieved("lifetime_spend"), a.inferred(a.n("500"), from: "high-value")]),
            a.has("purchase", [a.p("category", .eq, a.s("Outdoor"))], window: a.window(.last(2, .year)), agg: a.agg(.count, .ge, "2"),
                  [a.retrieved("purchase.category"), a.retrieved(a.s("Outdoor"))]),
        ])
        XCTAssertEqual(r.diagnostics, [])
        let seg = try XCTUnwrap(r.program?.segments.first)
        XCTAssertEqual(seg.assumptions.map(\.value), ["500"])
        XCTAssertEqual(seg.assumptions.first?.subject, "lifetime_spend")
        XCTAssertEqual(seg.assumptions.first?.from, "high-value")
        XCTAssertEqual(seg.groundings.map(\.claim), ["state", "lifetime_spend", "500", "purchase.category", "\"Outdoor\""])
        XCTAssertEqual(seg.groundings.map(\.isValue), [false, false, true, false, true])
    }

    func testRetrievedMustNameTheConditionsOwnFacet() {
        let a = AST()
        let tag = a.retrieved("age")
        let r = grounded(a, [a.c("state", .eq, a.s("CA"), [tag])])
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0401"])
        XCTAssertEqual(r.diagnostics[0].message, "[RETRIEVED: age] does not name this condition's facet")
        guard case .name(let ref) = tag.subject else { return XCTFail() }
        XCTAssertEqual(r.diagnostics[0].span, ref.span)
    }

    func testRetrievedNameMustExist() {
        let a = AST()
        let r = grounded(a, [a.c("state", .eq, a.s("CA"), [a.retrieved("stat")])])
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0402"])
        XCTAssertEqual(r.diagnostics[0].help, "did you mean \"state\"?")
    }

    func testHasAcceptsEventFieldsInWhereAndAggregate() {
        let a = AST()
        let r = grounded(a, [a.has("purchase", [a.p("category", .eq, a.s("Grocery"))], agg: a.agg(.sum(a.id("amount")), .gt, "5"),
                              [a.retrieved("purchase"), a.retrieved("category"), a.retrieved("purchase.amount")])])
        XCTAssertEqual(r.diagnostics, [])
        let bad = grounded(a, [a.has("purchase", [a.p("category", .eq, a.s("Grocery"))], [a.retrieved("amount"), a.retrieved("support_ticket.severity")])])
        XCTAssertEqual(bad.diagnostics.map(\.code), ["E0401", "E0401"])
    }

    func testRetrievedValueMustBeACatalogValueOfTheCondition() {
        let a = AST()
        let r = grounded(a, [
            a.c("city", .eq, a.s("Paris"), [a.retrieved(a.s("Paris"))]),             // city has no values
            a.c("state", .eq, a.s("CA"), [a.retrieved(a.s("OR"))]),                  // not in the condition
            a.c("lifetime_spend", .ge, a.n("500"), [a.retrieved(a.n("500"))]),       // numbers are not catalog values
        ])
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0403", "E0409", "E0403"])
        XCTAssertEqual(r.diagnostics[0].message, "\"Paris\" is tagged RETRIEVED, but city has no catalog values")
    }

    func testInferredNamesAndEnumValuesAreErrors() {
        let a = AST()
        let r = grounded(a, [
            a.c("state", .eq, a.s("CA"), [a.inferred("state")]),
            a.c("loyalty_tier", .eq, a.s("gold"), [a.inferred(a.s("gold"))]),
        ])
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0404", "E0405"])
        XCTAssertEqual(r.diagnostics[0].message, "state is tagged INFERRED, but facet, field and event names must come from the catalog")
    }

    func testInferredNumbersDatesAreAssumptionsAndErrorsUnderStrict() throws {
        let a = AST()
        let conds = [
            a.c("age", .gt, a.n("60"), [a.inferred(a.n("60"), from: "seniors")]),
            a.has("purchase", window: a.window(.since(a.date("2025-01-01"))), agg: a.agg(.count, .ge, "3"),
                  [a.inferred(a.d("2025-01-01")), a.inferred(a.n("3"))]),
            a.c("city", .eq, a.s("Paris"), [a.inferred(a.s("Paris"))]),  // free text: an assumption too
        ]
        let r = grounded(a, conds)
        XCTAssertEqual(r.diagnostics, [])
        let seg = try XCTUnwrap(r.program?.segments.first)
        XCTAssertEqual(seg.assumptions.map(\.value), ["60", "2025-01-01", "3", "\"Paris\""])
        XCTAssertEqual(seg.assumptions.map(\.subject), ["age", "purchase", "purchase.count", "city"])
        let strict = grounded(a, conds, strict: true)
        XCTAssertEqual(strict.diagnostics.map(\.code), ["E0406", "E0406", "E0406", "E0406"])
        XCTAssertNil(strict.program)
    }

    func testInferredNumberMatchesExactly() {
        let a = AST()
        let r = grounded(a, [a.c("lifetime_spend", .ge, a.n("500.00"), [a.inferred(a.n("500"))]),
                        a.c("age", .ge, a.n("5"), [a.inferred(a.n("50"))])])
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0409"])
    }

    func testTagsOnCompoundConditions() {
        let a = AST()
        let r = check([a.file([a.seg("t"), a.seg("s", include: [
            a.all([a.c("age", .gt, a.n("3"))], [a.retrieved("age")]),
            a.c(.inSegment(a.id("t")), [a.retrieved("age")]),
        ])])])
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0407", "E0407"])
    }

    func testTagsAfterNotGroundTheInnerCondition() {
        let a = AST()
        let ok = grounded(a, [a.not(a.c("state", .eq, a.s("CA")), [a.retrieved("state"), a.retrieved(a.s("CA"))])])
        XCTAssertEqual(ok.diagnostics, [])
        let bad = grounded(a, [a.not(a.c("state", .eq, a.s("CA")), [a.retrieved("age")])])
        XCTAssertEqual(bad.diagnostics.map(\.code), ["E0401"])
    }

    func testHandWrittenFilesNeedNoTags() {
        let a = AST()
        let r = grounded(a, [a.c("state", .eq, a.s("CA")), a.has("purchase", [a.p("category", .eq, a.s("Outdoor"))])])
        XCTAssertEqual(r.diagnostics, [])
    }

    func testRequireTagsRejectsUntaggedNamesAndValues() {
        let a = AST()
        let r = grounded(a, [
            a.c("state", .eq, a.s("CA")),                                                      // facet + value
            a.c("loyalty_tier", .ge, a.s("gold"), [a.retrieved("loyalty_tier")]),             // value
            a.c("age", .gt, a.n("30"), [a.retrieved("age")]),                                 // numbers need no tag
            a.has("purchase", window: a.window(.last(30, .day))),                             // event
            a.has("purchase", [a.p("category", .eq, a.s("Outdoor"))], [a.retrieved("category"), a.retrieved(a.s("Outdoor"))]),
        ], requireTags: true)
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0408", "E0408", "E0408", "E0408"])
        XCTAssertEqual(r.diagnostics.map(\.message), [
            "facet state has no grounding tag", "value \"CA\" of state has no grounding tag",
            "value \"gold\" of loyalty_tier has no grounding tag", "event purchase has no grounding tag",
        ])
    }

    func testFromMustQuoteTheRequest() {
        let a = AST()
        let r = grounded(a, [a.c("age", .gt, a.n("60"), [a.inferred(a.n("60"), from: "seniors")]),
                        a.c("age", .lt, a.n("90"), [a.inferred(a.n("90"), from: "very old")])],
                    request: "seniors in california")
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0410"])
        XCTAssertEqual(r.diagnostics[0].message, "\"very old\" does not occur in the request")
    }
}
