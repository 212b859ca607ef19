import SegmintCore
import SegmintCatalog
import SegmintCheck

/// A segment's membership test in negation normal form over literals the search understands.
/// Two-valued logic (spec §3) is exact here: a test's set never holds `missing` (except
/// `is missing`), and a negated test is the complement of that set, which does hold it.
indirect enum Formula {
    case and([Formula])
    case or([Formula])
    case constant(Bool)
    /// The facet's column lies in `set`.
    case facet(name: String, set: FacetSet)
    /// A test the value domains cannot model (contains, relative windows): reasoned about
    /// only by identity with the same test elsewhere.
    case opaque(key: String, positive: Bool)
    case event(EventAtom, positive: Bool)
}

/// Which events a window admits, as far as the analysis can tell.
enum WindowSpan: Hashable {
    /// No window: every event.
    case all
    /// Half-open day numbers [lo, hi); nil = unbounded.
    case days(lo: Int?, hi: Int?)
    /// `last N` against an unknown as-of: N days (or months) back from the same run date.
    case relative(amount: Int, monthly: Bool, asOf: String)
    /// Nothing known beyond identity.
    case opaque(String)

    /// Whether every event inside `inner` is inside `self`.
    func covers(_ inner: WindowSpan) -> Bool {
        if self == inner { return true }
        switch (self, inner) {
        case (.all, _): return true
        case (.days(let lo, let hi), .days(let ilo, let ihi)):
            let loOK = lo.map { l in ilo.map { l <= $0 } ?? false } ?? true
            let hiOK = hi.map { h in ihi.map { $0 <= h } ?? false } ?? true
            return loOK && hiOK
        case (.relative(let n, let m, let a), .relative(let k, let m2, let a2)):
            // Stepping further back from the same end never moves the start later.
            return m == m2 && a == a2 && k <= n
        default: return false
        }
    }
}

/// An event condition as an opaque atom, plus what it clearly says about the number of
/// matching events: "the events of `event` satisfying `predicates` in `window`".
struct EventAtom: Hashable {
    var key: String
    var event: String
    var predicates: Set<String>
    var window: WindowSpan
    /// A lower bound on matching events whenever the atom holds (nil: none known).
    var minCount: Int64?
    /// An upper bound on matching events whenever the atom holds (`count = k`, `<= k`, …).
    var maxCount: Int64?
    /// When the atom means exactly "count >= k" (plain `has`, `count >= k`, `count > k`): k.
    var exactAtLeast: Int64?

    /// Whether every event `self` counts is also counted by `other`.
    func eventsWithin(_ other: EventAtom) -> Bool {
        event == other.event && other.predicates.isSubset(of: predicates) && other.window.covers(window)
    }

    /// Whether every entity satisfying `self` satisfies `other` (sound, not complete).
    func implies(_ other: EventAtom) -> Bool {
        if key == other.key { return true }
        guard eventsWithin(other), let need = other.exactAtLeast, let have = minCount else { return false }
        return have >= need
    }

    /// Whether `self` and `other` cannot both hold: one counts a subset of the other's events
    /// but needs more of them than the other allows.
    func excludes(_ other: EventAtom) -> Bool {
        if eventsWithin(other), let have = minCount, let cap = other.maxCount, have > cap { return true }
        if other.eventsWithin(self), let have = other.minCount, let cap = maxCount, have > cap { return true }
        return false
    }
}

/// Builds formulas for the segments of one program. Segment references are inlined with
/// the referenced segment's own as-of (a segment never takes its as-of from a referrer).
struct FormulaBuilder {
    let program: CheckedProgram
    /// Guards against reference chains the checker should have rejected.
    private let maxDepth = 64

    init(program: CheckedProgram) { self.program = program }

    func segment(_ name: String, positive: Bool = true) -> Formula {
        segment(name, positive: positive, depth: 0)
    }

    /// The formula of one condition as it appears in `segment` (for redundancy checks).
    func condition(_ c: CheckedCondition, in seg: CheckedSegment, positive: Bool) -> Formula {
        lower(c, asOf: seg.asOf, positive: positive, depth: 0)
    }

    /// include ∧ ¬exclude, optionally leaving out one include or exclude condition.
    func body(of seg: CheckedSegment, skipInclude: Int? = nil, skipExclude: Int? = nil) -> Formula {
        var parts: [Formula] = []
        for (i, c) in (seg.include ?? []).enumerated() where i != skipInclude {
            parts.append(lower(c, asOf: seg.asOf, positive: true, depth: 0))
        }
        for (i, c) in seg.exclude.enumerated() where i != skipExclude {
            parts.append(lower(c, asOf: seg.asOf, positive: false, depth: 0))
        }
        return .and(parts)
    }

    private func segment(_ name: String, positive: Bool, depth: Int) -> Formula {
        guard depth < maxDepth, let seg = program.segment(named: name) else {
            return .opaque(key: "segment \(name)", positive: positive)
        }
        // include ∧ ¬exclude, or its negation ¬include ∨ exclude, lowered leaf by leaf.
        var parts: [Formula] = []
        for c in seg.include ?? [] { parts.append(lower(c, asOf: seg.asOf, positive: positive, depth: depth + 1)) }
        for c in seg.exclude { parts.append(lower(c, asOf: seg.asOf, positive: !positive, depth: depth + 1)) }
        return positive ? .and(parts) : .or(parts)
    }

    private func lower(_ c: CheckedCondition, asOf: CivilDate?, positive: Bool, depth: Int) -> Formula {
        switch c {
        case .all(let xs):
            let parts = xs.map { lower($0, asOf: asOf, positive: positive, depth: depth) }
            return positive ? .and(parts) : .or(parts)
        case .any(let xs):
            let parts = xs.map { lower($0, asOf: asOf, positive: positive, depth: depth) }
            return positive ? .or(parts) : .and(parts)
        case .not(let x):
            return lower(x, asOf: asOf, positive: !positive, depth: depth)
        case .inSegment(let n):
            return segment(n, positive: positive, depth: depth + 1)
        case .facet(let f, let t):
            guard let set = FacetSets.holds(f, t, asOf: asOf) else {
                let key = "\(f.name) \(Keys.test(t, asOf: asOf))"
                if positive {
                    // A test that holds implies a value is present (missing compares false).
                    let present = FacetSet(missing: false, values: FacetSets.universe(f))
                    return .and([.opaque(key: key, positive: true), .facet(name: f.name, set: present)])
                }
                return .opaque(key: key, positive: false)
            }
            return .facet(name: f.name, set: positive ? set : set.complement(nullable: f.nullable))
        case .event(let e):
            return .event(Keys.atom(e, asOf: asOf), positive: positive)
        }
    }
}
