import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// The set of column states for which a test holds, per facet type. nil when the test is not
/// modelled exactly; the caller then treats it as an opaque atom.
enum FacetSets {
    /// Every non-missing value of the facet's column.
    static func universe(_ f: Facet) -> ValueSet {
        switch f.type {
        case .int, .date: return .intervals(.all(discrete: true))
        case .decimal, .timestamp: return .intervals(.all(discrete: false))
        case .bool: return .finite(Set(0..<2), size: 2)
        case .string:
            // One extra element stands for values the catalog does not list: the data may
            // hold them even though literals may not, and a claim must survive them.
            if let vs = f.values { return .finite(Set(0...vs.count), size: vs.count + 1) }
            return .strings([], included: false)
        }
    }

    static func holds(_ f: Facet, _ t: CheckedTest, asOf: CivilDate?) -> FacetSet? {
        guard let values = valueSet(f, t, asOf: asOf) else {
            if case .isMissing(let neg) = t {
                return neg ? FacetSet(missing: false, values: universe(f))
                           : FacetSet(missing: f.nullable, values: universe(f).complement())
            }
            return nil
        }
        return FacetSet(missing: false, values: values)
    }

    private static func valueSet(_ f: Facet, _ t: CheckedTest, asOf: CivilDate?) -> ValueSet? {
        switch f.type {
        case .int, .decimal, .date, .timestamp: return numeric(f, t, asOf: asOf)
        case .bool: return boolean(t)
        case .string: return f.values == nil ? freeString(t) : enumerated(f, t)
        }
    }

    // MARK: numbers, dates, timestamps

    private static func number(_ v: Value) -> ExactNumber? {
        switch v {
        case .int(let i): return ExactNumber(String(i))
        case .decimal(let d): return ExactNumber(d)
        case .date(let d): return ExactNumber(d.daysSinceEpoch)
        case .string, .bool: return nil
        }
    }

    private static func numeric(_ f: Facet, _ t: CheckedTest, asOf: CivilDate?) -> ValueSet? {
        let discrete = f.type == .int || f.type == .date
        func iv(_ lo: ExactNumber?, _ loClosed: Bool, _ hi: ExactNumber?, _ hiClosed: Bool) -> ValueSet {
            .intervals(IntervalSet([Interval(lo: lo.map { Bound(value: $0, closed: loClosed) },
                                             hi: hi.map { Bound(value: $0, closed: hiClosed) })], discrete: discrete))
        }
        switch t {
        case .compare(let op, let v):
            guard let n = number(v) else { return nil }
            switch op {
            case .eq: return .intervals(.point(n, discrete: discrete))
            case .ne: return .intervals(IntervalSet.point(n, discrete: discrete).complement())
            case .lt: return iv(nil, false, n, false)
            case .le: return iv(nil, false, n, true)
            case .gt: return iv(n, false, nil, false)
            case .ge: return iv(n, true, nil, false)
            }
        case .inList(let neg, let vs):
            var pts: [Interval] = []
            for v in vs {
                guard let n = number(v) else { return nil }
                pts.append(Interval(lo: Bound(value: n, closed: true), hi: Bound(value: n, closed: true)))
            }
            let s = IntervalSet(pts, discrete: discrete)
            return .intervals(neg ? s.complement() : s)
        case .between(let a, let b):
            guard let x = number(a), let y = number(b) else { return nil }
            return iv(x, true, y, true)
        case .window(let w):
            guard f.type.isTemporal, let (lo, hi) = windowDays(w, asOf: asOf, dateColumn: f.type == .date) else { return nil }
            return iv(lo.map { ExactNumber($0) }, true, hi.map { ExactNumber($0) }, false)
        case .contains, .startsWith, .isMissing: return nil
        }
    }

