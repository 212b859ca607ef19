import XCTest
import SegmintCore
import SegmintSyntax
import SegmintCheck
import SegmintCatalog
@testable import SegmintAnalysis

/// Hand-picked facts the analysis must prove, and look-alikes it must not claim.
final class StaticAnalysisTests: XCTestCase {
    typealias F = Fixtures

    private func findings(_ segs: [CheckedSegment]) -> [String] {
        StaticAnalysis.analyze(F.program(segs)).findings.map(\.message)
    }

    func testContradictoryRangesAreEmpty() {
        let s = F.segment("old_young", include: [F.f(F.age, .gt, .int(60)), F.f(F.age, .lt, .int(30))])
        XCTAssertEqual(findings([s]), ["segment old_young can never match anyone"])
    }

    func testIntegerFacetsAreDiscreteButDecimalsAreNot() {
        let ints = F.segment("a", include: [F.f(F.age, .gt, .int(5)), F.f(F.age, .lt, .int(6))])
        let decs = F.segment("b", include: [F.f(F.spend, .gt, .decimal("5")), F.f(F.spend, .lt, .decimal("6"))])
        let found = findings([ints, decs])
        XCTAssertTrue(found.contains("segment a can never match anyone"))
        XCTAssertFalse(found.contains("segment b can never match anyone"))
    }

    func testNotEqualIsFalseWhenMissingButNotEqualsIsTrue() {
        // `age != 5` excludes missing ages; `not age = 5` keeps them (spec §3).
        let ne = F.segment("ne", include: [F.f(F.age, .ne, .int(5))])
        let notEq = F.segment("not_eq", include: [.not(F.f(F.age, .eq, .int(5)))])
        let found = findings([ne, notEq])
        XCTAssertTrue(found.contains("every member of ne is also in not_eq"))
        XCTAssertFalse(found.contains("every member of not_eq is also in ne"))
    }

    func testMissingAndPresentAreDisjoint() {
        let a = F.segment("a", include: [.facet(F.age, .isMissing(negated: false))])
        let b = F.segment("b", include: [.not(F.f(F.age, .eq, .int(5)))])
        let c = F.segment("c", include: [F.f(F.age, .ge, .int(0))])
        let found = findings([a, b, c])
        XCTAssertTrue(found.contains("segments a and c cannot share anyone"))
        XCTAssertTrue(found.contains("every member of a is also in b"))
        XCTAssertFalse(found.contains("segments a and b cannot share anyone"))
    }

    func testNonNullableFacetIsNeverMissing() {
        let s = F.segment("s", include: [.facet(F.employee, .isMissing(negated: false))])
        XCTAssertEqual(findings([s]), ["segment s can never match anyone"])
    }

    func testOrderedEnumsUseCatalogOrder() {
        let goldPlus = F.segment("gold_plus", include: [F.f(F.tier, .ge, .string("gold"))])
        let aboveSilver = F.segment("above_silver", include: [F.f(F.tier, .gt, .string("silver"))])
        let bronze = F.segment("bronze", include: [.facet(F.tier, .inList(negated: false, [.string("bronze")]))])
        let found = findings([goldPlus, aboveSilver, bronze])
        XCTAssertTrue(found.contains("every member of gold_plus is also in above_silver"))
        XCTAssertTrue(found.contains("every member of above_silver is also in gold_plus"))
        XCTAssertTrue(found.contains("segments gold_plus and bronze cannot share anyone"))
    }

    func testUnlistedEnumValuesAreNotForgotten() {
        // The data may hold a state the catalog does not list: `state not in [CA, OR, WA]` is not empty.
        let all3: [Value] = ["CA", "OR", "WA"].map { .string($0) }
        let s = F.segment("elsewhere", include: [.facet(F.state, .inList(negated: true, all3))])
        XCTAssertEqual(findings([s]), [])
    }

