import SegmintCore
import SegmintCatalog
import SegmintSyntax
import SegmintCheck

/// SplitMix64: a small seeded generator so random tests are reproducible.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random data and random segments over `Fixtures.catalog`, drawn from small pools so that
/// boundaries, missing values, unlisted enum values and contradictions occur often.
struct RandomSegments {
    var rng: SeededRandom
    static let days = ["2025-11-30", "2025-12-31", "2026-01-15", "2026-02-01", "2026-02-14", "2026-03-01"].compactMap { CivilDate(iso: $0) }

    init(seed: UInt64) { rng = SeededRandom(seed: seed) }

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

    // MARK: data

    mutating func entities(_ n: Int) -> [TestEntity] {
        (0..<n).map { _ in entity() }
    }

    mutating func entity() -> TestEntity {
        var f: [String: Value] = [:]
        func maybe(_ v: Value?) -> Value? { v }
        f["age"] = pick([Int64?]([nil, 17, 18, 19, 25, 29, 30, 31, 40, 59, 60, 61]).map { $0.map { Value.int($0) } })
        f["lifetime_spend"] = pick([nil, "99.99", "100", "100.5", "250", "500", "500.01"].map { $0.map { Value.decimal($0) } })
        f["loyalty_tier"] = pick([nil, "bronze", "silver", "gold", "platinum", "diamond"].map { $0.map { Value.string($0) } })
        f["state"] = pick([nil, "CA", "OR", "WA", "TX"].map { $0.map { Value.string($0) } })
        f["city"] = pick([nil, "Austin", "Boston", "Denver", "austin"].map { $0.map { Value.string($0) } })
        f["email_opt_out"] = pick([nil, true, false].map { $0.map { Value.bool($0) } })
        f["is_employee"] = .bool(chance(0.3))
        f["signup_date"] = chance(0.15) ? nil : .date(pick(RandomSegments.days).adding(days: pick([-1, 0, 1, 10])) ?? RandomSegments.days[0])
        var ps: [TestPurchase] = []
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            let day = (pick(RandomSegments.days).adding(days: Int.random(in: -40...5, using: &rng)) ?? RandomSegments.days[0]).daysSinceEpoch
            var fields: [String: Value] = [:]
            fields["category"] = pick([nil, "Outdoor", "Grocery", "Toys", "Other"].map { $0.map { Value.string($0) } })
            fields["amount"] = pick([nil, "10", "50", "120.5"].map { $0.map { Value.decimal($0) } })
            ps.append(TestPurchase(day: day, fields: fields))
        }
        return TestEntity(facets: f, purchases: ps)
    }

    // MARK: segments

    mutating func program(segments n: Int) -> CheckedProgram {
        var segs: [CheckedSegment] = []
        for i in 0..<n {
            let earlier = segs.map(\.name)
            let inc = (0..<Int.random(in: 1...3, using: &rng)).map { _ in condition(depth: 0, refs: earlier) }
            let exc = (0..<Int.random(in: 0...1, using: &rng)).map { _ in condition(depth: 0, refs: earlier) }
            let asOf: CivilDate? = chance(0.5) ? CivilDate(year: 2026, month: 3, day: 1) : nil
            segs.append(Fixtures.segment("s\(i)", include: chance(0.1) ? nil : inc, exclude: exc, asOf: asOf))
        }
        return Fixtures.program(segs)
    }

    mutating func condition(depth: Int, refs: [String]) -> CheckedCondition {
        let r = Double.random(in: 0..<1, using: &rng)
        if depth < 2 && r < 0.08 { return .not(condition(depth: depth + 1, refs: refs)) }
        if depth < 2 && r < 0.18 {
            let xs = (0..<Int.random(in: 0...3, using: &rng)).map { _ in condition(depth: depth + 1, refs: refs) }
            return chance(0.5) ? .all(xs) : .any(xs)
        }
        if !refs.isEmpty && r < 0.28 { return .inSegment(pick(refs)) }
        if r < 0.42 { return event() }
        return facetTest()
    }

    mutating func window() -> CheckedWindow {
        let d = pick(RandomSegments.days), e = pick(RandomSegments.days)
        switch Int.random(in: 0..<5, using: &rng) {
        case 0: return .last(pick([1, 14, 30]), pick([.day, .week, .month]))
        case 1: return .since(d)
        case 2: return .before(d)
        case 3: return .range(min(d, e), max(d, e))
        default: return .fiscal(start: min(d, e), end: max(d, e), label: "fiscal_quarter 2026 Q1")
        }
    }

    mutating func event() -> CheckedCondition {
        var preds: [(Field, CheckedTest)] = []
        if chance(0.5) { preds.append((Fixtures.category, .compare(pick([.eq, .ne]), .string(pick(["Outdoor", "Grocery"]))))) }
        if chance(0.2) { preds.append((Fixtures.amount, .compare(.ge, .decimal("50")))) }
        let w: CheckedWindow? = chance(0.4) ? window() : nil
        var agg: CheckedAggregate? = nil
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: agg = Fixtures.count(pick([.ge, .gt, .eq, .le]), Int.random(in: 0...2, using: &rng))
        case 1: agg = CheckedAggregate(function: .sum, field: Fixtures.amount, test: .compare(pick([.gt, .lt]), "60"))
        case 2: agg = CheckedAggregate(function: .countDistinct, field: Fixtures.category, test: .compare(.ge, "2"))
        default: break
        }
        return Fixtures.has(where: preds, window: w, agg)
    }

    mutating func op() -> ComparisonOp { pick(ComparisonOp.allCases) }

    mutating func list<T>(_ pool: [T]) -> [T] { (0..<Int.random(in: 1...3, using: &rng)).map { _ in pick(pool) } }

    mutating func facetTest() -> CheckedCondition {
        if chance(0.1) {
            let f = pick([Fixtures.age, Fixtures.spend, Fixtures.tier, Fixtures.state, Fixtures.city, Fixtures.optOut, Fixtures.employee, Fixtures.signup])
            return .facet(f, .isMissing(negated: chance(0.5)))
        }
        switch Int.random(in: 0..<8, using: &rng) {
        case 0:
            let pool = [18, 25, 30, 60].map { Value.int(Int64($0)) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .facet(Fixtures.age, .compare(op(), pick(pool)))
            case 1: return .facet(Fixtures.age, .inList(negated: chance(0.5), list(pool)))
            default: return .facet(Fixtures.age, .between(pick(pool), pick(pool)))
            }
        case 1:
            let pool = ["100", "100.50", "500"].map { Value.decimal($0) }
            return chance(0.8) ? .facet(Fixtures.spend, .compare(op(), pick(pool))) : .facet(Fixtures.spend, .between(pick(pool), pick(pool)))
        case 2:
            let pool = ["bronze", "silver", "gold", "platinum"].map { Value.string($0) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .facet(Fixtures.tier, .compare(op(), pick(pool)))
            case 1: return .facet(Fixtures.tier, .inList(negated: chance(0.5), list(pool)))
            default: return .facet(Fixtures.tier, .between(pick(pool), pick(pool)))
            }
        case 3:
            let pool = ["CA", "OR", "WA"].map { Value.string($0) }
            return chance(0.5) ? .facet(Fixtures.state, .compare(pick([.eq, .ne]), pick(pool)))
                               : .facet(Fixtures.state, .inList(negated: chance(0.5), list(pool)))
        case 4:
            let pool = ["Austin", "Boston"].map { Value.string($0) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: return .facet(Fixtures.city, .compare(pick([.eq, .ne]), pick(pool)))
            case 1: return .facet(Fixtures.city, .inList(negated: chance(0.5), list(pool)))
            default: return .facet(Fixtures.city, chance(0.5) ? .contains("aus") : .startsWith("Bo"))
            }
        case 5: return .facet(Fixtures.optOut, .compare(pick([.eq, .ne]), .bool(chance(0.5))))
        case 6: return .facet(Fixtures.employee, .compare(pick([.eq, .ne]), .bool(chance(0.5))))
        default:
            return chance(0.5) ? .facet(Fixtures.signup, .window(window()))
                               : .facet(Fixtures.signup, .compare(op(), .date(pick(RandomSegments.days))))
        }
    }
}
