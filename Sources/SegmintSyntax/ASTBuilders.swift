import SegmintCore

// Building an AST in code (no source text): the natural-language translator, the analyses and
// tests make segments this way and print them with `Formatter.print(segment:)`, so every `.seg`
// text the tool writes comes from the one printer. Built nodes carry `Span.none`.
//
// Names are printed as given: pass names taken from the catalog (the checker validates the
// printed text like any hand-written file).

extension Ident {
    /// A name with no place in any source.
    public init(_ name: String) { self.init(name: name, span: .none) }
}

extension FacetRef {
    /// `state`, or `purchase.category` (split at the first dot into event and field).
    public init(_ path: String) {
        if let dot = path.firstIndex(of: ".") {
            self.init(base: Ident(String(path[..<dot])), member: Ident(String(path[path.index(after: dot)...])), span: .none)
        } else {
            self.init(base: Ident(path), member: nil, span: .none)
        }
    }
}

extension NumberLiteral {
    /// A number from its decimal text (`12`, `-3.50`); nil unless the text is a `.seg` number
    /// (optional `-`, digits, optionally `.` and digits).
    public init?(_ text: String) {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) else { return nil }
        self.init(text: text, isDecimal: parts.count == 2)
    }

    public init(_ value: Int64) { self.init(text: String(value), isDecimal: false) }
}

extension Literal {
    public static func string(_ s: String) -> Literal { Literal(value: .string(s), span: .none) }
    public static func number(_ n: NumberLiteral) -> Literal { Literal(value: .number(n), span: .none) }
    public static func int(_ n: Int64) -> Literal { .number(NumberLiteral(n)) }
    public static func date(_ d: CivilDate) -> Literal { Literal(value: .date(d), span: .none) }
    public static func bool(_ b: Bool) -> Literal { Literal(value: .bool(b), span: .none) }
}

extension StringLiteral {
    public init(_ value: String) { self.init(value: value, span: .none) }
}

extension PredicateTest {
    /// `in [values]`, or `not in [values]` when `negated`.
    public static func list(_ values: [Literal], negated: Bool = false) -> PredicateTest {
        .inList(negated: negated, ListLiteral(values: values, span: .none))
    }
    /// A window on a date facet or field: `signup_date during last 30 days`.
    public static func during(_ kind: WindowKind) -> PredicateTest { .window(Window(kind: kind, span: .none)) }
}

extension Predicate {
    /// `facet test`: `Predicate("state", .list([.string("CA")]))`.
    public init(_ facet: String, _ test: PredicateTest) {
        self.init(facet: FacetRef(facet), test: test, span: .none)
    }
}

extension Aggregate {
    /// `count >= 2`, `sum(amount) > 100`.
    public init(_ function: AggregateFunction, _ op: ComparisonOp, _ n: NumberLiteral) {
        self.init(function: function, test: .compare(op, n, .none), span: .none)
    }
    /// `count between 2 and 5`.
    public init(_ function: AggregateFunction, between lo: NumberLiteral, and hi: NumberLiteral) {
        self.init(function: function, test: .between(lo, hi, .none), span: .none)
    }
}

extension GroundingTag {
    /// `[RETRIEVED: facet]` / `[RETRIEVED: purchase.category from "…"]`.
    public static func retrieved(name: String, from: String? = nil) -> GroundingTag {
        GroundingTag(kind: .retrieved, subject: .name(FacetRef(name)), from: from.map(StringLiteral.init), span: .none)
    }
    /// `[RETRIEVED: "CA"]`.
    public static func retrieved(value: Literal, from: String? = nil) -> GroundingTag {
        GroundingTag(kind: .retrieved, subject: .value(value), from: from.map(StringLiteral.init), span: .none)
    }
    /// `[INFERRED: 500 from "high-value"]`.
    public static func inferred(value: Literal, from: String? = nil) -> GroundingTag {
        GroundingTag(kind: .inferred, subject: .value(value), from: from.map(StringLiteral.init), span: .none)
    }
    /// `[INFERRED: lifetime_spend from "big spenders"]`.
    public static func inferred(name: String, from: String? = nil) -> GroundingTag {
        GroundingTag(kind: .inferred, subject: .name(FacetRef(name)), from: from.map(StringLiteral.init), span: .none)
    }
}

extension Condition {
    public static func predicate(_ p: Predicate, tags: [GroundingTag] = []) -> Condition {
        Condition(kind: .predicate(p), tags: tags, span: .none)
    }
    /// `facet test [tags]`.
    public static func predicate(_ facet: String, _ test: PredicateTest, tags: [GroundingTag] = []) -> Condition {
        .predicate(Predicate(facet, test), tags: tags)
    }
    /// `has event [where p and q] [window] [aggregate] [tags]`.
    public static func has(_ event: String, where predicates: [Predicate] = [], window: WindowKind? = nil,
                           aggregate: Aggregate? = nil, tags: [GroundingTag] = []) -> Condition {
        let h = HasCondition(event: Ident(event), predicates: predicates,
                             window: window.map { Window(kind: $0, span: .none) }, aggregate: aggregate)
        return Condition(kind: .has(h), tags: tags, span: .none)
    }
    public static func all(_ conditions: [Condition]) -> Condition {
        Condition(kind: .all(Block(conditions)), tags: [], span: .none)
    }
    public static func any(_ conditions: [Condition]) -> Condition {
        Condition(kind: .any(Block(conditions)), tags: [], span: .none)
    }
    /// `not c`. Tags that ground `c` belong on `c` (the parser puts them there too).
    public static func not(_ c: Condition) -> Condition {
        Condition(kind: .not(c), tags: [], span: .none)
    }
    public static func inSegment(_ name: String) -> Condition {
        Condition(kind: .inSegment(Ident(name)), tags: [], span: .none)
    }
}

extension Block {
    public init(_ conditions: [Condition]) { self.init(conditions: conditions, span: .none) }
}

extension SegmentDecl {
    /// `segment name "title" { description … as_of … include {…} exclude {…} }`; a nil block is
    /// left out (an empty one is written `{}`).
    public init(name: String, title: String? = nil, description: String? = nil, asOf: CivilDate? = nil,
                include: [Condition]? = nil, exclude: [Condition]? = nil) {
        var items: [SegmentItem] = []
        if let description { items.append(.description(StringLiteral(description), .none)) }
        if let asOf { items.append(.asOf(DateLiteral(date: asOf, span: .none), .none)) }
        if let include { items.append(.include(Block(include), .none)) }
        if let exclude { items.append(.exclude(Block(exclude), .none)) }
        self.init(name: Ident(name), title: title.map(StringLiteral.init), items: items, span: .none)
    }
}
