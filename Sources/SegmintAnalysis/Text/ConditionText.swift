import SegmintCore
import SegmintSyntax
import SegmintCheck

/// Renders checked conditions back in `.seg` syntax, one line each: used in analysis output,
/// `explain` and `recommend` to quote exactly what a finding is about.
public enum ConditionText {
    public static func seg(_ c: CheckedCondition) -> String {
        switch c {
        case .all(let xs): return "all { " + xs.map(seg).joined(separator: " ") + " }"
        case .any(let xs): return "any { " + xs.map(seg).joined(separator: " ") + " }"
        case .not(let x): return "not " + seg(x)
        case .inSegment(let n): return "in segment \(n)"
        case .facet(let f, let t): return "\(f.name) \(test(t))"
        case .event(let e): return event(e)
        }
    }

    public static func event(_ e: CheckedEventCondition) -> String {
        var s = "has \(e.event.name)"
        if !e.predicates.isEmpty {
            s += " where " + e.predicates.map { "\($0.0.name) \(test($0.1))" }.joined(separator: " and ")
        }
        if let w = e.window { s += " " + window(w) }
        if let a = e.aggregate { s += " " + aggregate(a) }
        return s
    }

    public static func test(_ t: CheckedTest) -> String {
        switch t {
        case .compare(let op, let v): return "\(op.rawValue) \(v)"
        case .inList(let neg, let vs): return (neg ? "not in [" : "in [") + vs.map(\.description).joined(separator: ", ") + "]"
        case .between(let a, let b): return "between \(a) and \(b)"
        case .contains(let s): return "contains \(StringLiteral.quote(s))"
        case .startsWith(let s): return "starts_with \(StringLiteral.quote(s))"
        case .isMissing(let neg): return neg ? "is not missing" : "is missing"
        case .window(let w): return window(w)
        }
    }

    public static func window(_ w: CheckedWindow) -> String {
        switch w {
        case .last(let n, let u): return "during last \(n) \(u.rawValue)\(n == 1 ? "" : "s")"
        case .range(let a, let b): return "during \(a) to \(b)"
        case .fiscal(let start, let end, let label): return "during " + fiscal(label, start, end)
        case .since(let d): return "since \(d)"
        case .before(let d): return "before \(d)"
        }
    }

    /// The checker labels fiscal windows `FY2026` / `FY2026 Q4`; written back as source.
    static func fiscal(_ label: String, _ start: CivilDate, _ end: CivilDate) -> String {
        let parts = label.split(separator: " ")
        if let fy = parts.first, fy.hasPrefix("FY"), let year = Int(fy.dropFirst(2)) {
            if parts.count == 1 { return "fiscal_year \(year)" }
            if parts.count == 2, ["Q1", "Q2", "Q3", "Q4"].contains(String(parts[1])) { return "fiscal_quarter \(year) \(parts[1])" }
        }
        return "\(start) to \(end.adding(days: -1) ?? end)"
    }

    public static func aggregate(_ a: CheckedAggregate) -> String {
        let f: String
        switch a.function {
        case .count: f = "count"
        case .sum: f = "sum(\(a.field?.name ?? "?"))"
        case .avg: f = "avg(\(a.field?.name ?? "?"))"
        case .min: f = "min(\(a.field?.name ?? "?"))"
        case .max: f = "max(\(a.field?.name ?? "?"))"
        case .countDistinct: f = "count_distinct(\(a.field?.name ?? "?"))"
        }
        switch a.test {
        case .compare(let op, let n): return "\(f) \(op.rawValue) \(n)"
        case .between(let x, let y): return "\(f) between \(x) and \(y)"
        }
    }
}
