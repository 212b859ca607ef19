import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// One stored value, as the test datasets hold it.
enum Cell: Equatable {
    case null
    case text(String)
    case int(Int64)
    case dec(Double)
    case bool(Bool)
    case date(CivilDate)
    /// A day and the seconds since its midnight.
    case ts(CivilDate, Int)
}

struct Table {
    var name: String
    var columns: [(name: String, type: ValueType)]
    var rows: [[Cell]]

    func index(of column: String) -> Int? { columns.firstIndex { $0.name == column } }
}

struct Dataset {
    var entities: Table
    var events: [Table]
    func table(_ name: String) -> Table? { events.first { $0.name == name } }
}

/// Evaluates a segment over in-memory rows by reading spec §3 literally — written apart from
/// the SQL backend (its own window and month arithmetic) so the two can disagree.
struct ReferenceEvaluator {
    let program: CheckedProgram
    let data: Dataset
    /// `--as-of`, and the date "today" stands for when neither it nor the segment pins one.
    let optionAsOf: CivilDate?
    let today: CivilDate

    func keys(of name: String) -> Set<String> {
        guard let s = program.segment(named: name), let k = data.entities.index(of: program.catalog.entity.key) else { return [] }
        var out = Set<String>()
        for row in data.entities.rows where member(s, row) {
            if case .int(let i) = row[k] { out.insert(String(i)) }
        }
        return out
    }

    func member(_ s: CheckedSegment, _ row: [Cell]) -> Bool {
        let d = s.asOf ?? optionAsOf ?? today
        let inc = s.include.map { $0.allSatisfy { holds($0, row, d) } } ?? true
        let exc = s.exclude.contains { holds($0, row, d) }
        return inc && !exc
    }

    func holds(_ c: CheckedCondition, _ row: [Cell], _ d: CivilDate) -> Bool {
        switch c {
        case .all(let cs): return cs.allSatisfy { holds($0, row, d) }
        case .any(let cs): return cs.contains { holds($0, row, d) }
        case .not(let x): return !holds(x, row, d)
        case .inSegment(let n):
            guard let s = program.segment(named: n) else { return false }
            return member(s, row)   // the referenced segment uses its own as-of
        case .facet(let f, let t):
            guard let i = data.entities.index(of: f.column) else { return false }
            return test(t, row[i], attribute: f, asOf: d)
        case .event(let e):
            return event(e, row, d)
        }
    }

    func event(_ e: CheckedEventCondition, _ row: [Cell], _ d: CivilDate) -> Bool {
        guard let t = data.table(e.event.table), let ki = data.entities.index(of: program.catalog.entity.key),
              let ek = t.index(of: e.event.key), let ti = t.index(of: e.event.time) else { return false }
        let matching = t.rows.filter { ev in
            guard ev[ek] == row[ki], ev[ek] != .null else { return false }
            for (f, test) in e.predicates {
                guard let i = t.index(of: f.column), self.test(test, ev[i], attribute: f, asOf: d) else { return false }
            }
            if let w = e.window, !inWindow(w, ev[ti], asOf: d) { return false }
            return true
        }
        guard let agg = e.aggregate else { return !matching.isEmpty }
        let value: Double?
        if let f = agg.field, let fi = t.index(of: f.column) {
            let present = matching.map { $0[fi] }.filter { $0 != .null }
            let nums = present.compactMap(number)
            switch agg.function {
            case .count: value = Double(matching.count)
            case .countDistinct: value = Double(Set(present.map { "\($0)" }).count)
            case .sum: value = nums.isEmpty ? nil : nums.reduce(0, +)
            case .avg: value = nums.isEmpty ? nil : nums.reduce(0, +) / Double(nums.count)
            case .min: value = nums.min()
            case .max: value = nums.max()
            }
        } else {
            value = Double(matching.count)
        }
        guard let v = value else { return false }   // a missing aggregate compares false
        switch agg.test {
        case .compare(let op, let n): return cmp(v, op, Double(n) ?? .nan)
        case .between(let lo, let hi): return v >= (Double(lo) ?? .nan) && v <= (Double(hi) ?? .nan)
        }
    }

    func number(_ c: Cell) -> Double? {
        switch c { case .int(let i): return Double(i); case .dec(let x): return x; default: return nil }
    }

    func cmp<T: Comparable>(_ a: T, _ op: ComparisonOp, _ b: T) -> Bool {
        switch op {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        }
    }

