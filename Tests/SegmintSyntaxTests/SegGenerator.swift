import SegmintSyntax

/// Generates random valid `.seg` text with random spacing and comments (deterministic per seed).
struct SegGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        // SplitMix64: small, fast, good enough for test inputs.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }

    mutating func ws() -> String {
        switch int(10) {
        case 0: return "\n    "
        case 1: return "  "
        case 2: return " # note \(int(99))\n"
        case 3: return "\n# own line\n"
        default: return " "
        }
    }

    mutating func name() -> String { pick(["state", "age", "tier", "spend", "x_1", "_y", "Q1", "RETRIEVED", "signup"]) }
    mutating func string() -> String { pick(["\"CA\"", "\"a\\\"b\"", "\"\"", "\"tab\\t\"", "\"\\u{1F600}\"", "\"é\"", "\"%_\\\\\""]) }
    mutating func number() -> String { pick(["0", "-3", "12.50", "9223372036854775807", "1", "-0.001"]) }
    mutating func date() -> String { pick(["2024-02-29", "2026-03-01", "1999-12-31"]) }
    mutating func value() -> String {
        switch int(4) { case 0: return string(); case 1: return number(); case 2: return date(); default: return pick(["true", "false"]) }
    }
    mutating func facet() -> String { chance(20) ? "\(name()).\(name())" : name() }

    mutating func window() -> String {
        switch int(6) {
        case 0: return "during\(ws())last \(1 + int(40)) \(pick(["day", "days", "week", "weeks", "month", "months", "year", "years"]))"
        case 1: return "during \(date()) to\(ws())\(date())"
        case 2: return "during fiscal_year \(2020 + int(8))"
        case 3: return "during fiscal_quarter \(2020 + int(8)) Q\(1 + int(4))"
        case 4: return "since \(date())"
        default: return "before \(date())"
        }
    }

    mutating func predicate() -> String {
        let f = facet()
        switch int(9) {
        case 0: return "\(f) \(pick(["=", "!=", "<", "<=", ">", ">="]))\(ws())\(value())"
        case 1: return "\(f) \(chance(50) ? "not in" : "in") [\((0..<int(4)).map { _ in value() }.joined(separator: ",\(ws())"))\(chance(20) ? "," : "")]"
        case 2: return "\(f) between \(value()) and \(value())"
        case 3: return "\(f) contains \(string())"
        case 4: return "\(f) starts_with \(string())"
        case 5: return "\(f) is missing"
        case 6: return "\(f) is not missing"
        default: return "\(f) \(window())"
        }
    }

    mutating func tag() -> String {
        let subject = chance(50) ? facet() : value()
        return "[\(pick(["RETRIEVED", "INFERRED"])):\(ws())\(subject)\(chance(30) ? " from \(string())" : "")]"
    }

    mutating func condition(depth: Int) -> String {
        var c: String
        switch depth > 3 ? 3 + int(3) : int(6) {
        case 0: c = "all {\(ws())\(block(depth: depth + 1))}"
        case 1: c = "any {\(block(depth: depth + 1))\(ws())}"
        case 2: c = "not\(ws())\(condition(depth: depth + 1))"
        case 3: c = "in segment \(name())"
        case 4:
            c = "has \(name())"
            if chance(60) { c += " where \((0..<(1 + int(3))).map { _ in predicate() }.joined(separator: "\(ws())and "))" }
            if chance(50) { c += ws() + window() }
            if chance(50) {
                let fn = chance(40) ? "count" : "\(pick(["sum", "avg", "min", "max", "count_distinct"]))(\(name()))"
                c += " \(fn) " + (chance(70) ? "\(pick(["=", "!=", "<", "<=", ">", ">="])) \(number())" : "between \(number()) and \(number())")
            }
        default: c = predicate()
        }
        for _ in 0..<(chance(40) ? 1 + int(3) : 0) { c += ws() + tag() }
        return c
    }

    mutating func block(depth: Int) -> String {
        (0..<int(5)).map { _ in condition(depth: depth) + ws() }.joined()
    }

    mutating func segment() -> String {
        var s = "segment \(name())\(chance(50) ? " " + string() : "")\(ws()){"
        for _ in 0..<int(5) {
            switch int(4) {
            case 0: s += "\(ws())description \(string())"
            case 1: s += "\(ws())as_of \(date())"
            case 2: s += "\(ws())include {\(ws())\(block(depth: 0))}"
            default: s += "\(ws())exclude {\(block(depth: 0))}"
            }
        }
        return s + "\(ws())}"
    }

    mutating func file() -> String {
        (0..<int(4)).map { _ in ws() + segment() }.joined() + (chance(50) ? ws() : "")
    }
}