    /// A window as half-open day numbers [lo, hi) (nil = unbounded). `last N` needs a pinned
    /// as-of; without one it resolves at run time and is not modelled here.
    static func windowDays(_ w: CheckedWindow, asOf: CivilDate?, dateColumn: Bool) -> (Int?, Int?)? {
        switch w {
        case .since(let d): return (d.daysSinceEpoch, nil)
        case .before(let d): return (nil, d.daysSinceEpoch)
        case .range(let a, let b): return (a.daysSinceEpoch, b.daysSinceEpoch + 1)
        case .fiscal(let s, let e, _): return (s.daysSinceEpoch, e.daysSinceEpoch)
        case .last(let n, let unit):
            guard let d = asOf, let end = d.adding(days: 1) else { return nil }
            let start: CivilDate?
            switch unit {
            case .day: start = end.adding(days: -n)
            case .week: start = end.adding(days: -7 * n)
            case .month: start = end.adding(months: -n)
            case .year: start = end.adding(months: -12 * n)
            }
            guard let s = start else { return nil }
            return (s.daysSinceEpoch, end.daysSinceEpoch)
        }
    }

    // MARK: booleans and strings

    private static func boolean(_ t: CheckedTest) -> ValueSet? {
        func idx(_ v: Value) -> Int? { if case .bool(let b) = v { return b ? 1 : 0 }; return nil }
        switch t {
        case .compare(.eq, let v): return idx(v).map { .finite([$0], size: 2) }
        case .compare(.ne, let v): return idx(v).map { .finite([1 - $0], size: 2) }
        case .inList(let neg, let vs):
            var s = Set<Int>()
            for v in vs { guard let i = idx(v) else { return nil }; s.insert(i) }
            return .finite(neg ? Set(0..<2).subtracting(s) : s, size: 2)
        default: return nil
        }
    }

    private static func enumerated(_ f: Facet, _ t: CheckedTest) -> ValueSet? {
        guard let listed = f.values else { return nil }
        let size = listed.count + 1
        let all = Set(0..<size)
        func idx(_ v: Value) -> Int? { if case .string(let s) = v { return listed.firstIndex(of: s) }; return nil }
        switch t {
        case .compare(let op, let v):
            guard let i = idx(v) else { return nil }
            switch op {
            case .eq: return .finite([i], size: size)
            case .ne: return .finite(all.subtracting([i]), size: size)
            // Ordering is the catalog's list order and says nothing about unlisted values.
            case .lt where f.ordered: return .finite(Set(0..<i), size: size)
            case .le where f.ordered: return .finite(Set(0...i), size: size)
            case .gt where f.ordered: return .finite(Set((i + 1)..<listed.count), size: size)
            case .ge where f.ordered: return .finite(Set(i..<listed.count), size: size)
            default: return nil
            }
        case .inList(let neg, let vs):
            var s = Set<Int>()
            for v in vs { guard let i = idx(v) else { return nil }; s.insert(i) }
            return .finite(neg ? all.subtracting(s) : s, size: size)
        case .between(let a, let b):
            guard f.ordered, let i = idx(a), let j = idx(b) else { return nil }
            return .finite(i <= j ? Set(i...j) : [], size: size)
        default: return nil
        }
    }

    private static func freeString(_ t: CheckedTest) -> ValueSet? {
        func str(_ v: Value) -> String? { if case .string(let s) = v { return s }; return nil }
        switch t {
        case .compare(.eq, let v): return str(v).map { .strings([$0], included: true) }
        case .compare(.ne, let v): return str(v).map { .strings([$0], included: false) }
        case .inList(let neg, let vs):
            var s = Set<String>()
            for v in vs { guard let x = str(v) else { return nil }; s.insert(x) }
            return .strings(s, included: !neg)
        default: return nil
        }
    }
}

/// Canonical text for atoms: two conditions get the same key only when they mean the same
/// set. Relative windows include the as-of they resolve against.
enum Keys {
    static func window(_ w: CheckedWindow, asOf: CivilDate?) -> String {
        // Fiscal windows are keyed by their bounds, not by their label.
        if case .fiscal(let s, let e, _) = w { return "during [\(s), \(e))" }
        let text = ConditionText.window(w)
        if case .last = w { return text + " @" + (asOf?.description ?? "run-date") }
        return text
    }

