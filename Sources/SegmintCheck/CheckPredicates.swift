import SegmintCore
import SegmintSyntax
import SegmintCatalog

extension CheckState {
    /// Operator/type fit and literal types of one predicate on `column`.
    func checkTest(_ p: Predicate, column: Column) -> CheckedTest? {
        let type = column.attribute.type
        switch p.test {
        case .compare(let op, let lit):
            if op != .eq, op != .ne, !requireOrdering(column, op: op.rawValue, at: p.span) { return nil }
            return value(lit, for: column).map { .compare(op, $0) }
        case .inList(let negated, let list):
            let values = list.values.map { value($0, for: column) }
            let converted = values.compactMap { $0 }
            guard converted.count == values.count else { return nil }
            if list.values.isEmpty, !negated {
                warning(CheckCode.emptyRange, "\(column.label) in [] can never hold: the list is empty", at: p.span)
            }
            return .inList(negated: negated, converted)
        case .between(let lo, let hi):
            guard requireOrdering(column, op: "between", at: p.span) else { return nil }
            let l = value(lo, for: column), h = value(hi, for: column)
            guard let l, let h else { return nil }
            if let kl = orderKey(l, column), let kh = orderKey(h, column), kh < kl {
                warning(CheckCode.emptyRange, "between \(lo) and \(hi) can never hold: the low end is above the high end",
                        at: p.span, help: "write the smaller value first: between \(hi) and \(lo)")
            }
            return .between(l, h)
        case .contains(let s), .startsWith(let s):
            let word: String
            if case .contains = p.test { word = "contains" } else { word = "starts_with" }
            guard type == .string else {
                error(CheckCode.operatorType, "\(word) needs a string, but \(column.label) is \(type.rawValue)", at: p.span)
                return nil
            }
            if case .contains = p.test { return .contains(s.value) }
            return .startsWith(s.value)
        case .isMissing(let negated):
            if !column.attribute.nullable {
                let verdict = negated ? "always holds" : "can never hold"
                if !negated { neverSpans.append(p.span) }
                warning(CheckCode.neverMissing, "\(column.label) is declared nullable: false, so \"is \(negated ? "not " : "")missing\" \(verdict)",
                        at: p.span)
            }
            return .isMissing(negated: negated)
        case .window(let w):
            guard type.isTemporal else {
                error(CheckCode.windowType, "a window needs a date or timestamp, but \(column.label) is \(type.rawValue)", at: w.span,
                      help: "windows apply to events (has …) and to date or timestamp facets")
                return nil
            }
            return checkWindow(w, timeType: type).map { .window($0) }
        }
    }

    /// `<`, `>`, … and `between` need numbers, dates or an ordered enumerated string.
    func requireOrdering(_ column: Column, op: String, at span: Span) -> Bool {
        let a = column.attribute
        if a.type.isNumeric || a.type.isTemporal || (a.type == .string && a.ordered) { return true }
        let help = a.type == .string
            ? "only string facets declared `ordered` in the catalog can be ordered; use = or in"
            : "use = or !="
        let what = a.type == .string ? "an unordered string" : a.type.rawValue
        error(CheckCode.operatorType, "\"\(op)\" cannot order \(column.label): it is \(what)", at: span, help: help)
        return false
    }

    /// The literal converted to the column's type, or nil after an error.
    func value(_ lit: Literal, for column: Column) -> Value? {
        let a = column.attribute
        func mismatch() -> Value? {
            error(CheckCode.literalType, "\(lit) is \(Self.kindName(lit.value)), but \(column.label) is \(a.type.rawValue)", at: lit.span,
                  help: Self.literalHelp(a.type))
            return nil
        }
        switch (a.type, lit.value) {
        case (.string, .string(let s)):
            if let values = a.values, column.ordinals?[s] == nil {
                error(CheckCode.notAValue, "\(lit) is not a value of \(column.label)", at: lit.span,
                      help: Self.didYouMean(s, values) ?? Self.valuesHelp(values))
                return nil
            }
            return .string(s)
        case (.int, .number(let n)):
            if n.isDecimal {
                error(CheckCode.decimalForInt, "\(n.text) is a decimal, but \(column.label) is int", at: lit.span,
                      help: "write a whole number")
                return nil
            }
            guard let v = n.intValue else {
                error(CheckCode.outOfRange, "\(n.text) is out of range for int", at: lit.span, help: "int values are 64-bit")
                return nil
            }
            return .int(v)
        case (.decimal, .number(let n)):
            return .decimal(n.text)
        case (.bool, .bool(let b)):
            return .bool(b)
        case (.date, .date(let d)), (.timestamp, .date(let d)):
            return .date(d)
        default:
            return mismatch()
        }
    }

