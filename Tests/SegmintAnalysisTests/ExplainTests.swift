import XCTest
import Foundation
import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
@testable import SegmintAnalysis

final class ExplainTests: XCTestCase {
    typealias F = Fixtures

    /// A segment whose syntax carries spans, so tags can be matched to their conditions.
    private func tagged() -> CheckedProgram {
        let s1 = Span(file: 0, start: 10, end: 40), s2 = Span(file: 0, start: 50, end: 90), s3 = Span(file: 0, start: 100, end: 120)
        func cond(_ span: Span) -> Condition { Condition(kind: .inSegment(Ident(name: "x", span: .none)), tags: [], span: span) }
        let decl = SegmentDecl(name: Ident(name: "lapsed", span: .none), title: nil,
                               items: [.include(Block(conditions: [cond(s1), cond(s2)], span: .none), .none),
                                       .exclude(Block(conditions: [cond(s3)], span: .none), .none)], span: .none)
        let groundings = [
            Grounding(kind: .retrieved, claim: "lifetime_spend", isValue: false, from: "spent", span: Span(file: 0, start: 20, end: 30)),
            Grounding(kind: .inferred, claim: "500", isValue: true, from: "high-value", span: Span(file: 0, start: 30, end: 40)),
            Grounding(kind: .retrieved, claim: "Outdoor", isValue: true, from: nil, span: Span(file: 0, start: 60, end: 70)),
        ]
        let assumptions = [Assumption(value: "500", from: "high-value", subject: "lifetime_spend", span: Span(file: 0, start: 30, end: 40))]
        var seg = F.segment("lapsed", include: [F.f(F.spend, .ge, .decimal("500")),
                                                F.has(where: [(F.category, .compare(.eq, .string("Outdoor")))], window: .last(2, .year), F.count(.ge, 2))],
                            exclude: [F.f(F.optOut, .eq, .bool(true))], title: "Lapsed outdoor buyers",
                            description: "High-value outdoor buyers", asOf: CivilDate(year: 2026, month: 3, day: 1),
                            assumptions: assumptions, groundings: groundings)
        seg.syntax = decl
        let gold = F.segment("gold_west", include: [F.f(F.tier, .ge, .string("gold")), F.f(F.state, .ne, .string("CA"))])
        return F.program([seg, gold])
    }

    func testPlainEnglishGroundingAndAssumptions() throws {
        let r = try XCTUnwrap(Explain.report(tagged(), segment: "lapsed"))
        let text = r.text()
        XCTAssertTrue(text.contains("Segment lapsed \"Lapsed outdoor buyers\""))
        XCTAssertTrue(text.contains("Catalog test@1; windows end on 2026-03-01 (pinned in the segment)"))
        XCTAssertTrue(text.contains("lifetime spend is at least 500 USD"))
        XCTAssertTrue(text.contains("has at least 2 purchase events (category is \"Outdoor\"; in the last 2 years up to 2026-03-01)"))
        XCTAssertTrue(text.contains("grounding: lifetime_spend: retrieved from the catalog from the words \"spent\""))
        XCTAssertTrue(text.contains("grounding: 500: ASSUMED by the model from the words \"high-value\", please confirm"))
        XCTAssertTrue(text.contains("grounding: \"Outdoor\"") || text.contains("grounding: Outdoor: retrieved from the catalog's listed values"))
        XCTAssertTrue(text.contains("grounding: written by hand (no grounding tags)"))   // the exclude has no tags
        XCTAssertTrue(text.contains("leaves out anyone for whom any of these holds"))
        XCTAssertTrue(text.contains("email opt out is true"))
        XCTAssertTrue(text.contains("Assumptions to confirm: 1\n  - lifetime_spend uses 500, inferred from \"high-value\""))
    }

    func testOrderedValuesAndMissingNotes() throws {
        let r = try XCTUnwrap(Explain.report(tagged(), segment: "gold_west"))
        XCTAssertEqual(r.include?.map(\.english), ["loyalty tier is \"gold\" or higher (gold, platinum)",
                                                  "state is known and is not \"CA\""])
        XCTAssertTrue(r.text().contains("windows end on the warehouse's current date when run"))
        XCTAssertNil(Explain.report(tagged(), segment: "nope"))
    }

    func testFunnelCountsEachPrefix() throws {
        var gen = RandomSegments(seed: 99)
        let data = gen.entities(1500)
        let program = tagged()
        let runDate = CivilDate(year: 2026, month: 3, day: 1) ?? RandomSegments.days[0]
        let steps = try Explain.funnel(program, segment: "lapsed") { p, name in
            ReferenceEvaluator(program: p, runDate: runDate).members(name, in: data).count
        }
        XCTAssertEqual(steps.map(\.label), ["everyone", "+ include lifetime_spend >= 500",
                                            "+ include has purchase where category = \"Outdoor\" during last 2 years count >= 2",
                                            "- exclude email_opt_out = true"])
        // Direct: filter the data condition by condition.
        let eval = ReferenceEvaluator(program: program, runDate: runDate)
        let seg = try XCTUnwrap(program.segment(named: "lapsed"))
        let inc = seg.include ?? []
        let asOf = try XCTUnwrap(seg.asOf)
        let after1 = data.filter { eval.eval(inc[0], $0, asOf) }
        let after2 = after1.filter { eval.eval(inc[1], $0, asOf) }
        let after3 = after2.filter { !eval.eval(seg.exclude[0], $0, asOf) }
        XCTAssertEqual(steps.map(\.count), [data.count, after1.count, after2.count, after3.count])
        XCTAssertGreaterThan(after3.count, 0)
        XCTAssertLessThan(after3.count, after2.count)
        var r = try XCTUnwrap(Explain.report(program, segment: "lapsed"))
        r.funnel = steps
        XCTAssertTrue(r.text().contains("Funnel (customers remaining after each step):"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(r.json().utf8)))
        XCTAssertTrue(r.json().contains("\"count\": \(after3.count)"))
    }
}

final class ConditionTextTests: XCTestCase {
    func testFiscalWindowsAreWrittenAsSource() throws {
        let s = try XCTUnwrap(CivilDate(year: 2025, month: 11, day: 1)), e = try XCTUnwrap(CivilDate(year: 2026, month: 2, day: 1))
        XCTAssertEqual(ConditionText.window(.fiscal(start: s, end: e, label: "FY2026 Q4")), "during fiscal_quarter 2026 Q4")
        XCTAssertEqual(ConditionText.window(.fiscal(start: s, end: e, label: "FY2026")), "during fiscal_year 2026")
        XCTAssertEqual(ConditionText.window(.fiscal(start: s, end: e, label: "odd")), "during 2025-11-01 to 2026-01-31")
        XCTAssertEqual(ConditionText.seg(.facet(Fixtures.city, .contains("a\"b"))), "city contains \"a\\\"b\"")
    }
}
