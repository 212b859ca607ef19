import SegmintCore
import SegmintSyntax
import SegmintCheck

/// Checked conditions written back in `.seg` syntax, one line each, by the formatter (the one
/// printer of the language): used in analysis output, `explain` and `recommend` to quote
/// exactly what a finding is about. Grounding tags are left out.
public enum ConditionText {
    public static func seg(_ c: CheckedCondition) -> String {
        Formatter.print(condition: syntax(c), tags: false)
    }

    public static func event(_ e: CheckedEventCondition) -> String { seg(.event(e)) }

    /// A test without its facet: `>= 500`, `in ["CA"]`.
    public static func test(_ t: CheckedTest) -> String { Formatter.print(test: syntax(t)) }

    public static func window(_ w: CheckedWindow) -> String { Formatter.window(syntax(w)) }

    public static func aggregate(_ a: CheckedAggregate) -> String { Formatter.print(aggregate: syntax(a)) }

    // MARK: checked model → AST

    /// The condition as an AST (spans are `Span.none`), names as the catalog spells them.
    public static func syntax(_ c: CheckedCondition) -> Condition {
        switch c {
        case .all(let xs): return .all(xs.map(syntax))
        case .any(let xs): return .any(xs.map(syntax))
        case .not(let x): return .not(syntax(x))
        case .inSegment(let n): return .inSegment(n)
        case .facet(let f, let t): return .predicate(f.name, syntax(t))
        case .event(let e):
            return .has(e.event.name, where: e.predicates.map { Predicate($0.0.name, syntax($0.1)) },
                        window: e.window.map(syntax), aggregate: e.aggregate.map(syntax))
        }
    }

    static func syntax(_ t: CheckedTest) -> PredicateTest {
        switch t {
        case .compare(let op, let v): return .compare(op, literal(v))
        case .inList(let neg, let vs): return .list(vs.map(literal), negated: neg)
        case .between(let a, let b): return .between(literal(a), literal(b))
        case .contains(let s): return .contains(StringLiteral(s))
        case .startsWith(let s): return .startsWith(StringLiteral(s))
        case .isMissing(let neg): return .isMissing(negated: neg)
        case .window(let w): return .during(syntax(w))
        }
    }

    static func literal(_ v: Value) -> Literal {
        switch v {
        case .string(let s): return .string(s)
        case .int(let i): return .int(i)
        case .decimal(let d): return .number(NumberLiteral(text: d, isDecimal: true))
        case .bool(let b): return .bool(b)
        case .date(let d): return .date(d)
        }
    }

    static func syntax(_ w: CheckedWindow) -> WindowKind {
        switch w {
        case .last(let n, let u): return .last(n, u)
        case .range(let a, let b): return .range(a, b)
        case .fiscal(let start, let end, let label): return fiscal(label, start, end)
        case .since(let d): return .since(d)
        case .before(let d): return .before(d)
        }
    }

    /// The checker labels fiscal windows `FY2026` / `FY2026 Q4`; written back as source. Any
    /// other label is written as the inclusive date range it covers.
    static func fiscal(_ label: String, _ start: CivilDate, _ end: CivilDate) -> WindowKind {
        let parts = label.split(separator: " ")
        if let fy = parts.first, fy.hasPrefix("FY"), let year = Int(fy.dropFirst(2)) {
            if parts.count == 1 { return .fiscalYear(year) }
            if parts.count == 2, let q = ["Q1", "Q2", "Q3", "Q4"].firstIndex(of: String(parts[1])) { return .fiscalQuarter(year, q + 1) }
        }
        return .range(start, end.adding(days: -1) ?? end)
    }

    static func syntax(_ a: CheckedAggregate) -> Aggregate {
        let field = Ident(a.field?.name ?? "?")
        let function: AggregateFunction
        switch a.function {
        case .count: function = .count
        case .sum: function = .sum(field)
        case .avg: function = .avg(field)
        case .min: function = .min(field)
        case .max: function = .max(field)
        case .countDistinct: function = .countDistinct(field)
        }
        func number(_ text: String) -> NumberLiteral { NumberLiteral(text: text, isDecimal: text.contains(".")) }
        switch a.test {
        case .compare(let op, let n): return Aggregate(function, op, number(n))
        case .between(let x, let y): return Aggregate(function, between: number(x), and: number(y))
        }
    }
}
