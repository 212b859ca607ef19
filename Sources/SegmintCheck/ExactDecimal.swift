/// An exact decimal number parsed from literal text (`-12.50`), compared without binary
/// floating point so the "can never hold" analysis never calls two different numbers equal.
struct ExactDecimal: Comparable, Hashable {
    let negative: Bool
    /// Integer digits without leading zeros ("" for zero).
    let whole: String
    /// Fraction digits without trailing zeros.
    let fraction: String

    init?(_ text: String) {
        // Byte-level: this runs for many literals of a large file, so no splitting or copies.
        var neg = false, sawDot = false, sawDigit = false
        var whole: [UInt8] = [], fraction: [UInt8] = []
        var first = true
        for b in text.utf8 {
            defer { first = false }
            if first && (b == 0x2D || b == 0x2B) { neg = b == 0x2D; continue }
            if b == 0x2E {
                guard !sawDot else { return nil }
                sawDot = true
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { return nil }
            sawDigit = true
            if sawDot { fraction.append(b) } else if !(whole.isEmpty && b == 0x30) { whole.append(b) }
        }
        guard sawDigit else { return nil }
        while fraction.last == 0x30 { fraction.removeLast() }
        self.whole = String(decoding: whole, as: UTF8.self)
        self.fraction = String(decoding: fraction, as: UTF8.self)
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
