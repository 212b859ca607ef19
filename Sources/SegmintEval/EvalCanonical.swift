import SegmintSyntax

/// The meaning-bearing text of a segment, for the eval's exact match.
///
/// Only the include and exclude blocks count: the name, title, `description`, `as_of` and all
/// comments (the pipeline's provenance header among them) are left out, and so are grounding
/// tags, which do not change the meaning (spec §3). Conditions joined by `and` (a block, the
/// predicates of a `has`) and the members of `any` and of an `in` list are sorted with
/// duplicates dropped, and numbers are written without trailing zeros, so that two segments that differ only in the order of
/// commutative parts or in how a number is spelled compare equal. Everything else must be the
/// same construct: `loyalty_tier >= "gold"` and `loyalty_tier in ["gold", "platinum"]` are not
/// an exact match (the execution match decides whether they agree on the data).
public enum EvalCanonical {
    /// The include and exclude blocks in canonical form, printed by the formatter.
    public static func key(_ segment: SegmentDecl) -> String {
        var parts: [String] = []
        if let inc = segment.include, !inc.conditions.isEmpty { parts.append("include " + text(canonical(inc))) }
        if let exc = segment.exclude, !exc.conditions.isEmpty { parts.append("exclude " + text(canonical(exc))) }
        return parts.joined(separator: " ")
    }

    static func text(_ c: Condition) -> String { Formatter.print(condition: c, tags: false) }
    static func text(_ cs: [Condition]) -> String { Formatter.print(block: Block(cs), tags: false) }

    /// The conditions of a block, each canonical, without duplicates, in the order of their text.
    static func canonical(_ b: Block) -> [Condition] {
        var seen = Set<String>()
        return b.conditions.map(canonical).map { (text($0), $0) }.sorted { $0.0 < $1.0 }
            .filter { seen.insert($0.0).inserted }.map(\.1)
    }

    static func canonical(_ c: Condition) -> Condition {
        switch c.kind {
        case .all(let b): return .all(canonical(b))
        case .any(let b): return .any(canonical(b))
        case .not(let inner): return .not(canonical(inner))
        case .inSegment(let name): return .inSegment(name.name)
        case .has(let h):
            var seen = Set<String>()
            let preds = h.predicates.map(canonical).map { (Formatter.print(predicate: $0), $0) }.sorted { $0.0 < $1.0 }
                .filter { seen.insert($0.0).inserted }.map(\.1)
            return .has(h.event.name, where: preds, window: h.window?.kind, aggregate: h.aggregate.map(canonical))
        case .predicate(let p): return .predicate(canonical(p))
        }
    }

    static func canonical(_ p: Predicate) -> Predicate {
        let test: PredicateTest
        switch p.test {
        case .compare(let op, let v): test = .compare(op, literal(v))
        case .inList(let negated, let list):
            var seen = Set<String>()
            let values = list.values.map(literal).map { ($0.description, $0) }.sorted { $0.0 < $1.0 }
                .filter { seen.insert($0.0).inserted }.map(\.1)
            test = .list(values, negated: negated)
        case .between(let a, let b): test = .between(literal(a), literal(b))
        case .contains, .startsWith, .isMissing, .window: test = p.test
        }
        return Predicate(facet: p.facet, test: test, span: .none)
    }

    static func canonical(_ a: Aggregate) -> Aggregate {
        func n(_ x: NumberLiteral) -> NumberLiteral { NumberLiteral(text: number(x.text), isDecimal: x.isDecimal) }
        switch a.test {
        case .compare(let op, let x, _): return Aggregate(a.function, op, n(x))
        case .between(let x, let y, _): return Aggregate(a.function, between: n(x), and: n(y))
        }
    }

    static func literal(_ l: Literal) -> Literal {
        if case .number(let n) = l.value { return .number(NumberLiteral(text: number(n.text), isDecimal: n.isDecimal)) }
        return l
    }

    /// `12.50` → `12.5`, `3.0` → `3`, `-0` → `0`: one spelling per value.
    static func number(_ text: String) -> String {
        var t = text
        if t.contains(".") {
            while t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
        }
        if t == "-0" || t.isEmpty { return "0" }
        return t
    }
}
