import XCTest
import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintStore
import SegmintDemo
@testable import SegmintAnalysis

/// The static analysis against the real pipeline: random segments over the retail catalog,
/// compiled to SQLite by the backend and run on the demo data; every claim must hold there.
/// Also the one-scan overlap query against direct pairwise counts.
final class DemoSoundnessTests: XCTestCase {
    override class func tearDown() { DemoDatabase.removeShared() }

    struct Pools {
        var values: [String: [Value]] = [:]
    }

    private func pools(_ demo: DemoDatabase) throws -> (Pools, [Facet]) {
        var p = Pools()
        let names = ["age", "lifetime_spend", "loyalty_tier", "state", "email_opt_out", "is_employee", "signup_date",
                     "income_band", "city", "churn_score", "order_count", "last_login_at"]
        let facets = names.compactMap { demo.catalog.facet(named: $0) }
        for f in facets {
            switch f.type {
            case .int: p.values[f.name] = try demo.sample(f.column).compactMap { Int64($0) }.map { .int($0) }
            case .decimal: p.values[f.name] = try demo.sample(f.column).map { .decimal($0) }
            case .date, .timestamp: p.values[f.name] = try demo.sample(f.column).compactMap { CivilDate(iso: String($0.prefix(10))) }.map { .date($0) }
            case .bool: p.values[f.name] = [.bool(true), .bool(false)]
            case .string:
                if f.name == "state" { p.values[f.name] = ["CA", "OR", "WA", "TX"].map { .string($0) } }
                else if let vs = f.values { p.values[f.name] = vs.map { .string($0) } }
                else { p.values[f.name] = try demo.sample(f.column, n: 3).map { .string($0) } }
            }
        }
        return (p, facets.filter { !(p.values[$0.name] ?? []).isEmpty })
    }

    private struct Gen {
        var rng: SeededRandom
        let pools: Pools
        let facets: [Facet]
        let catalog: Catalog
        mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

        mutating func facetTest() -> CheckedCondition {
            let f = pick(facets)
            let pool = pools.values[f.name] ?? []
            if chance(0.08) { return .facet(f, .isMissing(negated: chance(0.5))) }
            let canOrder = f.type.isNumeric || f.type.isTemporal || f.ordered
            if f.type.isTemporal && chance(0.3) {
                let w: CheckedWindow = chance(0.5) ? .last(pick([30, 365, 730]), .day) : .since(DemoDatabase.asOf.adding(days: -pick([30, 200, 900])) ?? DemoDatabase.asOf)
                return .facet(f, .window(w))
            }
            switch Int.random(in: 0..<4, using: &rng) {
            case 0 where canOrder: return .facet(f, .compare(pick([.lt, .le, .gt, .ge]), pick(pool)))
            case 1: return .facet(f, .inList(negated: chance(0.5), (0..<Int.random(in: 1...3, using: &rng)).map { _ in pick(pool) }))
            case 2 where canOrder && f.type != .timestamp:
                let a = pick(pool), b = pick(pool)
                return .facet(f, .between(a, b))
            default: return .facet(f, .compare(pick([.eq, .ne]), pick(pool)))
            }
        }

        mutating func event() -> CheckedCondition {
            guard let purchase = catalog.event(named: "purchase"), let category = purchase.field(named: "category") else { return facetTest() }
            var preds: [(Field, CheckedTest)] = []
            if chance(0.5) { preds.append((category, .compare(.eq, .string(pick(["Outdoor", "Grocery"]))))) }
            let w: CheckedWindow? = chance(0.5) ? .last(pick([90, 365]), .day) : nil
            let agg: CheckedAggregate? = chance(0.4) ? CheckedAggregate(function: .count, field: nil, test: .compare(pick([.ge, .le, .eq]), String(pick([0, 1, 2, 5])))) : nil
            return .event(CheckedEventCondition(event: purchase, predicates: preds, window: w, aggregate: agg))
        }

        mutating func condition(_ depth: Int, _ refs: [String]) -> CheckedCondition {
            let r = Double.random(in: 0..<1, using: &rng)
            if depth < 2 && r < 0.08 { return .not(condition(depth + 1, refs)) }
            if depth < 2 && r < 0.18 {
                let xs = (0..<Int.random(in: 1...3, using: &rng)).map { _ in condition(depth + 1, refs) }
                return chance(0.5) ? .all(xs) : .any(xs)
            }
            if !refs.isEmpty && r < 0.26 { return .inSegment(pick(refs)) }
            if r < 0.36 { return event() }
            return facetTest()
        }