    func testContainmentThroughSegmentReference() {
        let base = F.segment("west", include: [.facet(F.state, .inList(negated: false, [.string("CA"), .string("OR")]))])
        let narrow = F.segment("west_gold", include: [.inSegment("west"), F.f(F.tier, .eq, .string("gold"))])
        let outside = F.segment("not_west", include: [.not(.inSegment("west"))])
        let found = findings([base, narrow, outside])
        XCTAssertTrue(found.contains("every member of west_gold is also in west"))
        XCTAssertFalse(found.contains("every member of west is also in west_gold"))
        XCTAssertTrue(found.contains("segments west and not_west cannot share anyone"))
        XCTAssertTrue(found.contains("segments west_gold and not_west cannot share anyone"))
    }

    func testRedundantConditions() {
        let s = F.segment("s", include: [F.f(F.age, .gt, .int(30)), F.f(F.age, .gt, .int(20))],
                          exclude: [F.f(F.age, .lt, .int(10)), F.f(F.state, .eq, .string("CA"))])
        let found = findings([s])
        XCTAssertTrue(found.contains("in s, include condition `age > 20` is implied by the other conditions"))
        XCTAssertFalse(found.contains("in s, include condition `age > 30` is implied by the other conditions"))
        XCTAssertTrue(found.contains("in s, exclude condition `age < 10` never removes anyone the other conditions keep"))
        XCTAssertFalse(found.contains { $0.contains("`state = \"CA\"`") })
    }

    func testEventConditionsOnlyWhenClearlyImplied() {
        let outdoor: [(Field, CheckedTest)] = [(F.category, .compare(.eq, .string("Outdoor")))]
        let twoOutdoor = F.segment("two_outdoor", include: [F.has(where: outdoor, F.count(.ge, 2))])
        let any = F.segment("buyers", include: [F.has()])
        let never = F.segment("never", include: [.not(F.has())])
        let bigSpender = F.segment("big", include: [F.has(CheckedAggregate(function: .sum, field: F.amount, test: .compare(.gt, "100")))])
        let fewOrders = F.segment("few", include: [F.has(F.count(.le, 2))])
        let found = findings([twoOutdoor, any, never, bigSpender, fewOrders])
        XCTAssertTrue(found.contains("every member of two_outdoor is also in buyers"))
        XCTAssertTrue(found.contains("segments two_outdoor and never cannot share anyone"))
        XCTAssertTrue(found.contains("every member of big is also in buyers"))
        // `count <= 2` includes people who never bought: no claim against `never`.
        XCTAssertFalse(found.contains { $0.contains("few") })
    }

    func testRelativeWindowsDependOnAsOf() {
        let pinned = CivilDate(year: 2026, month: 3, day: 1)
        let a = F.segment("a", include: [F.has(window: .last(30, .day))], asOf: pinned)
        let b = F.segment("b", include: [.not(F.has(window: .last(30, .day)))])
        let c = F.segment("c", include: [.not(F.has(window: .last(30, .day)))], asOf: pinned)
        let found = findings([a, b, c])
        XCTAssertFalse(found.contains("segments a and b cannot share anyone"))
        XCTAssertTrue(found.contains("segments a and c cannot share anyone"))
    }

    func testOpaqueTestsAreReasonedAboutOnlyByIdentity() {
        let a = F.segment("a", include: [.facet(F.city, .contains("aus"))])
        let b = F.segment("b", include: [.not(.facet(F.city, .contains("aus")))])
        let c = F.segment("c", include: [.facet(F.city, .contains("austin"))])
        let d = F.segment("d", include: [.facet(F.city, .isMissing(negated: false))])
        let found = findings([a, b, c, d])
        XCTAssertTrue(found.contains("segments a and b cannot share anyone"))
        XCTAssertTrue(found.contains("segments a and d cannot share anyone"))
        // "contains aus" and "contains austin" are different tests: nothing is claimed between them.
        for other in ["a", "b"] {
            XCTAssertFalse(found.contains("segments \(other) and c cannot share anyone"))
            XCTAssertFalse(found.contains("every member of c is also in \(other)"))
        }
        XCTAssertTrue(found.contains("segments c and d cannot share anyone"))
    }

