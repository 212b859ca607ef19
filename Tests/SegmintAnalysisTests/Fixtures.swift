import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// A small catalog and hand-built checked segments, so the analyses are tested without the
/// parser and checker.
enum Fixtures {
    static let age = Facet(name: "age", type: .int)
    static let spend = Facet(name: "lifetime_spend", type: .decimal, unit: "USD")
    static let tier = Facet(name: "loyalty_tier", type: .string, values: ["bronze", "silver", "gold", "platinum"], ordered: true)
    static let state = Facet(name: "state", type: .string, values: ["CA", "OR", "WA"])
    static let city = Facet(name: "city", type: .string)
    static let optOut = Facet(name: "email_opt_out", type: .bool)
    static let employee = Facet(name: "is_employee", type: .bool, nullable: false)
    static let signup = Facet(name: "signup_date", type: .date)
    static let churn = Facet(name: "churn_score", type: .decimal, synonyms: ["churn risk", "at risk", "likely to churn"],
                             description: "P(churn in 90 days) from the churn model", kind: "model_score")
    static let propensity = Facet(name: "purchase_propensity", type: .decimal, synonyms: ["likely to buy", "high potential"],
                                  description: "P(purchase in 30 days) from the propensity model", kind: "model_score")
    static let category = Field(name: "category", type: .string, values: ["Outdoor", "Grocery", "Toys"])
    static let amount = Field(name: "amount", type: .decimal)
    static let purchase = Event(name: "purchase", table: "orders", key: "customer_id", time: "ordered_at",
                                timeType: .date, fields: [category, amount], synonyms: ["bought"])

    static let catalog = Catalog(name: "test", version: "1", entity: Entity(name: "customer", table: "customers", key: "customer_id"),
                                 fiscalYear: FiscalCalendar(), facets: [age, spend, tier, state, city, optOut, employee, signup, churn, propensity],
                                 events: [purchase], path: "test.yaml")

    static func segment(_ name: String, include: [CheckedCondition]?, exclude: [CheckedCondition] = [],
                        title: String? = nil, description: String? = nil, asOf: CivilDate? = nil,
                        assumptions: [Assumption] = [], groundings: [Grounding] = []) -> CheckedSegment {
        var refs: [String] = []
        func collect(_ c: CheckedCondition) {
            switch c {
            case .all(let xs), .any(let xs): xs.forEach(collect)
            case .not(let x): collect(x)
            case .inSegment(let n): if !refs.contains(n) { refs.append(n) }
            case .facet, .event: break
            }
        }
        (include ?? []).forEach(collect); exclude.forEach(collect)
        let decl = SegmentDecl(name: Ident(name: name, span: .none), title: nil, items: [], span: .none)
        return CheckedSegment(name: name, title: title, description: description, asOf: asOf, include: include,
                              exclude: exclude, references: refs, assumptions: assumptions, groundings: groundings,
                              span: .none, syntax: decl)
    }

    static func program(_ segs: [CheckedSegment]) -> CheckedProgram { CheckedProgram(catalog: catalog, segments: segs) }

    // Shorthands for conditions.
    static func f(_ facet: Facet, _ op: ComparisonOp, _ v: Value) -> CheckedCondition { .facet(facet, .compare(op, v)) }
    static func has(where preds: [(Field, CheckedTest)] = [], window: CheckedWindow? = nil, _ agg: CheckedAggregate? = nil) -> CheckedCondition {
        .event(CheckedEventCondition(event: purchase, predicates: preds, window: window, aggregate: agg))
    }
    static func count(_ op: ComparisonOp, _ n: Int) -> CheckedAggregate {
        CheckedAggregate(function: .count, field: nil, test: .compare(op, String(n)))
    }
}
