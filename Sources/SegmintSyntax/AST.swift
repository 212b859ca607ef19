import SegmintCore

// The abstract syntax of a `.seg` file (spec §2). Every node carries the span of the
// source it came from. Equality (`==`) compares meaning and ignores spans, so
// `fmt(x)` can be checked to have the same AST as `x`.

/// `file = { segment } ;`
public struct SegFile: Sendable, Equatable {
    public var segments: [SegmentDecl]
    /// Every `#` comment in the file, in source order (kept so `fmt` can put them back).
    public var comments: [Comment]
    public var span: Span

    public init(segments: [SegmentDecl], comments: [Comment], span: Span) {
        self.segments = segments; self.comments = comments; self.span = span
    }

    public static func == (a: SegFile, b: SegFile) -> Bool { a.segments == b.segments }
}

/// A `#` comment: its text (after `#`, without the newline) and span.
public struct Comment: Sendable, Equatable {
    public var text: String
    public var span: Span
    public init(text: String, span: Span) { self.text = text; self.span = span }
}

/// A name as written: a segment, facet, event or field name.
public struct Ident: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    public var span: Span
    public init(name: String, span: Span) { self.name = name; self.span = span }
    public static func == (a: Ident, b: Ident) -> Bool { a.name == b.name }
    public var description: String { name }
}

/// `segment = "segment" IDENT [ STRING ] "{" { item } "}" ;`
public struct SegmentDecl: Sendable, Equatable {
    public var name: Ident
    public var title: StringLiteral?
    public var items: [SegmentItem]
    public var span: Span

    public init(name: Ident, title: StringLiteral?, items: [SegmentItem], span: Span) {
        self.name = name; self.title = title; self.items = items; self.span = span
    }

    public static func == (a: SegmentDecl, b: SegmentDecl) -> Bool {
        a.name == b.name && a.title == b.title && a.items == b.items
    }

    // Convenience accessors; the checker reports duplicates, these return the first.
    public var description: StringLiteral? {
        for case .description(let s, _) in items { return s }
        return nil
    }
    public var asOf: DateLiteral? {
        for case .asOf(let d, _) in items { return d }
        return nil
    }
    public var include: Block? {
        for case .include(let b, _) in items { return b }
        return nil
    }
    public var exclude: Block? {
        for case .exclude(let b, _) in items { return b }
        return nil
    }
}

/// `item = "description" STRING | "as_of" DATE | "include" block | "exclude" block ;`
/// The trailing span covers the whole item including its keyword.
public enum SegmentItem: Sendable, Equatable {
    case description(StringLiteral, Span)
    case asOf(DateLiteral, Span)
    case include(Block, Span)
    case exclude(Block, Span)

    public var span: Span {
        switch self {
        case .description(_, let s), .asOf(_, let s), .include(_, let s), .exclude(_, let s): return s
        }
    }

    public static func == (a: SegmentItem, b: SegmentItem) -> Bool {
        switch (a, b) {
        case (.description(let x, _), .description(let y, _)): return x == y
        case (.asOf(let x, _), .asOf(let y, _)): return x == y
        case (.include(let x, _), .include(let y, _)): return x == y
        case (.exclude(let x, _), .exclude(let y, _)): return x == y
        default: return false
        }
    }
}

/// `block = "{" { condition } "}" ;`
public struct Block: Sendable, Equatable {
    public var conditions: [Condition]
    public var span: Span
    public init(conditions: [Condition], span: Span) { self.conditions = conditions; self.span = span }
    public static func == (a: Block, b: Block) -> Bool { a.conditions == b.conditions }
}

/// `condition = ( … ) { tag } ;` — the condition proper and the grounding tags after it.
public struct Condition: Sendable, Equatable {
    public var kind: ConditionKind
    public var tags: [GroundingTag]
    /// Covers the condition and its tags.
    public var span: Span

    public init(kind: ConditionKind, tags: [GroundingTag], span: Span) {
        self.kind = kind; self.tags = tags; self.span = span
    }
    public static func == (a: Condition, b: Condition) -> Bool { a.kind == b.kind && a.tags == b.tags }
}

public indirect enum ConditionKind: Sendable, Equatable {
    /// `"all" block`
    case all(Block)
    /// `"any" block`
    case any(Block)
    /// `"not" condition`
    case not(Condition)
    /// `"in" "segment" IDENT`
    case inSegment(Ident)
    /// `"has" IDENT [ "where" predicate { "and" predicate } ] [ window ] [ aggregate ]`
    case has(HasCondition)
    /// `predicate`
    case predicate(Predicate)
}

