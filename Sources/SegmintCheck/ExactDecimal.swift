/// An exact decimal number parsed from literal text (`-12.50`), compared without binary
/// floating point so the "can never hold" analysis never calls two different numbers equal.
struct ExactDecimal: Comparable, Hashable {
    let negative: Bool
    /// Integer digits without leading zeros ("" for zero).
    let whole: String
    /// Fraction digits without trailing zeros.
    let fraction: String

    init?(_ text: String) {
        var s = Substring(text)
        var neg = false
        if s.first == "-" { neg = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty || parts.count == 2 else { return nil }
        let w = first.drop { $0 == "0" }
        let f = parts.count == 2 ? String(parts[1].reversed().drop { $0 == "0" }.reversed()) : ""
        guard w.allSatisfy({ $0.isASCII && $0.isNumber }), f.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        whole = String(w); fraction = f
        negative = neg && !(whole.isEmpty && fraction.isEmpty)
    }

    init(_ value: Int64) {
        negative = value < 0
        whole = value == 0 ? "" : String(value.magnitude)
        fraction = ""
    }

    /// The value as Int64 when it is a whole number that fits.
    var int64: Int64? {
        guard fraction.isEmpty else { return nil }
        return Int64((negative ? "-" : "") + (whole.isEmpty ? "0" : whole))
    }

    private static func magnitudeLess(_ a: ExactDecimal, _ b: ExactDecimal) -> Bool {
        if a.whole.count != b.whole.count { return a.whole.count < b.whole.count }
        if a.whole != b.whole { return a.whole < b.whole }
        return a.fraction < b.fraction   // digit strings without trailing zeros compare lexicographically
    }

    static func < (a: ExactDecimal, b: ExactDecimal) -> Bool {
        if a.negative != b.negative { return a.negative }
        return a.negative ? magnitudeLess(b, a) : magnitudeLess(a, b)
    }
}
