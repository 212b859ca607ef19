import SegmintCore
import SegmintSyntax
import SegmintCatalog

/// A value as the contradiction analysis compares it: numbers exactly, so `5` and `5.0` agree.
private enum Key: Hashable {
    case number(ExactDecimal), string(String), bool(Bool), date(CivilDate)

    init?(_ v: Value) {
        switch v {
        case .int(let i): self = .number(ExactDecimal(i))
        case .decimal(let d): guard let e = ExactDecimal(d) else { return nil }; self = .number(e)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        case .date(let d): self = .date(d)
        }
    }
}

/// Everything the tests on one column inside one `all` demand together. Only facts that
/// certainly hold are recorded, so "unsatisfiable" is never claimed for a satisfiable set.
private struct Demands {
    var lower: (key: ExactDecimal, inclusive: Bool)?
    var upper: (key: ExactDecimal, inclusive: Bool)?
    /// The value must be one of these (from `=` and `in`).
    var allowed: Set<Key>?
    var allowedOrder: [Key: ExactDecimal] = [:]
    /// The value must be none of these (from `!=` and `not in`).
    var excluded = Set<Key>()
    var excludedOrder = Set<ExactDecimal>()
    var mustBeMissing = false
    var mustBePresent = false

    mutating func raise(_ k: ExactDecimal, inclusive: Bool) {
        if let l = lower, l.key > k || (l.key == k && !l.inclusive) { return }
        lower = (k, inclusive)
    }

    mutating func cap(_ k: ExactDecimal, inclusive: Bool) {
        if let u = upper, u.key < k || (u.key == k && !u.inclusive) { return }
        upper = (k, inclusive)
    }

    func within(_ k: ExactDecimal) -> Bool {
        if let l = lower, k < l.key || (k == l.key && !l.inclusive) { return false }
        if let u = upper, k > u.key || (k == u.key && !u.inclusive) { return false }
        return true
    }

    func unsatisfiable(type: ValueType) -> Bool {
        if mustBeMissing && mustBePresent { return true }
        if let allowed {
            let left = allowed.filter { !excluded.contains($0) && allowedOrder[$0].map(within) ?? true }
            if left.isEmpty { return true }
        }
        if let l = lower, let u = upper {
            if u.key < l.key { return true }
            if u.key == l.key && (!l.inclusive || !u.inclusive || excludedOrder.contains(l.key)) { return true }
        }
        if type == .bool, excluded.contains(.bool(true)), excluded.contains(.bool(false)) { return true }
        return false
    }
}

extension CheckState {
    /// Warns (W0301) when the tests on one column, all required together, admit no value.
    func reportNeverHolds(_ tests: [ColumnTest]) {
        guard tests.count > 1 else { return }
        for group in groupsByColumn(tests) {
            let column = group[0].column, label = column.label
            var d = Demands()
            for (j, t) in group.enumerated() {
                apply(t.test, column: column, to: &d)
                if d.unsatisfiable(type: column.attribute.type) {
                    let notes = group[..<j].map { Diagnostic.Note(span: $0.span, message: "contradicts this condition on \(label)") }
                    warning(CheckCode.neverHolds, "conditions on \(label) can never hold together", at: t.span,
                            help: "no value of \(label) satisfies all of them; did you mean any { … }?", notes: notes)
                    break
                }
            }
        }
    }

    /// Tests of each column that is tested more than once, in first-use order. Columns are
    /// shared objects, so grouping is by identity: a quadratic scan for the usual handful of
    /// conditions (no allocation when no column repeats), a dictionary for large blocks.
    private func groupsByColumn(_ tests: [ColumnTest]) -> [[ColumnTest]] {
        if tests.count <= 16 {
            var groups: [[ColumnTest]] = []
            var done: [ObjectIdentifier] = []
            for (i, first) in tests.enumerated() {
                let id = ObjectIdentifier(first.column)
                guard !done.contains(id), tests[(i + 1)...].contains(where: { $0.column === first.column }) else { continue }
                done.append(id)
                groups.append(tests[i...].filter { $0.column === first.column })
            }
            return groups
        }
        var byColumn: [ObjectIdentifier: Int] = [:]
        var groups: [[ColumnTest]] = []
        for t in tests {
            let id = ObjectIdentifier(t.column)
            if let g = byColumn[id] { groups[g].append(t) } else { byColumn[id] = groups.count; groups.append([t]) }
        }
        return groups.filter { $0.count > 1 }
    }

    /// Discrete domains let `x > 5` become `x >= 6`, so `x > 5 and x < 6` is caught for ints.
    private func isDiscrete(_ column: Column) -> Bool {
        let t = column.attribute.type
        return t == .int || t == .date || (t == .string && column.attribute.ordered)
    }