    static func test(_ t: CheckedTest, asOf: CivilDate?) -> String {
        if case .window(let w) = t { return window(w, asOf: asOf) }
        return ConditionText.test(t)
    }

    static func atom(_ e: CheckedEventCondition, asOf: CivilDate?) -> EventAtom {
        let preds = e.predicates.map { "\($0.0.name) \(test($0.1, asOf: asOf))" }
        let win = e.window.map { window($0, asOf: asOf) }
        var key = "has \(e.event.name) where " + preds.sorted().joined(separator: " and ")
        if let w = win { key += " " + w }
        key += " " + (e.aggregate.map(ConditionText.aggregate) ?? "count >= 1")
        let (minCount, exact) = counts(e.aggregate)
        return EventAtom(key: key, event: e.event.name, predicates: Set(preds), window: span(e.window, asOf: asOf),
                         minCount: minCount, maxCount: maxCount(e.aggregate), exactAtLeast: exact)
    }

    static func span(_ w: CheckedWindow?, asOf: CivilDate?) -> WindowSpan {
        guard let w = w else { return .all }
        if let (lo, hi) = FacetSets.windowDays(w, asOf: asOf, dateColumn: false) { return .days(lo: lo, hi: hi) }
        if case .last(let n, let unit) = w {
            let asOfKey = asOf?.description ?? "run-date"
            switch unit {
            case .day: return .relative(amount: n, monthly: false, asOf: asOfKey)
            case .week: return .relative(amount: 7 * n, monthly: false, asOf: asOfKey)
            case .month: return .relative(amount: n, monthly: true, asOf: asOfKey)
            case .year: return .relative(amount: 12 * n, monthly: true, asOf: asOfKey)
            }
        }
        return .opaque(window(w, asOf: asOf))
    }

    /// An upper bound on matching events when a count test holds.
    private static func maxCount(_ a: CheckedAggregate?) -> Int64? {
        guard let a = a, a.function == .count else { return nil }
        func int(_ s: String) -> Int64? { ExactNumber(s)?.int64 }
        switch a.test {
        case .compare(.eq, let n), .compare(.le, let n): return int(n)
        case .compare(.lt, let n): return int(n).flatMap { $0 > Int64.min ? $0 - 1 : nil }
        case .between(_, let hi): return int(hi)
        default: return nil
        }
    }

    /// What an aggregate says about the number of matching events.
    private static func counts(_ a: CheckedAggregate?) -> (min: Int64?, exact: Int64?) {
        guard let a = a else { return (1, 1) }
        func int(_ s: String) -> Int64? { ExactNumber(s)?.int64 }
        switch (a.function, a.test) {
        case (.count, .compare(.ge, let n)): return (int(n), int(n))
        case (.count, .compare(.gt, let n)): let k = int(n).flatMap { $0 < Int64.max ? $0 + 1 : nil }; return (k, k)
        case (.count, .compare(.eq, let n)): return (int(n), nil)
        case (.count, .between(let lo, _)): return (int(lo), nil)
        case (.countDistinct, .compare(.ge, let n)): return (int(n), nil)
        case (.countDistinct, .compare(.gt, let n)): return (int(n).flatMap { $0 < Int64.max ? $0 + 1 : nil }, nil)
        case (.countDistinct, .compare(.eq, let n)): return (int(n), nil)
        case (.countDistinct, .between(let lo, _)): return (int(lo), nil)
        // sum/avg/min/max are missing without a non-missing value, and missing compares
        // false: any test on them holding means at least one matching event.
        case (.sum, _), (.avg, _), (.min, _), (.max, _): return (1, nil)
        default: return (nil, nil)
        }
    }
}
