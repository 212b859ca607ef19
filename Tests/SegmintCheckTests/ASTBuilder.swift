import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// Builds ASTs by hand (independent of the parser); every node gets its own span so a test
/// can assert exactly which node a diagnostic points at.
final class AST {
    private var next = 0

    func span() -> Span { next += 10; return Span(file: 0, start: next, end: next + 5) }

    func id(_ n: String) -> Ident { Ident(name: n, span: span()) }

    func ref(_ dotted: String) -> FacetRef {
        let parts = dotted.split(separator: ".").map(String.init)
        return FacetRef(base: id(parts[0]), member: parts.count > 1 ? id(parts[1]) : nil, span: span())
    }

    func s(_ v: String) -> Literal { Literal(value: .string(v), span: span()) }
    func n(_ t: String) -> Literal { Literal(value: .number(num(t)), span: span()) }
    func d(_ iso: String) -> Literal { Literal(value: .date(CivilDate(iso: iso) ?? CivilDate(year: 2000, month: 1, day: 1)!), span: span()) }
    func b(_ v: Bool) -> Literal { Literal(value: .bool(v), span: span()) }
    func num(_ t: String) -> NumberLiteral { NumberLiteral(text: t, isDecimal: t.contains(".")) }
    func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    func p(_ f: String, _ test: PredicateTest) -> Predicate { Predicate(facet: ref(f), test: test, span: span()) }
    func p(_ f: String, _ op: ComparisonOp, _ v: Literal) -> Predicate { p(f, .compare(op, v)) }
    func list(_ vs: [Literal]) -> ListLiteral { ListLiteral(values: vs, span: span()) }
    func window(_ k: WindowKind) -> Window { Window(kind: k, span: span()) }

    func c(_ k: ConditionKind, _ tags: [GroundingTag] = []) -> Condition { Condition(kind: k, tags: tags, span: span()) }
    func c(_ p: Predicate, _ tags: [GroundingTag] = []) -> Condition { c(.predicate(p), tags) }
    func c(_ f: String, _ op: ComparisonOp, _ v: Literal, _ tags: [GroundingTag] = []) -> Condition { c(p(f, op, v), tags) }

    func has(_ e: String, _ preds: [Predicate] = [], window: Window? = nil, agg: Aggregate? = nil, _ tags: [GroundingTag] = []) -> Condition {
        c(.has(HasCondition(event: id(e), predicates: preds, window: window, aggregate: agg)), tags)
    }
    func agg(_ f: AggregateFunction, _ op: ComparisonOp, _ v: String) -> Aggregate {
        Aggregate(function: f, test: .compare(op, num(v), span()), span: span())
    }
    func all(_ cs: [Condition], _ tags: [GroundingTag] = []) -> Condition { c(.all(Block(conditions: cs, span: span())), tags) }
    func any(_ cs: [Condition]) -> Condition { c(.any(Block(conditions: cs, span: span()))) }
    func not(_ x: Condition, _ tags: [GroundingTag] = []) -> Condition { c(.not(x), tags) }
    func inSeg(_ name: String) -> Condition { c(.inSegment(id(name))) }

    func retrieved(_ name: String) -> GroundingTag { GroundingTag(kind: .retrieved, subject: .name(ref(name)), from: nil, span: span()) }
    func retrieved(_ v: Literal) -> GroundingTag { GroundingTag(kind: .retrieved, subject: .value(v), from: nil, span: span()) }
    func inferred(_ name: String) -> GroundingTag { GroundingTag(kind: .inferred, subject: .name(ref(name)), from: nil, span: span()) }
    func inferred(_ v: Literal, from: String? = nil) -> GroundingTag {
        GroundingTag(kind: .inferred, subject: .value(v), from: from.map { StringLiteral(value: $0, span: span()) }, span: span())
    }

    func seg(_ name: String, include: [Condition]? = nil, exclude: [Condition]? = nil, extra: [SegmentItem] = []) -> SegmentDecl {
        var items: [SegmentItem] = []
        if let include { items.append(.include(Block(conditions: include, span: span()), span())) }
        if let exclude { items.append(.exclude(Block(conditions: exclude, span: span()), span())) }
        return SegmentDecl(name: id(name), title: nil, items: items + extra, span: span())
    }
    func file(_ segs: [SegmentDecl]) -> SegFile { SegFile(segments: segs, comments: [], span: span()) }
}

/// A small catalog covering every type, an ordered facet, a non-nullable facet and two events.
let testCatalog = Catalog(
    name: "test", version: "1",
    entity: Entity(name: "customer", table: "customers", key: "id"),
    fiscalYear: FiscalCalendar(startMonth: 2, namedBy: .end),
    facets: [
        Facet(name: "state", type: .string, values: ["CA", "OR", "WA"]),
        Facet(name: "city", type: .string),
        Facet(name: "age", type: .int),
        Facet(name: "lifetime_spend", type: .decimal),
        Facet(name: "email_opt_out", type: .bool),
        Facet(name: "signup_date", type: .date),
        Facet(name: "last_login_at", type: .timestamp),
        Facet(name: "loyalty_tier", type: .string, values: ["bronze", "silver", "gold", "platinum"], ordered: true),
        Facet(name: "country", type: .string, values: ["US", "CA"], nullable: false),
    ],
    events: [
        Event(name: "purchase", table: "orders", key: "id", time: "ordered_at", fields: [
            Field(name: "category", type: .string, values: ["Outdoor", "Electronics", "Grocery"]),
            Field(name: "amount", type: .decimal),
            Field(name: "item_count", type: .int),
            Field(name: "coupon", type: .string),
            Field(name: "shipped_on", type: .date),
        ]),
        Event(name: "support_ticket", table: "tickets", key: "id", time: "opened_on", timeType: .date, fields: [
            Field(name: "severity", type: .string, values: ["low", "high"], ordered: true),
        ]),
    ],
    path: "test.yaml")

func check(_ files: [SegFile], strict: Bool = false, requireTags: Bool = false, request: String? = nil) -> CheckResult {
    Checker.check(files: files, catalog: testCatalog, options: CheckOptions(strict: strict, requireTags: requireTags, request: request))
}