    func testWarningsForTheChecker() {
        let s = F.segment("s", include: [F.f(F.age, .gt, .int(60)), F.f(F.age, .lt, .int(30))])
        let t = F.segment("t", include: [F.f(F.age, .gt, .int(30)), F.f(F.age, .gt, .int(20))])
        let w = StaticAnalysis.warnings(F.program([s, t]))
        XCTAssertEqual(w.map(\.code), ["W0701", "W0702"])
        XCTAssertTrue(w.allSatisfy { $0.severity == .warning })
    }

    func testBudgetExhaustionMakesNoClaim() {
        // An empty segment whose proof needs branching, with a budget too small to finish.
        let xs: [CheckedCondition] = [.any([F.f(F.age, .eq, .int(1)), F.f(F.age, .eq, .int(2))]),
                                      .any([F.f(F.age, .eq, .int(3)), F.f(F.age, .eq, .int(4))])]
        XCTAssertEqual(findings([F.segment("big", include: xs)]), ["segment big can never match anyone"])
        let report = StaticAnalysis.analyze(F.program([F.segment("big", include: xs)]), budget: 1)
        XCTAssertEqual(report.findings, [])
        XCTAssertGreaterThan(report.undecided, 0)
    }

    func testExactDecimalComparison() {
        let a = F.segment("a", include: [F.f(F.spend, .gt, .decimal("0.1000000000000000001")), F.f(F.spend, .lt, .decimal("0.1000000000000000002"))])
        let b = F.segment("b", include: [F.f(F.spend, .gt, .decimal("0.1000000000000000001")), F.f(F.spend, .le, .decimal("0.10000000000000000010"))])
        let found = findings([a, b])
        XCTAssertFalse(found.contains("segment a can never match anyone"))
        XCTAssertTrue(found.contains("segment b can never match anyone"))
    }

    func testCountCapsAndWindowContainment() {
        let recent = F.segment("recent", include: [F.has(window: .last(90, .day))])
        let lapsed = F.segment("lapsed", include: [F.has(window: .last(365, .day), F.count(.eq, 0))])
        let fewOutdoor = F.segment("few_outdoor", include: [F.has(where: [(F.category, .compare(.eq, .string("Outdoor")))], F.count(.le, 1))])
        let manyOutdoor = F.segment("many_outdoor", include: [F.has(where: [(F.category, .compare(.eq, .string("Outdoor")))], window: .since(CivilDate(year: 2026, month: 1, day: 1) ?? RandomSegments.days[0]), F.count(.ge, 2))])
        let quarter = F.segment("quarter", include: [F.has(window: .range(CivilDate(year: 2026, month: 1, day: 1) ?? RandomSegments.days[0], CivilDate(year: 2026, month: 1, day: 31) ?? RandomSegments.days[0]))])
        let year = F.segment("year_buyers", include: [F.has(window: .since(CivilDate(year: 2025, month: 6, day: 1) ?? RandomSegments.days[0]))])
        let found = findings([recent, lapsed, fewOutdoor, manyOutdoor, quarter, year])
        XCTAssertTrue(found.contains("segments recent and lapsed cannot share anyone"))
        XCTAssertTrue(found.contains("segments few_outdoor and many_outdoor cannot share anyone"))
        XCTAssertTrue(found.contains("every member of quarter is also in year_buyers"))
        XCTAssertFalse(found.contains("every member of year_buyers is also in quarter"))
        // 90 days back from the run date is within 365 days back, but not within 30.
        let month = F.segment("month", include: [F.has(window: .last(30, .day))])
        XCTAssertTrue(findings([recent, month]).contains("every member of month is also in recent"))
        XCTAssertFalse(findings([recent, month]).contains("every member of recent is also in month"))
    }
}
