/// The answer of a bounded search. `unknown` (budget exhausted) is treated like
/// `satisfiable` by every caller: the analysis only ever claims what `unsatisfiable` proves.
enum SatResult: Equatable { case satisfiable, unsatisfiable, unknown }

/// A depth-first search for one assignment of column states and atom truth values that
/// makes a formula true. Literals are applied before branching on `or` so contradictions
/// prune early; a step budget keeps pathological inputs (huge `any` nests) bounded.
struct SatSearch {
    private(set) var steps = 0
    let budget: Int

    init(budget: Int = 200_000) { self.budget = budget }

    private struct State {
        var facets: [String: FacetSet] = [:]
        var opaque: [String: Bool] = [:]
        var events: [(EventAtom, Bool)] = []

        /// nil when the literal contradicts what is already assumed.
        func adding(_ f: Formula) -> State? {
            var s = self
            switch f {
            case .facet(let name, let set):
                if let cur = s.facets[name] {
                    // Different representations for one facet cannot happen; stay sound anyway.
                    guard let meet = cur.intersection(set) else { return s }
                    if meet.isEmpty { return nil }
                    s.facets[name] = meet
                } else {
                    if set.isEmpty { return nil }
                    s.facets[name] = set
                }
            case .opaque(let k, let p):
                if let cur = s.opaque[k], cur != p { return nil }
                s.opaque[k] = p
            case .event(let a, let p):
                for (b, q) in s.events {
                    if p && !q && a.implies(b) { return nil }
                    if !p && q && b.implies(a) { return nil }
                    if p && q && a.excludes(b) { return nil }
                }
                s.events.append((a, p))
            case .and, .or, .constant: break
            }
            return s
        }
    }

    mutating func solve(_ f: Formula) -> SatResult {
        steps = 0
        return search([f], State())
    }

    private mutating func search(_ goals: [Formula], _ state: State) -> SatResult {
        steps += 1
        if steps > budget { return .unknown }
        var goals = goals
        var state = state
        var ors: [[Formula]] = []
        // Flatten conjunctions and apply every literal; collect disjunctions for branching.
        while let g = goals.popLast() {
            switch g {
            case .and(let xs): goals.append(contentsOf: xs)
            case .constant(true): continue
            case .constant(false): return .unsatisfiable
            case .or(let xs):
                if xs.isEmpty { return .unsatisfiable }
                if xs.count == 1 { goals.append(xs[0]) } else { ors.append(xs) }
            case .facet, .opaque, .event:
                guard let next = state.adding(g) else { return .unsatisfiable }
                state = next
            }
        }
        guard let first = ors.first else { return .satisfiable }
        let rest = ors.dropFirst().map { Formula.or($0) }
        var sawUnknown = false
        for branch in first {
            switch search(rest + [branch], state) {
            case .satisfiable: return .satisfiable
            case .unknown: sawUnknown = true
            case .unsatisfiable: break
            }
            if steps > budget { return .unknown }
        }
        return sawUnknown ? .unknown : .unsatisfiable
    }
}
