// The possible states of one facet column: missing (NULL) or a value, and the set algebra
// the satisfiability search runs on. Each facet type gets the representation that makes
// its tests exact; a test that cannot be represented exactly (contains, starts_with, a
// `last N` window without a pinned as-of) is left to opaque reasoning instead.

/// Finite universes (bool, enumerated strings) as index sets; numbers and dates as interval
/// unions; free-form strings as a finite set or the complement of one.
enum ValueSet: Hashable {
    case intervals(IntervalSet)
    /// Indices into a universe of `size` elements.
    case finite(Set<Int>, size: Int)
    /// `included == true`: exactly these strings; false: every string except these.
    case strings(Set<String>, included: Bool)

    var isEmpty: Bool {
        switch self {
        case .intervals(let s): return s.isEmpty
        case .finite(let s, _): return s.isEmpty
        case .strings(let s, let inc): return inc && s.isEmpty
        }
    }

    func complement() -> ValueSet {
        switch self {
        case .intervals(let s): return .intervals(s.complement())
        case .finite(let s, let n): return .finite(Set(0..<n).subtracting(s), size: n)
        case .strings(let s, let inc): return .strings(s, included: !inc)
        }
    }

    /// nil when the two sets come from different representations (never for one facet).
    func intersection(_ o: ValueSet) -> ValueSet? {
        switch (self, o) {
        case (.intervals(let a), .intervals(let b)): return .intervals(a.intersection(b))
        case (.finite(let a, let n), .finite(let b, let m)) where n == m: return .finite(a.intersection(b), size: n)
        case (.strings(let a, true), .strings(let b, true)): return .strings(a.intersection(b), included: true)
        case (.strings(let a, true), .strings(let b, false)): return .strings(a.subtracting(b), included: true)
        case (.strings(let a, false), .strings(let b, true)): return .strings(b.subtracting(a), included: true)
        case (.strings(let a, false), .strings(let b, false)): return .strings(a.union(b), included: false)
        default: return nil
        }
    }
}

/// A subset of {missing} ∪ values for one facet.
struct FacetSet: Hashable {
    var missing: Bool
    var values: ValueSet

    var isEmpty: Bool { !missing && values.isEmpty }

    func intersection(_ o: FacetSet) -> FacetSet? {
        guard let v = values.intersection(o.values) else { return nil }
        return FacetSet(missing: missing && o.missing, values: v)
    }

    /// The complement within the facet's universe (`nullable` says whether missing is in it).
    func complement(nullable: Bool) -> FacetSet {
        FacetSet(missing: nullable && !missing, values: values.complement())
    }
}