public struct HasCondition: Sendable, Equatable {
    public var event: Ident
    public var predicates: [Predicate]
    public var window: Window?
    public var aggregate: Aggregate?
    public init(event: Ident, predicates: [Predicate], window: Window?, aggregate: Aggregate?) {
        self.event = event; self.predicates = predicates; self.window = window; self.aggregate = aggregate
    }
}

/// `facet = IDENT [ "." IDENT ] ;` — `state`, or `purchase.category` (event.field).
public struct FacetRef: Sendable, Equatable, CustomStringConvertible {
    public var base: Ident
    public var member: Ident?
    public var span: Span
    public init(base: Ident, member: Ident?, span: Span) { self.base = base; self.member = member; self.span = span }
    public static func == (a: FacetRef, b: FacetRef) -> Bool { a.base == b.base && a.member == b.member }
    public var description: String { member.map { "\(base.name).\($0.name)" } ?? base.name }
}

/// `predicate = facet ( CMP value | [ "not" ] "in" list | "between" value "and" value
///             | "contains" STRING | "starts_with" STRING | "is" [ "not" ] "missing" | window ) ;`
public struct Predicate: Sendable, Equatable {
    public var facet: FacetRef
    public var test: PredicateTest
    public var span: Span
    public init(facet: FacetRef, test: PredicateTest, span: Span) { self.facet = facet; self.test = test; self.span = span }
    public static func == (a: Predicate, b: Predicate) -> Bool { a.facet == b.facet && a.test == b.test }
}

public enum PredicateTest: Sendable, Equatable {
    case compare(ComparisonOp, Literal)
    case inList(negated: Bool, ListLiteral)
    case between(Literal, Literal)
    case contains(StringLiteral)
    case startsWith(StringLiteral)
    case isMissing(negated: Bool)
    case window(Window)
}

/// `CMP = "=" | "!=" | "<" | "<=" | ">" | ">=" ;`
public enum ComparisonOp: String, Sendable, Equatable, CaseIterable {
    case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
}

/// `list = "[" [ value { "," value } [ "," ] ] "]" ;`
public struct ListLiteral: Sendable, Equatable {
    public var values: [Literal]
    public var span: Span
    public init(values: [Literal], span: Span) { self.values = values; self.span = span }
    public static func == (a: ListLiteral, b: ListLiteral) -> Bool { a.values == b.values }
}

/// `value = STRING | number | DATE | "true" | "false" ;`
public struct Literal: Sendable, Equatable, CustomStringConvertible {
    public var value: LiteralValue
    public var span: Span
    public init(value: LiteralValue, span: Span) { self.value = value; self.span = span }
    public static func == (a: Literal, b: Literal) -> Bool { a.value == b.value }
    public var description: String { value.description }
}

public enum LiteralValue: Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case number(NumberLiteral)
    case date(CivilDate)
    case bool(Bool)

    /// The canonical source spelling (strings quoted and escaped as `fmt` writes them).
    public var description: String {
        switch self {
        case .string(let s): return StringLiteral.quote(s)
        case .number(let n): return n.text
        case .date(let d): return d.description
        case .bool(let b): return b ? "true" : "false"
        }
    }
}

/// An integer or decimal literal, kept exactly as decimal text (no binary floating point).
public struct NumberLiteral: Sendable, Hashable {
    /// Canonical text: optional `-`, digits, optional `.` and digits, as written
    /// (`12.50` stays `12.50`; `-0` stays `-0`).
    public var text: String
    /// True when written with a decimal point.
    public var isDecimal: Bool
    public init(text: String, isDecimal: Bool) { self.text = text; self.isDecimal = isDecimal }

    /// The value as Int64 when it is an integer literal that fits.
    public var intValue: Int64? { isDecimal ? nil : Int64(text) }
    /// The value as Double, for analyses that only compare (never for SQL text).
    public var doubleValue: Double { Double(text) ?? 0 }
}

/// A string literal: the decoded value and its span (including quotes).
public struct StringLiteral: Sendable, Equatable {
    public var value: String
    public var span: Span
    public init(value: String, span: Span) { self.value = value; self.span = span }
    public static func == (a: StringLiteral, b: StringLiteral) -> Bool { a.value == b.value }

