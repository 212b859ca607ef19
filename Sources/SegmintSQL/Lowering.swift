import SegmintCore
import SegmintCatalog
import SegmintCheck
import SegmintSyntax

/// CheckedProgram -> relational IR. Every predicate built here evaluates to TRUE or FALSE,
/// never NULL: a comparison on a nullable column is guarded with `IS NOT NULL`, an aggregate
/// with no events is NULL and guarded the same way, and `count` reads NULL as 0. So `NOT` and
/// `exclude` negate a definite answer on every dialect (spec §3, two-valued logic).
struct Lowering {
    let program: CheckedProgram
    let options: CompileOptions
    private(set) var joins: [EventJoin] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Guards against segment references that expand exponentially when inlined.
    private var budget = 200_000
    /// Segments being inlined, innermost last (a cycle is the checker's error; this is a guard).
    private var stack: [String] = []

    init(program: CheckedProgram, options: CompileOptions) {
        self.program = program
        self.options = options
    }

    /// The segment as one predicate over the entity row `e`. Its windows use its own pinned
    /// `as_of`, else `--as-of`, else the current date — never the referencing segment's.
    mutating func lower(segment s: CheckedSegment) -> Predicate {
        guard !stack.contains(s.name) else {
            diagnostics.append(.error("E0502", "segment \"\(s.name)\" references itself", at: s.span))
            return .constant(false)
        }
        stack.append(s.name)
        defer { stack.removeLast() }
        let asOf = s.asOf ?? options.asOf
        let include = s.include.map { conds in and(conds.map { lower($0, asOf: asOf, in: s) }) } ?? .constant(true)
        let exclude = or(s.exclude.map { lower($0, asOf: asOf, in: s) })
        return and([include, not(exclude)])
    }

    private mutating func lower(_ c: CheckedCondition, asOf: CivilDate?, in s: CheckedSegment) -> Predicate {
        budget -= 1
        guard budget > 0 else {
            if !diagnostics.contains(where: { $0.code == "E0503" }) {
                diagnostics.append(.error("E0503", "segment references expand to a query that is too large", at: s.span,
                                          help: "reference fewer segments, or fewer times"))
            }
            return .constant(false)
        }
        switch c {
        case .all(let cs): return and(cs.map { lower($0, asOf: asOf, in: s) })
        case .any(let cs): return or(cs.map { lower($0, asOf: asOf, in: s) })
        case .not(let inner): return not(lower(inner, asOf: asOf, in: s))
        case .inSegment(let name):
            guard let target = program.segment(named: name) else {
                diagnostics.append(.error("E0501", "unknown segment \"\(name)\"", at: s.span))
                return .constant(false)
            }
            return lower(segment: target)
        case .facet(let facet, let test):
            let col = ColumnRef(alias: Alias.entity, column: facet.column, type: ValueTypeTag(facet.type))
            return lower(test, on: col, attribute: facet, asOf: asOf, in: s)
        case .event(let ev):
            return lower(event: ev, asOf: asOf, in: s)
        }
    }

    // MARK: Tests on one column

    /// `inFilter`: the test sits directly in an event join's WHERE, which already drops rows
    /// where it is NULL and never negates it, so no guard is needed there.
    private mutating func lower(_ test: CheckedTest, on col: ColumnRef, attribute a: Attribute,
                                asOf: CivilDate?, in s: CheckedSegment, inFilter: Bool = false) -> Predicate {
        let lhs = Scalar.column(col)
        // `x is missing` is the only test that is true on NULL; every other one is false there.
        // A test folded to TRUE (`not in []`, `contains ""`) no longer compares the column, so
        // even in an event filter it needs the explicit guard to stay false on NULL.
        func guarded(_ p: Predicate) -> Predicate {
            a.nullable && (!inFilter || p == .constant(true)) ? and([.isNull(lhs, negated: true), p]) : p
        }
        switch test {
        case .isMissing(let negated):
            return .isNull(lhs, negated: negated)
        case .compare(let op, let v):
            if a.ordered, let values = a.values, op != .eq, op != .ne {
                guard case .string(let text) = v, let i = values.firstIndex(of: text) else {
                    return unsupported("value \(v) is not one of the ordered values of \"\(a.name)\"", s)
                }
                let picked: ArraySlice<String>
                switch op {
                case .lt: picked = values[..<i]
                case .le: picked = values[...i]
                case .gt: picked = values[(i + 1)...]
                default: picked = values[i...]
                }
                return guarded(inList(lhs, picked.map(Scalar.string)))
            }
            guard let rhs = scalar(v, for: col, in: s) else { return .constant(false) }
            return guarded(.compare(lhs, CompareOp(op), rhs))
        case .inList(let negated, let values):
            var items: [Scalar] = []
            for v in values {
                guard let x = scalar(v, for: col, in: s) else { return .constant(false) }
                if !items.contains(x) { items.append(x) }
            }
            // `x not in []` is true exactly when x is present, like any comparison.
            if items.isEmpty { return negated ? guarded(.constant(true)) : .constant(false) }
            return guarded(.inList(lhs, items, negated: negated))
        case .between(let lo, let hi):
            if a.ordered, let values = a.values {
                guard case .string(let l) = lo, case .string(let h) = hi,
                      let i = values.firstIndex(of: l), let j = values.firstIndex(of: h) else {
                    return unsupported("between bounds are not ordered values of \"\(a.name)\"", s)
                }
                return i <= j ? guarded(inList(lhs, values[i...j].map(Scalar.string))) : .constant(false)
            }
            guard let l = scalar(lo, for: col, in: s), let h = scalar(hi, for: col, in: s) else { return .constant(false) }
            return guarded(and([.compare(lhs, .ge, l), .compare(lhs, .le, h)]))
        case .contains(let pattern):
            // Every present string contains "" (and starts with it).
            return guarded(pattern.isEmpty ? .constant(true) : .contains(lhs, pattern))
        case .startsWith(let pattern):
            return guarded(pattern.isEmpty ? .constant(true) : .startsWith(lhs, pattern))
        case .window(let w):
            return guarded(window(w, on: col, asOf: asOf, in: s))
        }
    }

