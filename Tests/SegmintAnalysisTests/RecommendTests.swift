import XCTest
import Foundation
import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
@testable import SegmintAnalysis

final class RecommendTests: XCTestCase {
    typealias F = Fixtures

    private func signals(_ segs: [CheckedSegment]) throws -> [(Recommendation.Signal, String)] {
        try Recommend.run(F.program(segs)).map { ($0.signal, $0.segment) }
    }

    func testPredictiveIntentWithAndWithoutAFittingModel() throws {
        let churn = F.segment("churners", include: [F.f(F.spend, .lt, .decimal("100"))], title: "Customers likely to churn")
        let upgrade = F.segment("upgraders", include: [F.f(F.tier, .eq, .string("silver"))], title: "Likely to upgrade their tier")
        let usesModel = F.segment("at_risk", include: [F.f(F.churn, .ge, .decimal("0.7"))], title: "At risk customers")
        let plain = F.segment("west", include: [F.f(F.state, .eq, .string("CA"))], title: "Californians")
        let recs = try Recommend.run(F.program([churn, upgrade, usesModel, plain]))
        let model = try XCTUnwrap(recs.first { $0.segment == "churners" })
        XCTAssertEqual(model.signal, .useModelScore)
        XCTAssertTrue(model.action.contains("churn_score >= T"))
        XCTAssertTrue(model.evidence.contains { $0.contains("\"likely to churn\"") })
        XCTAssertEqual(recs.filter { $0.segment == "upgraders" }.map(\.signal), [.predictiveIntent])
        XCTAssertTrue(recs.filter { $0.segment == "at_risk" || $0.segment == "west" }.isEmpty)
    }

    func testIntentFromTheRequestWords() throws {
        let a = [Assumption(value: "3", from: "high potential shoppers", subject: "purchase", span: .none)]
        let s = F.segment("shoppers", include: [F.has(F.count(.ge, 3))], assumptions: a)
        let recs = try Recommend.run(F.program([s]))
        XCTAssertEqual(recs.map(\.signal), [.useModelScore])
        XCTAssertTrue(recs.first?.action.contains("purchase_propensity") ?? false)
    }

    func testInferredThresholds() throws {
        let two = [Assumption(value: "500", from: "big spenders", subject: "lifetime_spend", span: .none),
                   Assumption(value: "40", from: "older", subject: "age", span: .none)]
        let s = F.segment("two", include: [F.f(F.spend, .ge, .decimal("500")), F.f(F.age, .ge, .int(40))], assumptions: two)
        let t = F.segment("one", include: [F.f(F.spend, .ge, .decimal("500"))], assumptions: Array(two.prefix(1)))
        let recs = try Recommend.run(F.program([s, t]))
        XCTAssertEqual(recs.map(\.signal), [.inferredThresholds])
        XCTAssertEqual(recs.first?.segment, "two")
        XCTAssertEqual(recs.first?.evidence, ["lifetime_spend 500 from \"big spenders\"", "age 40 from \"older\""])
    }

    func testRuleSprawl() throws {
        let branch: (Int64) -> CheckedCondition = { .all([F.f(F.age, .ge, .int($0)), F.f(F.state, .eq, .string("CA"))]) }
        let tangled = F.segment("tangled", include: [.any([branch(20), branch(30), branch(40)])])
        let simple = F.segment("simple", include: [F.f(F.age, .ge, .int(20)), F.f(F.state, .eq, .string("CA"))])
        let recs = try Recommend.run(F.program([tangled, simple]))
        XCTAssertEqual(recs.map(\.signal), [.ruleSprawl])
        XCTAssertTrue(recs.first?.evidence.contains("an `any` of 3 `all` branches (threshold 2)") ?? false)
    }

    /// Many conditions side by side are not sprawl; depth 3 is, and so is an `any` of two
    /// multi-condition `all`s, but not an `any` of single conditions.
    func testRuleSprawlNeedsBranchingNotLength() throws {
        let flat = F.segment("flat", include: [
            F.f(F.age, .ge, .int(20)), F.f(F.state, .eq, .string("CA")), F.f(F.spend, .ge, .decimal("500")),
            F.f(F.tier, .ge, .string("gold")), F.f(F.optOut, .eq, .bool(false)), F.f(F.employee, .eq, .bool(false)),
            F.f(F.city, .eq, .string("Salem")), F.f(F.age, .le, .int(70)), F.f(F.spend, .le, .decimal("9000")),
            F.f(F.state, .ne, .string("WA")), F.f(F.churn, .ge, .decimal("0.1")),
        ])
        let anyOfLeaves = F.segment("alternatives", include: [.any([F.f(F.age, .ge, .int(20)), F.f(F.state, .eq, .string("CA")),
                                                                   .all([F.f(F.city, .eq, .string("Salem")), F.f(F.age, .le, .int(70))])])])
        let deep = F.segment("deep", include: [.any([.all([.not(F.f(F.age, .ge, .int(20)))]), F.f(F.state, .eq, .string("CA"))])])
        let twoBranches = F.segment("two_branches", include: [.any([
            .all([F.f(F.age, .ge, .int(20)), F.f(F.state, .eq, .string("CA"))]),
            .all([F.f(F.age, .ge, .int(30)), F.f(F.state, .eq, .string("OR"))]),
        ])])
        let recs = try Recommend.run(F.program([flat, anyOfLeaves, deep, twoBranches])).filter { $0.signal == .ruleSprawl }
        XCTAssertEqual(recs.map(\.segment), ["deep", "two_branches"])
        XCTAssertEqual(recs.first?.evidence, ["nesting depth 3 (threshold 3)"])
        XCTAssertEqual(recs.last?.evidence, ["an `any` of 2 `all` branches (threshold 2)"])
    }

