import SegmintCore

// The relational IR between the checked model and SQL text. Lowering (Lowering.swift) puts all
// of the language's meaning here — two-valued logic, windows, ordered enums, zero-event
// entities — so a dialect only decides how each node is spelled (SQLGenerator.swift + Dialects/).

/// A column of a table in the query: `alias.column`.
struct ColumnRef: Equatable {
    var alias: String
    var column: String
    /// The catalog type, so a dialect can spell literals and casts to fit it.
    var type: ValueTypeTag
    /// A name Segmint made up (a join's value column): written unquoted, like its definition.
    var generated = false
}

/// The value types as far as spelling SQL is concerned.
enum ValueTypeTag: Equatable { case string, int, decimal, bool, date, timestamp }

/// A date computed at run time or fixed at compile time.
enum DateExpr: Equatable {
    /// A calendar day known at compile time (pinned as-of or an absolute window).
    case literal(CivilDate)
    /// `(CURRENT_DATE + days) - months`, with the month step clamping the day of month
    /// (2026-03-31 - 1 month = 2026-02-28). Used only when no as-of date is pinned.
    case today(plusDays: Int, minusMonths: Int)
}

/// A scalar value in the query.
enum Scalar: Equatable {
    case column(ColumnRef)
    case string(String)
    case int(Int64)
    /// Exact decimal text, e.g. `12.50`.
    case decimal(String)
    case bool(Bool)
    /// A day; `asTimestamp` asks for the start (00:00:00) of that day as a timestamp.
    case date(DateExpr, asTimestamp: Bool)
    /// `COALESCE(column, 0)` on an aggregate count column of a LEFT JOINed derived table.
    case countOrZero(ColumnRef)
}

enum CompareOp: String, Equatable { case eq = "=", ne = "<>", lt = "<", le = "<=", gt = ">", ge = ">=" }

/// A condition. Lowering guarantees every node it builds evaluates to TRUE or FALSE, never
/// NULL, so `NOT` is safe on every dialect (spec §3, two-valued logic).
indirect enum Predicate: Equatable {
    case constant(Bool)
    case and([Predicate])
    case or([Predicate])
    case not(Predicate)
    case compare(Scalar, CompareOp, Scalar)
    case inList(Scalar, [Scalar], negated: Bool)
    case isNull(Scalar, negated: Bool)
    /// Case-insensitive literal substring test; the pattern is never empty.
    case contains(Scalar, String)
    case startsWith(Scalar, String)
}

/// An aggregate computed per entity key over one event table.
enum AggregateKind: Equatable {
    case count
    case sum(String), avg(String), min(String), max(String), countDistinct(String)
}

/// `LEFT JOIN (SELECT key AS k, AGG AS v FROM table AS ev WHERE filter GROUP BY key) AS alias
/// ON alias.k = e.key`: one per event condition. A LEFT JOIN of grouped rows (rather than a
/// correlated subquery) is accepted by every dialect, also inside CASE (overlap query), and
/// entities without events get NULL, which the predicate maps to count 0 / missing aggregate.
struct EventJoin: Equatable {
    var alias: String
    var table: String
    var keyColumn: String
    var aggregate: AggregateKind
    /// Over the event row alias `ev`.
    var filter: Predicate
}

/// One SELECT over the entity table `e` with its event joins.
struct EntityQuery: Equatable {
    var table: String
    var keyColumn: String
    var joins: [EventJoin]
    /// nil for "every entity".
    var filter: Predicate?
}

/// What the statement returns.
enum QueryShape: Equatable {
    /// The distinct keys, ordered.
    case keys
    /// `SELECT COUNT(*)` of the distinct keys.
    case count
    /// Membership patterns of several segments: one `CASE WHEN … THEN 1 ELSE 0 END` column each.
    case overlap([Predicate])
    /// The distinct keys with entity columns carried along (`column AS alias`), ordered by key:
    /// what a materialization or an export writes.
    case rows([CarriedColumn])
}

/// An entity column carried next to the key, under the name the user asked for.
struct CarriedColumn: Equatable {
    var column: String
    var alias: String
}

/// The names used for generated aliases; never taken from user input.
enum Alias {
    static let entity = "e"
    static let event = "ev"
    static let joinKey = "k"
    static let joinValue = "v"
}
