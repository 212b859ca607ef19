import SegmintCore
import SegmintSyntax
import SegmintCatalog

// What the checker hands the backend: names resolved against the catalog, literal types
// known, references resolved and acyclic. The SQL stage and the analyses read only this,
// never the raw AST. Spans are kept for analyses that point back at source.

/// All segments of one compilation (every file of one command), checked against one catalog.
public struct CheckedProgram: Sendable {
    public var catalog: Catalog
    /// In declaration order (files in command-line order).
    public var segments: [CheckedSegment] { didSet { positions = Self.index(segments) } }
    /// Name -> position in `segments`, so lookups stay O(1) on files with many segments.
    private var positions: [String: Int]

    public init(catalog: Catalog, segments: [CheckedSegment]) {
        self.catalog = catalog; self.segments = segments; self.positions = Self.index(segments)
    }

    public func segment(named n: String) -> CheckedSegment? { positions[n].map { segments[$0] } }

    private static func index(_ segments: [CheckedSegment]) -> [String: Int] {
        var m: [String: Int] = [:]
        // The first declaration wins, as the checker reports later duplicates.
        for (i, s) in segments.enumerated() where m[s.name] == nil { m[s.name] = i }
        return m
    }

    /// `name` and every segment it references, transitively, dependencies first.
    public func dependencyOrder(of name: String) -> [CheckedSegment] {
        var seen = Set<String>(), order: [CheckedSegment] = []
        func visit(_ n: String) {
            guard !seen.contains(n), let s = segment(named: n) else { return }
            seen.insert(n)
            for r in s.references { visit(r) }
            order.append(s)
        }
        visit(name)
        return order
    }
}

public struct CheckedSegment: Sendable {
    public var name: String
    public var title: String?
    public var description: String?
    /// The segment's own pinned `as_of`, if any (a compiler `--as-of` is applied by the backend).
    public var asOf: CivilDate?
    /// `nil` when there is no include block (every entity).
    public var include: [CheckedCondition]?
    public var exclude: [CheckedCondition]
    /// Names of segments referenced with `in segment` (direct only), in first-use order.
    public var references: [String]
    /// INFERRED numbers and dates: assumptions to list in `explain` and ask about.
    public var assumptions: [Assumption]
    /// Every grounding tag, resolved, for `explain`.
    public var groundings: [Grounding]
    public var span: Span
    /// The AST it came from (for `fmt`-style printing of single conditions in `explain`).
    public var syntax: SegmentDecl

    public init(name: String, title: String?, description: String?, asOf: CivilDate?,
                include: [CheckedCondition]?, exclude: [CheckedCondition], references: [String],
                assumptions: [Assumption], groundings: [Grounding], span: Span, syntax: SegmentDecl) {
        self.name = name; self.title = title; self.description = description; self.asOf = asOf
        self.include = include; self.exclude = exclude; self.references = references
        self.assumptions = assumptions; self.groundings = groundings; self.span = span; self.syntax = syntax
    }
}

public indirect enum CheckedCondition: Sendable {
    case all([CheckedCondition])
    case any([CheckedCondition])
    case not(CheckedCondition)
    case inSegment(String)
    /// A test on one facet of the entity.
    case facet(Facet, CheckedTest)
    case event(CheckedEventCondition)
}

/// `has E where p1 and … during W AGG`. `aggregate` is nil for plain `has` (count >= 1).
public struct CheckedEventCondition: Sendable {
    public var event: Event
    /// Tests on fields of the event (all must hold).
    public var predicates: [(Field, CheckedTest)]
    public var window: CheckedWindow?
    public var aggregate: CheckedAggregate?

    public init(event: Event, predicates: [(Field, CheckedTest)], window: CheckedWindow?, aggregate: CheckedAggregate?) {
        self.event = event; self.predicates = predicates; self.window = window; self.aggregate = aggregate
    }
}

/// A test on one column, literals already converted to the column's type.
public enum CheckedTest: Sendable {
    case compare(ComparisonOp, Value)
    case inList(negated: Bool, [Value])
    /// Both ends included.
    case between(Value, Value)
    /// Case-insensitive substring; the pattern is literal (`%`, `_`, `\` match themselves).
    case contains(String)
    case startsWith(String)
    case isMissing(negated: Bool)
    /// A window on a date or timestamp facet/field.
    case window(CheckedWindow)
}

/// A literal typed for its column. Numbers stay exact decimal text.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case int(Int64)
    /// Canonical decimal text, e.g. `12.50`, `-3`.
    case decimal(String)
    case bool(Bool)
    case date(CivilDate)

    public var description: String {
        switch self {
        case .string(let s): return StringLiteral.quote(s)
        case .int(let i): return String(i)
        case .decimal(let d): return d
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.description
        }
    }
}

/// A window, unresolved against the as-of date (the backend resolves `last N` with the as-of).
public enum CheckedWindow: Sendable, Equatable {
    case last(Int, TimeUnit)
    /// `X to Y`: X <= date(t) <= Y.
    case range(CivilDate, CivilDate)
    /// `fiscal_year` / `fiscal_quarter`, already turned into half-open [start, end) by the catalog's calendar.
    case fiscal(start: CivilDate, end: CivilDate, label: String)
    case since(CivilDate)
    case before(CivilDate)
}

public struct CheckedAggregate: Sendable {
    public enum Function: Sendable, Equatable { case count, sum, avg, min, max, countDistinct }
    public var function: Function
    /// nil for `count`.
    public var field: Field?
    public var test: AggregateComparison

    public init(function: Function, field: Field?, test: AggregateComparison) {
        self.function = function; self.field = field; self.test = test
    }
}

public enum AggregateComparison: Sendable, Equatable {
    /// Number as exact decimal text.
    case compare(ComparisonOp, String)
    case between(String, String)
}

/// An INFERRED number or date: allowed, but an assumption the user should confirm.
public struct Assumption: Sendable, Equatable {
    public var value: String
    public var from: String?
    /// The condition's facet/field it belongs to, e.g. `lifetime_spend` or `purchase.amount`.
    public var subject: String
    public var span: Span
    public init(value: String, from: String?, subject: String, span: Span) {
        self.value = value; self.from = from; self.subject = subject; self.span = span
    }
}

/// One checked grounding tag.
public struct Grounding: Sendable, Equatable {
    public var kind: GroundingTag.Kind
    /// The facet/field name or the value's canonical text.
    public var claim: String
    public var isValue: Bool
    public var from: String?
    public var span: Span
    public init(kind: GroundingTag.Kind, claim: String, isValue: Bool, from: String?, span: Span) {
        self.kind = kind; self.claim = claim; self.isValue = isValue; self.from = from; self.span = span
    }
}