    /// Writes `s` as a `.seg` string literal with the language's escapes.
    public static func quote(_ s: String) -> String {
        "\"" + s.replacingScalars { u in
            switch u {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\t": return "\\t"
            default: return u.value < 0x20 || VisibleText.isHidden(u) ? "\\u{" + u.hex() + "}" : nil
            }
        } + "\""
    }
}

public struct DateLiteral: Sendable, Equatable {
    public var date: CivilDate
    public var span: Span
    public init(date: CivilDate, span: Span) { self.date = date; self.span = span }
    public static func == (a: DateLiteral, b: DateLiteral) -> Bool { a.date == b.date }
}

/// `window = "during" period | "since" DATE | "before" DATE ;`
/// `period = "last" INT UNIT | DATE "to" DATE | "fiscal_year" INT | "fiscal_quarter" INT QUARTER ;`
public struct Window: Sendable, Equatable {
    public var kind: WindowKind
    public var span: Span
    public init(kind: WindowKind, span: Span) { self.kind = kind; self.span = span }
    public static func == (a: Window, b: Window) -> Bool { a.kind == b.kind }
}

public enum WindowKind: Sendable, Equatable {
    case last(Int, TimeUnit)
    case range(CivilDate, CivilDate)
    case fiscalYear(Int)
    case fiscalQuarter(Int, Int)   // year, quarter 1...4
    case since(CivilDate)
    case before(CivilDate)
}

/// `UNIT`; singular and plural spell the same unit. `fmt` writes the form that agrees with N.
public enum TimeUnit: String, Sendable, Equatable {
    case day, week, month, year
}

/// `aggregate = ( "count" | AGG "(" IDENT ")" ) ( CMP number | "between" number "and" number ) ;`
public struct Aggregate: Sendable, Equatable {
    public var function: AggregateFunction
    public var test: AggregateTest
    public var span: Span
    public init(function: AggregateFunction, test: AggregateTest, span: Span) {
        self.function = function; self.test = test; self.span = span
    }
    public static func == (a: Aggregate, b: Aggregate) -> Bool { a.function == b.function && a.test == b.test }
}

public enum AggregateFunction: Sendable, Equatable {
    case count
    case sum(Ident), avg(Ident), min(Ident), max(Ident), countDistinct(Ident)

    public var field: Ident? {
        switch self {
        case .count: return nil
        case .sum(let f), .avg(let f), .min(let f), .max(let f), .countDistinct(let f): return f
        }
    }
    public var keyword: String {
        switch self {
        case .count: return "count"
        case .sum: return "sum"
        case .avg: return "avg"
        case .min: return "min"
        case .max: return "max"
        case .countDistinct: return "count_distinct"
        }
    }
}

public enum AggregateTest: Sendable, Equatable {
    case compare(ComparisonOp, NumberLiteral, Span)
    case between(NumberLiteral, NumberLiteral, Span)

    public static func == (a: AggregateTest, b: AggregateTest) -> Bool {
        switch (a, b) {
        case (.compare(let o1, let n1, _), .compare(let o2, let n2, _)): return o1 == o2 && n1 == n2
        case (.between(let a1, let b1, _), .between(let a2, let b2, _)): return a1 == a2 && b1 == b2
        default: return false
        }
    }
}

/// `tag = "[" ( "RETRIEVED" | "INFERRED" ) ":" ( facet | value ) [ "from" STRING ] "]" ;`
public struct GroundingTag: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case retrieved = "RETRIEVED", inferred = "INFERRED" }
    public enum Subject: Sendable, Equatable {
        case name(FacetRef)
        case value(Literal)
    }
    public var kind: Kind
    public var subject: Subject
    public var from: StringLiteral?
    public var span: Span
    public init(kind: Kind, subject: Subject, from: StringLiteral?, span: Span) {
        self.kind = kind; self.subject = subject; self.from = from; self.span = span
    }
    public static func == (a: GroundingTag, b: GroundingTag) -> Bool {
        a.kind == b.kind && a.subject == b.subject && a.from == b.from
    }
}

/// Reserved words (spec §1). No facet, field, event or segment may use them as a name.
public enum Keywords {
    public static let reserved: Set<String> = [
        "segment", "description", "as_of", "include", "exclude", "all", "any", "not", "in", "has",
        "where", "and", "during", "last", "since", "before", "to", "fiscal_year", "fiscal_quarter",
        "count", "sum", "avg", "min", "max", "count_distinct", "between", "contains", "starts_with",
        "is", "missing", "true", "false", "from",
        "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]
}