    private func inList(_ lhs: Scalar, _ items: [Scalar]) -> Predicate {
        if items.isEmpty { return .constant(false) }
        if items.count == 1, let only = items.first { return .compare(lhs, .eq, only) }
        return .inList(lhs, items, negated: false)
    }

    private mutating func scalar(_ v: Value, for col: ColumnRef, in s: CheckedSegment) -> Scalar? {
        switch v {
        case .string(let x): return .string(x)
        case .int(let i): return .int(i)
        case .decimal(let d):
            guard NumberText.isValid(d) else { unsupported("\"\(d)\" is not a decimal number", s); return nil }
            return .decimal(d)
        case .bool(let b): return .bool(b)
        case .date(let d): return .date(.literal(d), asTimestamp: col.type == .timestamp)
        }
    }

    // MARK: Windows

    /// `start <= t < end` for a window on the date or timestamp column `col`.
    private mutating func window(_ w: CheckedWindow, on col: ColumnRef, asOf: CivilDate?, in s: CheckedSegment) -> Predicate {
        let t = Scalar.column(col)
        let ts = col.type == .timestamp
        func bound(_ d: DateExpr) -> Scalar { .date(d, asTimestamp: ts) }
        switch w {
        case .since(let x): return .compare(t, .ge, bound(.literal(x)))
        case .before(let x): return .compare(t, .lt, bound(.literal(x)))
        case .fiscal(let start, let end, _):
            return and([.compare(t, .ge, bound(.literal(start))), .compare(t, .lt, bound(.literal(end)))])
        case .range(let x, let y):
            // Both days included: the end bound is the start of the day after Y.
            guard let after = y.adding(days: 1) else { return unsupported("window ends after year 9999", s) }
            return and([.compare(t, .ge, bound(.literal(x))), .compare(t, .lt, bound(.literal(after)))])
        case .last(let n, let unit):
            guard n >= 1, n <= 100_000 else { return unsupported("window \"last \(n)\" is out of range", s) }
            let (days, months): (Int, Int)
            switch unit {
            case .day: (days, months) = (n, 0)
            case .week: (days, months) = (7 * n, 0)
            case .month: (days, months) = (0, n)
            case .year: (days, months) = (0, 12 * n)
            }
            if let d = asOf {
                // Pinned: the bounds are literal dates computed here.
                guard let end = d.adding(days: 1),
                      let start = months > 0 ? end.adding(months: -months) : end.adding(days: -days) else {
                    return unsupported("window \"last \(n) \(unit.rawValue)s\" reaches outside years 1 to 9999", s)
                }
                return and([.compare(t, .ge, bound(.literal(start))), .compare(t, .lt, bound(.literal(end)))])
            }
            let start: DateExpr = months > 0 ? .today(plusDays: 1, minusMonths: months) : .today(plusDays: 1 - days, minusMonths: 0)
            return and([.compare(t, .ge, bound(start)), .compare(t, .lt, bound(.today(plusDays: 1, minusMonths: 0)))])
        }
    }

    // MARK: Event conditions