    static func kindName(_ v: LiteralValue) -> String {
        switch v {
        case .string: return "a string"
        case .number(let n): return n.isDecimal ? "a decimal" : "an int"
        case .date: return "a date"
        case .bool: return "a bool"
        }
    }

    static func literalHelp(_ t: ValueType) -> String {
        switch t {
        case .string: return "write a string in double quotes"
        case .int: return "write a whole number, e.g. 42"
        case .decimal: return "write a number, e.g. 12.50"
        case .bool: return "write true or false"
        case .date, .timestamp: return "write a date as YYYY-MM-DD"
        }
    }

    static func valuesHelp(_ values: [String]) -> String {
        let shown = values.prefix(8).map { "\"\($0)\"" }.joined(separator: ", ")
        return "values are \(shown)\(values.count > 8 ? ", …" : "")"
    }

    /// Position of a value in the column's order, when the column is ordered (numbers, dates,
    /// ordered strings). Discrete domains (int, date, enum) report integral keys.
    func orderKey(_ v: Value, _ column: Column) -> ExactDecimal? {
        switch v {
        case .int(let i): return ExactDecimal(i)
        case .decimal(let d): return ExactDecimal(d)
        case .date(let d): return ExactDecimal(Int64(d.daysSinceEpoch))
        case .string(let s):
            guard column.attribute.ordered, let i = column.ordinals?[s] else { return nil }
            return ExactDecimal(Int64(i))
        case .bool: return nil
        }
    }

    func checkWindow(_ w: Window, timeType: ValueType) -> CheckedWindow? {
        switch w.kind {
        case .last(let n, let unit):
            guard n >= 1 else {
                error(CheckCode.outOfRange, "last \(n) needs a number of at least 1", at: w.span)
                return nil
            }
            // The SQL backend's limit; past it (or past year 9999 from a pinned as_of) no SQL exists.
            let small = min(n, 100_000)
            let months = unit == .month ? small : unit == .year ? 12 * small : 0
            let days = unit == .day ? small : unit == .week ? 7 * small : 0
            let end = pinnedAsOf?.adding(days: 1)
            let start = months > 0 ? end?.adding(months: -months) : end?.adding(days: -days)
            if n > 100_000 || (pinnedAsOf != nil && start == nil) {
                error(CheckCode.outOfRange, "window last \(n) \(unit.rawValue)s reaches outside years 1 to 9999", at: w.span,
                      help: "use a shorter window, or since/before a date")
                return nil
            }
            return .last(n, unit)
        case .range(let a, let b):
            if b.adding(days: 1) == nil {
                error(CheckCode.outOfRange, "window \(a) to \(b) ends after year 9999", at: w.span)
                return nil
            }
            if b < a {
                warning(CheckCode.emptyRange, "window \(a) to \(b) can never hold: it ends before it starts", at: w.span,
                        help: "write the earlier date first: \(b) to \(a)")
            }
            return .range(a, b)
        case .fiscalYear(let y):
            guard let b = index.catalog.fiscalYear.bounds(ofYear: y) else {
                error(CheckCode.outOfRange, "fiscal year \(y) is out of range", at: w.span)
                return nil
            }
            return .fiscal(start: b.start, end: b.end, label: "FY\(y)")
        case .fiscalQuarter(let y, let q):
            guard let b = index.catalog.fiscalYear.bounds(ofQuarter: q, year: y) else {
                error(CheckCode.outOfRange, "fiscal quarter \(y) Q\(q) is out of range", at: w.span)
                return nil
            }
            return .fiscal(start: b.start, end: b.end, label: "FY\(y) Q\(q)")
        case .since(let d):
            return .since(d)
        case .before(let d):
            return .before(d)
        }
    }
}