    private func bound(_ v: Value, _ column: Column, strict: Bool, up: Bool) -> (ExactDecimal, Bool)? {
        guard let k = orderKey(v, column) else { return nil }
        guard strict, isDiscrete(column), let whole = k.int64 else { return (k, !strict) }
        let (next, overflow) = up ? whole.subtractingReportingOverflow(1) : whole.addingReportingOverflow(1)
        return overflow ? (k, false) : (ExactDecimal(next), true)
    }

    private func apply(_ test: CheckedTest, column: Column, to d: inout Demands) {
        func allow(_ values: [Value]) {
            var keys = Set<Key>()
            for v in values {
                guard let k = Key(v) else { continue }
                keys.insert(k)
                if let o = orderKey(v, column) { d.allowedOrder[k] = o }
            }
            d.allowed = d.allowed.map { $0.intersection(keys) } ?? keys
        }
        func exclude(_ v: Value) {
            if let k = Key(v) { d.excluded.insert(k) }
            if let o = orderKey(v, column) { d.excludedOrder.insert(o) }
        }
        func lowerBound(_ v: Value, strict: Bool) {
            if let (k, inc) = bound(v, column, strict: strict, up: false) { d.raise(k, inclusive: inc) }
        }
        func upperBound(_ v: Value, strict: Bool) {
            if let (k, inc) = bound(v, column, strict: strict, up: true) { d.cap(k, inclusive: inc) }
        }
        func day(_ c: CivilDate) -> ExactDecimal { ExactDecimal(Int64(c.daysSinceEpoch)) }
        switch test {
        case .isMissing(let negated):
            if negated { d.mustBePresent = true } else { d.mustBeMissing = true }
            return
        default:
            // Every other test is false on a missing value (two-valued logic, spec §3).
            d.mustBePresent = true
        }
        switch test {
        case .compare(.eq, let v): allow([v])
        case .compare(.ne, let v): exclude(v)
        case .compare(.lt, let v): upperBound(v, strict: true)
        case .compare(.le, let v): upperBound(v, strict: false)
        case .compare(.gt, let v): lowerBound(v, strict: true)
        case .compare(.ge, let v): lowerBound(v, strict: false)
        case .inList(false, let vs): allow(vs)
        case .inList(true, let vs): vs.forEach(exclude)
        case .between(let a, let b): lowerBound(a, strict: false); upperBound(b, strict: false)
        case .window(let w):
            let isDate = column.attribute.type == .date
            switch w {
            case .since(let x): d.raise(day(x), inclusive: true)
            case .before(let x): d.cap(day(x), inclusive: false)
            case .range(let x, let y):
                d.raise(day(x), inclusive: true)
                // A timestamp on day y is before the start of y + 1.
                if isDate { d.cap(day(y), inclusive: true) } else if let next = y.adding(days: 1) { d.cap(day(next), inclusive: false) }
            case .fiscal(let s, let e, _):
                d.raise(day(s), inclusive: true); d.cap(day(e), inclusive: false)
            case .last:
                break   // relative to the as-of date, unknown here
            }
        case .contains, .startsWith, .isMissing:
            break
        }
    }
}

extension CheckState {
    /// Warns (W0304) on the segment when its include can certainly select nobody: one of its
    /// conditions can never hold (W0301, W0302, or W0303's `is missing` on a never-missing
    /// facet), directly or in every branch of an `any`. Sound rather than complete: `not`,
    /// `in segment` and aggregates other than an empty range are never claimed.
    func reportSegmentNeverMatches(_ seg: SegmentDecl) {
        guard !neverSpans.isEmpty else { return }
        for item in seg.items {
            guard case .include(let block, _) = item else { continue }
            guard let culprit = block.conditions.first(where: neverHolds) else { return }
            let how: String
            if case .any = culprit.kind { how = "no branch of this any can hold" } else { how = "this condition can never hold here" }
            warning(CheckCode.segmentNeverMatches, "segment \"\(seg.name.name)\" can never match", at: seg.name.span,
                    help: "its include requires a condition that can never hold, so it selects nobody; fix or remove that condition",
                    notes: [Diagnostic.Note(span: culprit.span, message: how)])
            return
        }
    }

    /// True only when `c` certainly holds for nobody, judged from the never-hold warnings.
    private func neverHolds(_ c: Condition) -> Bool {
        switch c.kind {
        case .all(let block):
            return block.conditions.contains(where: neverHolds)
        case .any(let block):
            return !block.conditions.isEmpty && block.conditions.allSatisfy(neverHolds)
        case .predicate(let p):
            return flagged(p.span)
        case .has(let h):
            // With an aggregate, zero matching events can still pass (`count < 3`); only an
            // empty aggregate range is certain.
            if let a = h.aggregate { return flagged(a.span) }
            return h.predicates.contains { flagged($0.span) } || h.window.map { flagged($0.span) } == true
        case .not, .inSegment:
            return false
        }
    }

    private func flagged(_ span: Span) -> Bool {
        neverSpans.contains { $0.file == span.file && span.start <= $0.start && $0.end <= span.end }
    }
}
