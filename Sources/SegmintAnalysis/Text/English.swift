import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// Plain-English sentences for checked conditions, for marketers reading `explain`. The
/// wording keeps the spec's two-valued logic visible where it surprises people (a `!=` does
/// not match people whose value is unknown).
public struct English {
    public let program: CheckedProgram
    /// The as-of the segment's windows end on, as text ("2026-03-01" or "the run date").
    public let asOfText: String

    public init(program: CheckedProgram, asOf: CivilDate?) {
        self.program = program
        self.asOfText = asOf?.description ?? "the day the segment is run"
    }

    static func phrase(_ name: String) -> String { name.split(separator: "_").joined(separator: " ") }

    public func condition(_ c: CheckedCondition) -> String {
        switch c {
        case .all(let xs):
            if xs.isEmpty { return "always true (an empty `all`)" }
            return "all of: " + xs.map { "(" + condition($0) + ")" }.joined(separator: " and ")
        case .any(let xs):
            if xs.isEmpty { return "never true (an empty `any`)" }
            return "at least one of: " + xs.map { "(" + condition($0) + ")" }.joined(separator: " or ")
        case .not(let x): return "it is not the case that " + condition(x)
        case .inSegment(let n):
            let title = program.segment(named: n)?.title.map { " (\"\($0)\")" } ?? ""
            return "belongs to segment \(n)\(title)"
        case .facet(let f, let t): return facet(f, t)
        case .event(let e): return event(e)
        }
    }

    private func unit(_ a: Attribute) -> String { a.unit.map { " \($0)" } ?? "" }

    private func list(_ vs: [Value]) -> String {
        let items = vs.map(\.description)
        guard items.count > 1, let last = items.last else { return items.first ?? "nothing" }
        return items.dropLast().joined(separator: ", ") + " or " + last
    }

    func facet(_ f: Attribute, _ t: CheckedTest) -> String {
        let name = English.phrase(f.name)
        return name + " " + test(f, t)
    }

    func test(_ f: Attribute, _ t: CheckedTest) -> String {
        let u = unit(f)
        switch t {
        case .compare(let op, let v):
            if f.ordered, case .string(let s) = v, let vs = f.values, let i = vs.firstIndex(of: s) {
                let pick: ArraySlice<String>
                switch op {
                case .lt: pick = vs[..<i]
                case .le: pick = vs[...i]
                case .gt: pick = vs[(i + 1)...]
                case .ge: pick = vs[i...]
                case .eq, .ne: pick = []
                }
                let spelled = pick.isEmpty ? "" : " (" + pick.joined(separator: ", ") + ")"
                switch op {
                case .lt: return "is below \(v)\(spelled)"
                case .le: return "is \(v) or lower\(spelled)"
                case .gt: return "is above \(v)\(spelled)"
                case .ge: return "is \(v) or higher\(spelled)"
                case .eq: return "is \(v)"
                case .ne: return "is known and is not \(v)"
                }
            }
            switch op {
            case .eq: return "is \(v)\(u)"
            case .ne: return "is known and is not \(v)\(u)"
            case .lt: return f.type.isTemporal ? "is before \(v)" : "is below \(v)\(u)"
            case .le: return f.type.isTemporal ? "is on or before \(v)" : "is at most \(v)\(u)"
            case .gt: return f.type.isTemporal ? "is after \(v)" : "is above \(v)\(u)"
            case .ge: return f.type.isTemporal ? "is on or after \(v)" : "is at least \(v)\(u)"
            }
        case .inList(let neg, let vs):
            return neg ? "is known and is none of \(list(vs))" : "is \(list(vs))"
        case .between(let a, let b): return "is between \(a) and \(b)\(u) (both included)"
        case .contains(let s): return "contains \(StringLiteral.quote(s)) (ignoring case)"
        case .startsWith(let s): return "starts with \(StringLiteral.quote(s)) (ignoring case)"
        case .isMissing(let neg): return neg ? "is known" : "is unknown (no value recorded)"
        case .window(let w): return "falls " + window(w)
        }
    }

    func window(_ w: CheckedWindow) -> String {
        switch w {
        case .last(let n, let u): return "in the last \(n) \(u.rawValue)\(n == 1 ? "" : "s") up to \(asOfText)"
        case .range(let a, let b): return "between \(a) and \(b) (both days included)"
        case .fiscal(let s, let e, let label):
            let last = e.adding(days: -1)?.description ?? e.description
            return "in \(English.phrase(label)) (\(s) to \(last))"
        case .since(let d): return "on or after \(d)"
        case .before(let d): return "before \(d)"
        }
    }

    func event(_ e: CheckedEventCondition) -> String {
        let what = English.phrase(e.event.name)
        var filters = e.predicates.map { English.phrase($0.0.name) + " " + test($0.0, $0.1) }
        if let w = e.window { filters.append(window(w)) }
        let scope = filters.isEmpty ? "" : " (" + filters.joined(separator: "; ") + ")"
        guard let a = e.aggregate else { return "has at least one \(what) event\(scope)" }
        switch (a.function, a.test) {
        case (.count, .compare(let op, let n)):
            switch op {
            case .ge: return "has at least \(n) \(what) events\(scope)"
            case .gt: return "has more than \(n) \(what) events\(scope)"
            case .le: return "has at most \(n) \(what) events\(scope) (people with none count)"
            case .lt: return "has fewer than \(n) \(what) events\(scope) (people with none count)"
            case .eq: return n == "0" ? "has no \(what) events\(scope)" : "has exactly \(n) \(what) events\(scope)"
            case .ne: return "does not have exactly \(n) \(what) events\(scope)"
            }
        case (.count, .between(let x, let y)): return "has between \(x) and \(y) \(what) events\(scope)"
        default:
            let field = a.field.map { English.phrase($0.name) } ?? "value"
            let fn: String
            switch a.function {
            case .sum: fn = "total \(field)"
            case .avg: fn = "average \(field)"
            case .min: fn = "smallest \(field)"
            case .max: fn = "largest \(field)"
            case .countDistinct: fn = "number of different \(field) values"
            case .count: fn = "number"
            }
            let cmp: String
            switch a.test {
            case .compare(let op, let n):
                let words: [ComparisonOp: String] = [.eq: "is", .ne: "is not", .lt: "is below", .le: "is at most", .gt: "is above", .ge: "is at least"]
                cmp = "\(words[op] ?? op.rawValue) \(n)"
            case .between(let x, let y): cmp = "is between \(x) and \(y)"
            }
            let none = a.function == .countDistinct ? "" : " (people without such events do not match)"
            return "has \(what) events\(scope) whose \(fn) \(cmp)\(none)"
        }
    }
}

