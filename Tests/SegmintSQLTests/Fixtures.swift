import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck
@testable import SegmintSQL

/// A catalog shaped like catalogs/retail.yaml (the subset the tests use), built in code so
/// these tests do not depend on the YAML loader.
enum Fixture {
    static let catalog = Catalog(
        name: "retail", version: "3",
        entity: Entity(name: "customer", table: "customers", key: "customer_id"),
        fiscalYear: FiscalCalendar(startMonth: 2, namedBy: .end),
        facets: [
            Facet(name: "state", type: .string, values: ["AK", "AL", "CA", "OR", "WA"]),
            Facet(name: "city", type: .string),
            Facet(name: "last_name", type: .string),
            Facet(name: "country", type: .string, values: ["US", "CA", "MX"], nullable: false),
            Facet(name: "age", type: .int),
            Facet(name: "income_band", type: .string, values: ["low", "lower_middle", "middle", "upper_middle", "high"], ordered: true),
            Facet(name: "signup_date", type: .date, column: "created_at", nullable: false),
            Facet(name: "last_login_at", type: .timestamp),
            Facet(name: "loyalty_tier", type: .string, values: ["bronze", "silver", "gold", "platinum"], ordered: true),
            Facet(name: "lifetime_spend", type: .decimal),
            Facet(name: "email_opt_out", type: .bool),
            Facet(name: "is_employee", type: .bool, nullable: false),
        ],
        events: [
            Event(name: "purchase", table: "orders", key: "customer_id", time: "ordered_at", timeType: .timestamp, fields: [
                Field(name: "category", type: .string, values: ["Outdoor", "Electronics", "Grocery", "Apparel"]),
                Field(name: "amount", type: .decimal),
                Field(name: "channel", type: .string, values: ["online", "store", "app", "phone"]),
                Field(name: "discount_code", type: .string),
                Field(name: "is_gift", type: .bool),
                Field(name: "item_count", type: .int),
            ]),
            Event(name: "support_ticket", table: "support_tickets", key: "customer_id", time: "opened_on", timeType: .date, fields: [
                Field(name: "topic", type: .string, values: ["delivery", "refund", "product", "account", "other"]),
                Field(name: "severity", type: .string, values: ["low", "medium", "high", "urgent"], ordered: true),
                Field(name: "satisfaction", type: .int),
            ]),
        ],
        path: "catalogs/retail.yaml")

    static func facet(_ name: String) -> Facet {
        guard let f = catalog.facet(named: name) else { fatalError("fixture has no facet \(name)") }
        return f
    }

    static func date(_ s: String) -> CivilDate {
        guard let d = CivilDate(iso: s) else { fatalError("bad fixture date \(s)") }
        return d
    }
}

// Small builders so test cases read like `.seg` text.

func seg(_ name: String, asOf: String? = nil, include: [CheckedCondition]?, exclude: [CheckedCondition] = []) -> CheckedSegment {
    var refs: [String] = []
    func collect(_ c: CheckedCondition) {
        switch c {
        case .all(let cs), .any(let cs): cs.forEach(collect)
        case .not(let x): collect(x)
        case .inSegment(let n): if !refs.contains(n) { refs.append(n) }
        default: break
        }
    }
    (include ?? []).forEach(collect); exclude.forEach(collect)
    return CheckedSegment(name: name, title: nil, description: nil, asOf: asOf.map(Fixture.date),
                          include: include, exclude: exclude, references: refs, assumptions: [], groundings: [],
                          span: .none, syntax: SegmentDecl(name: Ident(name: name, span: .none), title: nil, items: [], span: .none))
}

func f(_ name: String, _ test: CheckedTest) -> CheckedCondition { .facet(Fixture.facet(name), test) }

func has(_ event: String, where preds: [(String, CheckedTest)] = [], during window: CheckedWindow? = nil,
         _ fn: CheckedAggregate.Function? = nil, field: String? = nil, _ test: AggregateComparison? = nil) -> CheckedCondition {
    guard let e = Fixture.catalog.event(named: event) else { fatalError("fixture has no event \(event)") }
    let ps: [(Field, CheckedTest)] = preds.map { p in
        guard let fl = e.field(named: p.0) else { fatalError("fixture has no field \(p.0)") }
        return (fl, p.1)
    }
    let agg = fn.map { CheckedAggregate(function: $0, field: field.flatMap { e.field(named: $0) }, test: test ?? .compare(.ge, "1")) }
    return .event(CheckedEventCondition(event: e, predicates: ps, window: window, aggregate: agg))
}

func d(_ s: String) -> CivilDate { Fixture.date(s) }

func program(_ segments: [CheckedSegment]) -> CheckedProgram { CheckedProgram(catalog: Fixture.catalog, segments: segments) }

/// Compiles or fails the test with the diagnostics.
func sql(_ s: CheckedSegment, _ others: [CheckedSegment] = [], dialect: Dialect = .postgres, asOf: String? = nil, count: Bool = false) throws -> String {
    switch SQLCompiler.compile(program([s] + others), segment: s.name, options: CompileOptions(dialect: dialect, asOf: asOf.map(Fixture.date), count: count)) {
    case .success(let text): return text
    case .failure(let f): throw CompileError(messages: f.diagnostics.map(\.message))
    }
}

struct CompileError: Error, CustomStringConvertible {
    var messages: [String]
    var description: String { messages.joined(separator: "; ") }
}