        mutating func program() -> CheckedProgram {
            var segs: [CheckedSegment] = []
            for i in 0..<4 {
                let refs = segs.map(\.name)
                let inc = (0..<Int.random(in: 1...3, using: &rng)).map { _ in condition(0, refs) }
                let exc = (0..<Int.random(in: 0...1, using: &rng)).map { _ in condition(0, refs) }
                var s = Fixtures.segment("r\(i)", include: inc, exclude: exc, asOf: chance(0.3) ? DemoDatabase.asOf.adding(days: -10) : nil)
                s.references = refs.filter { r in inc.contains { mentions($0, r) } || exc.contains { mentions($0, r) } }
                segs.append(s)
            }
            return CheckedProgram(catalog: catalog, segments: segs)
        }

        func mentions(_ c: CheckedCondition, _ n: String) -> Bool {
            switch c {
            case .all(let xs), .any(let xs): return xs.contains { mentions($0, n) }
            case .not(let x): return mentions(x, n)
            case .inSegment(let m): return m == n
            default: return false
            }
        }
    }

    func testStaticClaimsHoldOnTheDemoDatabase() throws {
        let demo = try DemoDatabase.shared()
        let (p, facets) = try pools(demo)
        var gen = Gen(rng: SeededRandom(seed: 42), pools: p, facets: facets, catalog: demo.catalog)
        var claims: [StaticFinding.Kind: Int] = [:]
        for trial in 0..<120 {
            let program = gen.program()
            let report = StaticAnalysis.analyze(program)
            var members: [String: Set<String>] = [:]
            for s in program.segments { members[s.name] = try demo.members(program, s) }
            for f in report.findings {
                claims[f.kind, default: 0] += 1
                let a = members[f.segment] ?? []
                let ctx = "trial \(trial): \(f.message)\n" + program.segments.map {
                    "  \($0.name): " + ($0.include ?? []).map(ConditionText.seg).joined(separator: " ; ") + " | exclude " + $0.exclude.map(ConditionText.seg).joined(separator: " ; ")
                }.joined(separator: "\n")
                switch f.kind {
                case .empty: XCTAssertTrue(a.isEmpty, ctx)
                case .disjoint: XCTAssertTrue(a.isDisjoint(with: members[f.other ?? ""] ?? []), ctx)
                case .contained: XCTAssertTrue(a.isSubset(of: members[f.other ?? ""] ?? []), ctx)
                case .redundantInclude, .redundantExclude:
                    guard var seg = program.segment(named: f.segment), let i = f.conditionIndex else { return XCTFail(ctx) }
                    if f.kind == .redundantInclude { seg.include?.remove(at: i) } else { seg.exclude.remove(at: i) }
                    seg.name += "_without"
                    XCTAssertEqual(try demo.members(program, seg), a, ctx)
                }
            }
        }
        for k in [StaticFinding.Kind.empty, .disjoint, .contained, .redundantInclude] {
            XCTAssertGreaterThan(claims[k] ?? 0, 3, "too few \(k) claims: \(claims)")
        }
        print("demo soundness claims checked: \(claims)")
    }

    func testOneScanOverlapMatchesPairwiseCounts() throws {
        let demo = try DemoDatabase.shared()
        let (p, facets) = try pools(demo)
        var gen = Gen(rng: SeededRandom(seed: 9), pools: p, facets: facets, catalog: demo.catalog)
        var segs: [CheckedSegment] = []
        for i in 0..<20 { segs.append(Fixtures.segment("o\(i)", include: [gen.condition(1, []), gen.condition(1, [])].prefix(1 + i % 2).map { $0 })) }
        let program = CheckedProgram(catalog: demo.catalog, segments: segs)
        let names = segs.map(\.name)
        let sql = try SQLCompiler.overlapQuery(program, segments: names, options: demo.options).get()
        let patterns = try OverlapReport.patterns(from: demo.db.query(sql), segments: names.count).get()
        let report = try OverlapReport.derive(segments: names, patterns: patterns).get()
        var sets: [Set<String>] = []
        for s in segs { sets.append(try demo.members(program, s)) }
        for i in 0..<20 {
            XCTAssertEqual(report.sizes[i], sets[i].count)
            for j in 0..<20 { XCTAssertEqual(report.intersections[i][j], sets[i].intersection(sets[j]).count) }
        }
        XCTAssertEqual(report.union, sets.reduce(into: Set<String>()) { $0.formUnion($1) }.count)
        XCTAssertGreaterThan(report.patterns.count, 5)
    }
}