    /// A point in time as (day number, seconds); a date is the start of its day.
    func instant(_ c: Cell) -> (Int, Int)? {
        switch c {
        case .date(let x): return (x.daysSinceEpoch, 0)
        case .ts(let x, let s): return (x.daysSinceEpoch, s)
        default: return nil
        }
    }
    func dayStart(_ x: CivilDate) -> (Int, Int) { (x.daysSinceEpoch, 0) }

    func test(_ t: CheckedTest, _ v: Cell, attribute a: Attribute, asOf d: CivilDate) -> Bool {
        if case .isMissing(let negated) = t { return (v == .null) != negated }
        if v == .null { return false }   // two-valued logic: every other test is false on missing
        switch t {
        case .isMissing: return false
        case .compare(let op, let lit): return compare(v, op, lit, a)
        case .inList(let negated, let lits):
            let found = lits.contains { compare(v, .eq, $0, a) }
            return negated ? !found : found
        case .between(let lo, let hi): return compare(v, .ge, lo, a) && compare(v, .le, hi, a)
        case .contains(let p):
            guard case .text(let s) = v else { return false }
            let h = asciiLower(s), n = asciiLower(p)
            if n.isEmpty { return true }
            guard h.count >= n.count else { return false }
            return (0...(h.count - n.count)).contains { Array(h[$0..<($0 + n.count)]) == n }
        case .startsWith(let p):
            guard case .text(let s) = v else { return false }
            return asciiLower(s).starts(with: asciiLower(p))
        case .window(let w): return inWindow(w, v, asOf: d)
        }
    }

    func asciiLower(_ s: String) -> [Unicode.Scalar] {
        s.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32) ?? $0 : $0 }
    }

    func compare(_ v: Cell, _ op: ComparisonOp, _ lit: Value, _ a: Attribute) -> Bool {
        switch (v, lit) {
        case (.text(let s), .string(let l)):
            if a.ordered, let values = a.values, op != .eq, op != .ne {
                guard let i = values.firstIndex(of: s), let j = values.firstIndex(of: l) else { return false }
                return cmp(i, op, j)
            }
            if op == .eq { return Array(s.unicodeScalars) == Array(l.unicodeScalars) }
            if op == .ne { return Array(s.unicodeScalars) != Array(l.unicodeScalars) }
            return false
        case (.int, _), (.dec, _):
            guard let x = number(v) else { return false }
            switch lit {
            case .int(let i): return cmp(x, op, Double(i))
            case .decimal(let t): return cmp(x, op, Double(t) ?? .nan)
            default: return false
            }
        case (.bool(let b), .bool(let l)):
            return op == .eq ? b == l : op == .ne ? b != l : false
        case (.date, .date(let l)), (.ts, .date(let l)):
            guard let x = instant(v) else { return false }
            let y = dayStart(l)
            return cmp(x.0, .eq, y.0) ? cmp(x.1, op, y.1) : cmp(x.0, op, y.0)
        default: return false
        }
    }

    /// Month stepping with the day clamped — the evaluator's own arithmetic.
    func minusMonths(_ x: CivilDate, _ n: Int) -> CivilDate {
        var y = x.year, m = x.month - n
        while m < 1 { m += 12; y -= 1 }
        var day = x.day
        while CivilDate(year: y, month: m, day: day) == nil { day -= 1 }
        return CivilDate(year: y, month: m, day: day) ?? x
    }

    func inWindow(_ w: CheckedWindow, _ v: Cell, asOf d: CivilDate) -> Bool {
        guard let t = instant(v) else { return false }
        func ge(_ x: CivilDate) -> Bool { t >= dayStart(x) }
        func lt(_ x: CivilDate) -> Bool { t < dayStart(x) }
        switch w {
        case .since(let x): return ge(x)
        case .before(let x): return lt(x)
        case .range(let x, let y):
            // X <= date(t) <= Y
            return t.0 >= x.daysSinceEpoch && t.0 <= y.daysSinceEpoch
        case .fiscal(let s, let e, _): return ge(s) && lt(e)
        case .last(let n, let unit):
            let endDay = d.daysSinceEpoch + 1
            guard let end = CivilDate(daysSinceEpoch: endDay) else { return false }
            let start: CivilDate?
            switch unit {
            case .day: start = CivilDate(daysSinceEpoch: endDay - n)
            case .week: start = CivilDate(daysSinceEpoch: endDay - 7 * n)
            case .month: start = minusMonths(end, n)
            case .year: start = minusMonths(end, 12 * n)
            }
            guard let st = start else { return false }
            return ge(st) && lt(end)
        }
    }
}
