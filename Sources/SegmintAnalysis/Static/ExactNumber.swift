// Exact decimal numbers for range reasoning. Literals stay decimal text in the checked model;
// comparing them as Double could call `0.1000000000000000001 > 0.1` false and make the
// analysis claim something untrue, so comparisons here are exact on the digits.

/// An exact decimal number: sign, integer digits, fraction digits (normalised).
struct ExactNumber: Comparable, Hashable, CustomStringConvertible {
    let negative: Bool
    /// No leading zeros ("" for zero).
    let integer: [UInt8]
    /// No trailing zeros.
    let fraction: [UInt8]

    init?(_ text: String) {
        var s = Substring(text)
        var neg = false
        if s.hasPrefix("-") { neg = true; s = s.dropFirst() } else if s.hasPrefix("+") { s = s.dropFirst() }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let ip = parts.first, !(ip.isEmpty && parts.count == 1) else { return nil }
        var intDigits: [UInt8] = [], fracDigits: [UInt8] = []
        for c in ip.utf8 { guard c >= 48 && c <= 57 else { return nil }; intDigits.append(c - 48) }
        if parts.count == 2 {
            for c in parts[1].utf8 { guard c >= 48 && c <= 57 else { return nil }; fracDigits.append(c - 48) }
        }
        guard !(intDigits.isEmpty && fracDigits.isEmpty) else { return nil }
        while let f = intDigits.first, f == 0 { intDigits.removeFirst() }
        while let l = fracDigits.last, l == 0 { fracDigits.removeLast() }
        integer = intDigits; fraction = fracDigits
        negative = neg && !(intDigits.isEmpty && fracDigits.isEmpty)   // -0 is 0
    }

    init(_ value: Int) {
        // String(Int) is always a valid decimal; the fallback keeps this total without `!`.
        self = ExactNumber(String(value)) ?? ExactNumber.zero
    }

    private init(negative: Bool, integer: [UInt8], fraction: [UInt8]) {
        self.negative = negative; self.integer = integer; self.fraction = fraction
    }

    static let zero = ExactNumber(negative: false, integer: [], fraction: [])

    var isIntegral: Bool { fraction.isEmpty }

    /// The value as Int64 when integral and in range.
    var int64: Int64? {
        guard isIntegral else { return nil }
        let text = (negative ? "-" : "") + (integer.isEmpty ? "0" : integer.map { String($0) }.joined())
        return Int64(text)
    }

    var description: String {
        var s = negative ? "-" : ""
        s += integer.isEmpty ? "0" : integer.map { String($0) }.joined()
        if !fraction.isEmpty { s += "." + fraction.map { String($0) }.joined() }
        return s
    }

    /// Compares magnitudes only.
    private static func compareMagnitude(_ a: ExactNumber, _ b: ExactNumber) -> Int {
        if a.integer.count != b.integer.count { return a.integer.count < b.integer.count ? -1 : 1 }
        for (x, y) in zip(a.integer, b.integer) where x != y { return x < y ? -1 : 1 }
        let n = max(a.fraction.count, b.fraction.count)
        for i in 0..<n {
            let x = i < a.fraction.count ? a.fraction[i] : 0
            let y = i < b.fraction.count ? b.fraction[i] : 0
            if x != y { return x < y ? -1 : 1 }
        }
        return 0
    }

    static func < (a: ExactNumber, b: ExactNumber) -> Bool {
        if a.negative != b.negative { return a.negative }
        let m = compareMagnitude(a, b)
        return a.negative ? m > 0 : m < 0
    }
}