    /// Data with smooth ages and a spike of lifetime spend at exactly 100.
    private func data() -> [TestEntity] {
        var rng = SeededRandom(seed: 5)
        return (0..<4000).map { i in
            let spend = i % 10 < 4 ? "100" : String(Int.random(in: 0...1000, using: &rng))
            let f: [String: Value] = ["age": .int(Int64(18 + i % 73)), "lifetime_spend": .decimal(spend),
                                      "is_employee": .bool(i % 10 < 3), "state": .string(i % 500 == 0 ? "WA" : "CA"),
                                      "churn_score": .decimal(Fmt.fixed(Double(i % 1000) / 1000, 3))]
            return TestEntity(facets: f, purchases: [])
        }
    }

    private func withData(_ segs: [CheckedSegment]) throws -> [Recommendation] {
        let d = data()
        let runDate = CivilDate(year: 2026, month: 3, day: 1) ?? RandomSegments.days[0]
        return try Recommend.run(F.program(segs)) { p, name in ReferenceEvaluator(program: p, runDate: runDate).members(name, in: d).count }
    }

    func testSizeSignals() throws {
        let tiny = F.segment("tiny", include: [F.f(F.state, .eq, .string("WA"))])        // 8 of 4000 = 0.2%
        let huge = F.segment("huge", include: [F.f(F.employee, .eq, .bool(false))])       // 70%
        let fine = F.segment("fine", include: [F.f(F.employee, .eq, .bool(true))])        // 30%
        let recs = try withData([tiny, huge, fine])
        XCTAssertEqual(recs.filter { $0.signal == .tooSmall }.map(\.segment), ["tiny"])
        XCTAssertEqual(recs.filter { $0.signal == .tooLarge }.map(\.segment), ["huge"])
        let small = try XCTUnwrap(recs.first { $0.signal == .tooSmall })
        XCTAssertEqual(small.evidence.first, "8 of 4,000 customers (0.20%), under 0.5% of the base")
        XCTAssertFalse(recs.contains { $0.segment == "fine" })
    }

    func testNearDuplicates() throws {
        let a = F.segment("older", include: [F.f(F.age, .ge, .int(40))])
        let b = F.segment("older_too", include: [F.f(F.age, .ge, .int(42))])
        let c = F.segment("younger", include: [F.f(F.age, .lt, .int(40))])
        let recs = try withData([a, b, c]).filter { $0.signal == .nearDuplicate }
        XCTAssertEqual(recs.map(\.segment), ["older"])
        XCTAssertTrue(recs.first?.action.contains("older and older_too") ?? false)
        let j = recs.first?.numbers.first { $0.0 == "jaccard" }?.1 ?? 0
        XCTAssertEqual(j, 49.0 / 51.0, accuracy: 0.01)   // ages 42…90 of 40…90
    }

    func testFragileThreshold() throws {
        // 40% of customers spend exactly 100: `>= 95` vs `>= 104.5` swings the size.
        let spiky = F.segment("spiky", include: [F.f(F.spend, .ge, .decimal("95"))])
        let smooth = F.segment("smooth", include: [F.f(F.age, .ge, .int(50))])
        let recs = try withData([spiky, smooth]).filter { $0.signal == .fragileThreshold }
        XCTAssertEqual(recs.map(\.segment), ["spiky"])
        let r = try XCTUnwrap(recs.first)
        XCTAssertTrue(r.evidence[0].contains("lifetime_spend >= 85.50"), r.evidence[0])
        XCTAssertTrue(r.evidence[0].contains("lifetime_spend >= 104.50"), r.evidence[0])
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(recs.json().utf8)))
        XCTAssertTrue(recs.text().contains("[fragile_threshold] spiky"))
    }

    func testSuggestedModelCutoffMatchesTheRulesReach() throws {
        // Rules reach ages 81…90 (10 of 73 ages, 548 customers); churn scores are uniform on 0…0.999.
        let s = F.segment("churners", include: [F.f(F.age, .gt, .int(80))], title: "Likely to churn")
        let rec = try XCTUnwrap(withData([s]).first { $0.signal == .useModelScore })
        let cut = try XCTUnwrap(rec.numbers.first { $0.0 == "suggested_cutoff" }?.1)
        let size = try XCTUnwrap(rec.numbers.first { $0.0 == "rules_size" }?.1)
        XCTAssertEqual(size, 4000.0 * 10 / 73, accuracy: 10)
        // Share of scores >= cut must match the rules' share of the base.
        XCTAssertEqual(1 - cut, size / 4000, accuracy: 0.01)
        XCTAssertTrue(rec.action.contains("include { churn_score >= 0.8"), rec.action)
    }
}
