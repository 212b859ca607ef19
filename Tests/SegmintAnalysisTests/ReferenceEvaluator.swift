import SegmintCore
import SegmintCatalog
import SegmintCheck

/// One entity of the in-memory test data: facet values (nil = missing) and purchases.
struct TestEntity {
    var facets: [String: Value]
    var purchases: [TestPurchase]
}

struct TestPurchase {
    var day: Int
    var fields: [String: Value]
}

/// A direct, independent implementation of spec §3 over in-memory rows (numbers compared as
/// Double, which is exact for the test data's values). It is the oracle the static analysis
/// claims are checked against.
struct ReferenceEvaluator {
    let program: CheckedProgram
    /// The run's as-of for segments without a pinned one.
    let runDate: CivilDate

    func members(_ name: String, in data: [TestEntity]) -> Set<Int> {
        var out = Set<Int>()
        for (i, e) in data.enumerated() where inSegment(name, e) { out.insert(i) }
        return out
    }

    func inSegment(_ name: String, _ e: TestEntity) -> Bool {
        guard let s = program.segment(named: name) else { return false }
        return holds(s, e)
    }

    func holds(_ s: CheckedSegment, _ e: TestEntity, skipInclude: Int? = nil, skipExclude: Int? = nil) -> Bool {
        let asOf = s.asOf ?? runDate
        for (i, c) in (s.include ?? []).enumerated() where i != skipInclude && !eval(c, e, asOf) { return false }
        for (i, c) in s.exclude.enumerated() where i != skipExclude && eval(c, e, asOf) { return false }
        return true
    }

    func eval(_ c: CheckedCondition, _ e: TestEntity, _ asOf: CivilDate) -> Bool {
        switch c {
        case .all(let xs): return xs.allSatisfy { eval($0, e, asOf) }
        case .any(let xs): return xs.contains { eval($0, e, asOf) }
        case .not(let x): return !eval(x, e, asOf)
        case .inSegment(let n): return inSegment(n, e)
        case .facet(let f, let t): return test(t, e.facets[f.name], asOf: asOf, ordered: f.ordered ? f.values : nil)
        case .event(let ev): return event(ev, e, asOf)
        }
    }

    private func number(_ v: Value) -> Double? {
        switch v {
        case .int(let i): return Double(i)
        case .decimal(let d): return Double(d)
        case .date(let d): return Double(d.daysSinceEpoch)
        default: return nil
        }
    }

    /// Compares two present values: numbers/dates numerically, ordered strings by list position.
    private func compare(_ a: Value, _ b: Value, ordered: [String]?) -> Int? {
        if let x = number(a), let y = number(b) { return x < y ? -1 : (x > y ? 1 : 0) }
        if case .string(let s) = a, case .string(let t) = b {
            if let order = ordered {
                guard let i = order.firstIndex(of: s), let j = order.firstIndex(of: t) else { return s == t ? 0 : nil }
                return i < j ? -1 : (i > j ? 1 : 0)
            }
            return s == t ? 0 : 2   // 2: unequal, unordered
        }
        if case .bool(let p) = a, case .bool(let q) = b { return p == q ? 0 : 2 }
        return nil
    }

    func test(_ t: CheckedTest, _ v: Value?, asOf: CivilDate, ordered: [String]? = nil) -> Bool {
        if case .isMissing(let neg) = t { return neg ? v != nil : v == nil }
        guard let v = v else { return false }
        switch t {
        case .compare(let op, let lit):
            guard let c = compare(v, lit, ordered: ordered) else { return false }
            switch op {
            case .eq: return c == 0
            case .ne: return c != 0
            case .lt: return c == -1
            case .le: return c == -1 || c == 0
            case .gt: return c == 1
            case .ge: return c == 1 || c == 0
            }
        case .inList(let neg, let vs):
            let found = vs.contains { compare(v, $0, ordered: ordered) == 0 }
            return neg ? !found : found
        case .between(let a, let b):
            guard let x = compare(v, a, ordered: ordered), let y = compare(v, b, ordered: ordered) else { return false }
            return (x == 0 || x == 1) && (y == 0 || y == -1)
        case .contains(let p):
            guard case .string(let s) = v else { return false }
            return s.lowercased().contains(p.lowercased())
        case .startsWith(let p):
            guard case .string(let s) = v else { return false }
            return s.lowercased().hasPrefix(p.lowercased())
        case .window(let w):
            guard case .date(let d) = v else { return false }
            return inWindow(d.daysSinceEpoch, w, asOf: asOf)
        case .isMissing: return false
        }
    }

    func inWindow(_ day: Int, _ w: CheckedWindow, asOf: CivilDate) -> Bool {
        switch w {
        case .since(let d): return day >= d.daysSinceEpoch
        case .before(let d): return day < d.daysSinceEpoch
        case .range(let a, let b): return day >= a.daysSinceEpoch && day <= b.daysSinceEpoch
        case .fiscal(let s, let e, _): return day >= s.daysSinceEpoch && day < e.daysSinceEpoch
        case .last(let n, let u):
            guard let end = asOf.adding(days: 1) else { return false }
            let start: CivilDate?
            switch u {
            case .day: start = end.adding(days: -n)
            case .week: start = end.adding(days: -7 * n)
            case .month: start = end.adding(months: -n)
            case .year: start = end.adding(months: -12 * n)
            }
            guard let s = start else { return false }
            return day >= s.daysSinceEpoch && day < end.daysSinceEpoch
        }
    }

    private func event(_ ev: CheckedEventCondition, _ e: TestEntity, _ asOf: CivilDate) -> Bool {
        let rows = e.purchases.filter { p in
            ev.predicates.allSatisfy { test($0.1, p.fields[$0.0.name], asOf: asOf, ordered: $0.0.ordered ? $0.0.values : nil) }
                && (ev.window.map { inWindow(p.day, $0, asOf: asOf) } ?? true)
        }
        guard let agg = ev.aggregate else { return !rows.isEmpty }
        let value: Double?
        let nums = rows.compactMap { r in agg.field.flatMap { r.fields[$0.name] }.flatMap(number) }
        switch agg.function {
        case .count: value = Double(rows.count)
        case .sum: value = nums.isEmpty ? nil : nums.reduce(0, +)
        case .avg: value = nums.isEmpty ? nil : nums.reduce(0, +) / Double(nums.count)
        case .min: value = nums.min()
        case .max: value = nums.max()
        case .countDistinct:
            value = Double(Set(rows.compactMap { r in agg.field.flatMap { r.fields[$0.name] }.map(\.description) }).count)
        }
        guard let x = value else { return false }
        switch agg.test {
        case .compare(let op, let n):
            guard let y = Double(n) else { return false }
            switch op {
            case .eq: return x == y
            case .ne: return x != y
            case .lt: return x < y
            case .le: return x <= y
            case .gt: return x > y
            case .ge: return x >= y
            }
        case .between(let a, let b):
            guard let lo = Double(a), let hi = Double(b) else { return false }
            return x >= lo && x <= hi
        }
    }
}
