import SegmintSyntax

/// The meaning-bearing text of a segment, for the eval's exact match.
///
/// Only the include and exclude blocks count: the name, title, `description`, `as_of` and all
/// comments (the pipeline's provenance header among them) are left out, and so are grounding
/// tags, which do not change the meaning (spec §3). Conditions joined by `and` (a block, the
/// predicates of a `has`) and the members of `any` and of an `in` list are sorted, and numbers
/// are written without trailing zeros, so that two segments that differ only in the order of
/// commutative parts or in how a number is spelled compare equal. Everything else must be the
/// same construct: `loyalty_tier >= "gold"` and `loyalty_tier in ["gold", "platinum"]` are not
/// an exact match (the execution match decides whether they agree on the data).
public enum EvalCanonical {
    public static func key(_ segment: SegmentDecl) -> String {
        var parts: [String] = []
        if let inc = segment.include, !inc.conditions.isEmpty { parts.append("include " + block(inc)) }
        if let exc = segment.exclude, !exc.conditions.isEmpty { parts.append("exclude " + block(exc)) }
        return parts.joined(separator: " ")
    }

    static func block(_ b: Block) -> String {
        "{ " + b.conditions.map(condition).sorted().joined(separator: "; ") + " }"
    }

    static func condition(_ c: Condition) -> String {
        switch c.kind {
        case .all(let b): return "all " + block(b)
        case .any(let b): return "any " + block(b)
        case .not(let inner): return "not " + condition(inner)
        case .inSegment(let name): return "in segment \(name.name)"
        case .has(let h):
            var s = "has \(h.event.name)"
            if !h.predicates.isEmpty { s += " where " + h.predicates.map(predicate).sorted().joined(separator: " and ") }
            if let w = h.window { s += " " + SegmintSyntax.Formatter.window(w.kind) }
            if let a = h.aggregate { s += " " + aggregate(a) }
            return s
        case .predicate(let p): return predicate(p)
        }
    }

    static func predicate(_ p: Predicate) -> String {
        let f = p.facet.description
        switch p.test {
        case .compare(let op, let v): return "\(f) \(op.rawValue) \(literal(v.value))"
        case .inList(let negated, let list):
            let values = Set(list.values.map { literal($0.value) }).sorted().joined(separator: ", ")
            return "\(f) \(negated ? "not in" : "in") [\(values)]"
        case .between(let a, let b): return "\(f) between \(literal(a.value)) and \(literal(b.value))"
        case .contains(let s): return "\(f) contains \(StringLiteral.quote(s.value))"
        case .startsWith(let s): return "\(f) starts_with \(StringLiteral.quote(s.value))"
        case .isMissing(let negated): return "\(f) is \(negated ? "not missing" : "missing")"
        case .window(let w): return "\(f) \(SegmintSyntax.Formatter.window(w.kind))"
        }
    }

    static func aggregate(_ a: Aggregate) -> String {
        let fn = a.function.field.map { "\(a.function.keyword)(\($0.name))" } ?? a.function.keyword
        switch a.test {
        case .compare(let op, let n, _): return "\(fn) \(op.rawValue) \(number(n.text))"
        case .between(let x, let y, _): return "\(fn) between \(number(x.text)) and \(number(y.text))"
        }
    }

    static func literal(_ v: LiteralValue) -> String {
        if case .number(let n) = v { return number(n.text) }
        return v.description
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