    private mutating func lower(event c: CheckedEventCondition, asOf: CivilDate?, in s: CheckedSegment) -> Predicate {
        let ev = c.event
        var filters: [Predicate] = []
        for (field, test) in c.predicates {
            let col = ColumnRef(alias: Alias.event, column: field.column, type: ValueTypeTag(field.type))
            filters.append(lower(test, on: col, attribute: field, asOf: asOf, in: s, inFilter: true))
        }
        if let w = c.window {
            let timeType: ValueTypeTag = ev.timeType == .date ? .date : .timestamp
            let col = ColumnRef(alias: Alias.event, column: ev.time, type: timeType)
            // Rows with no time are in no window: the WHERE drops them (the bounds compare NULL).
            filters.append(window(w, on: col, asOf: asOf, in: s))
        }
        let kind: AggregateKind
        let isCount: Bool
        switch c.aggregate?.function {
        case nil, .count?: kind = .count; isCount = true
        case .countDistinct?:
            guard let f = c.aggregate?.field else { return unsupported("count_distinct needs a field", s) }
            kind = .countDistinct(f.column); isCount = true
        case .sum?, .avg?, .min?, .max?:
            guard let agg = c.aggregate, let f = agg.field else { return unsupported("aggregate needs a field", s) }
            switch agg.function {
            case .sum: kind = .sum(f.column)
            case .avg: kind = .avg(f.column)
            case .min: kind = .min(f.column)
            default: kind = .max(f.column)
            }
            isCount = false
        }
        let join = EventJoin(alias: "", table: ev.table, keyColumn: ev.key, aggregate: kind, filter: and(filters))
        let alias = register(join)
        let v = ColumnRef(alias: alias, column: Alias.joinValue, type: .decimal, generated: true)
        // An entity without matching events has no joined row: count 0, aggregate missing.
        let value: Scalar = isCount ? .countOrZero(v) : .column(v)
        func test(_ cmp: AggregateComparison) -> Predicate? {
            switch cmp {
            case .compare(let op, let n):
                guard NumberText.isValid(n) else { return nil }
                return .compare(value, CompareOp(op), .decimal(n))
            case .between(let lo, let hi):
                guard NumberText.isValid(lo), NumberText.isValid(hi) else { return nil }
                return and([.compare(value, .ge, .decimal(lo)), .compare(value, .le, .decimal(hi))])
            }
        }
        guard let p = test(c.aggregate?.test ?? .compare(.ge, "1")) else { return unsupported("aggregate bound is not a number", s) }
        return isCount ? p : and([.isNull(.column(v), negated: true), p])
    }

    /// Adds the join, or reuses an identical one (a segment referenced twice shares its joins).
    private mutating func register(_ j: EventJoin) -> String {
        if let same = joins.first(where: { $0.table == j.table && $0.keyColumn == j.keyColumn && $0.aggregate == j.aggregate && $0.filter == j.filter }) {
            return same.alias
        }
        var j = j
        j.alias = "a\(joins.count + 1)"
        joins.append(j)
        return j.alias
    }

    @discardableResult
    private mutating func unsupported(_ message: String, _ s: CheckedSegment) -> Predicate {
        diagnostics.append(.error("E0504", message, at: s.span))
        return .constant(false)
    }

    // MARK: Boolean constructors that fold constants (keeps the SQL short and readable)

    func and(_ ps: [Predicate]) -> Predicate {
        var out: [Predicate] = []
        for p in ps {
            switch p {
            case .constant(true): continue
            case .constant(false): return .constant(false)
            case .and(let inner): out.append(contentsOf: inner)
            default: out.append(p)
            }
        }
        // Two tests on one column both carry its `IS NOT NULL` guard: keep the first.
        var seen: [Predicate] = []
        out = out.filter { p in
            guard case .isNull = p else { return true }
            if seen.contains(p) { return false }
            seen.append(p)
            return true
        }
        if out.isEmpty { return .constant(true) }
        return out.count == 1 ? out[0] : .and(out)
    }

    func or(_ ps: [Predicate]) -> Predicate {
        var out: [Predicate] = []
        for p in ps {
            switch p {
            case .constant(false): continue
            case .constant(true): return .constant(true)
            case .or(let inner): out.append(contentsOf: inner)
            default: out.append(p)
            }
        }
        if out.isEmpty { return .constant(false) }
        return out.count == 1 ? out[0] : .or(out)
    }

    func not(_ p: Predicate) -> Predicate {
        switch p {
        case .constant(let b): return .constant(!b)
        case .not(let inner): return inner
        default: return .not(p)
        }
    }
}

extension ValueTypeTag {
    init(_ t: ValueType) {
        switch t {
        case .string: self = .string
        case .int: self = .int
        case .decimal: self = .decimal
        case .bool: self = .bool
        case .date: self = .date
        case .timestamp: self = .timestamp
        }
    }
}

extension CompareOp {
    init(_ op: ComparisonOp) {
        switch op {
        case .eq: self = .eq
        case .ne: self = .ne
        case .lt: self = .lt
        case .le: self = .le
        case .gt: self = .gt
        case .ge: self = .ge
        }
    }
}

/// Number text goes into SQL verbatim, so it must be exactly `-?digits(.digits)?`.
enum NumberText {
    static func isValid(_ s: String) -> Bool {
        var u = Array(s.utf8)[...]
        if u.first == UInt8(ascii: "-") { u = u.dropFirst() }
        let parts = u.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }
}
