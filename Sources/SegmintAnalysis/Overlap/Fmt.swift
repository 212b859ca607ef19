/// Number formatting without locale surprises (output must be deterministic).
enum Fmt {
    /// `x` with exactly `digits` decimals, rounded half away from zero.
    static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "-" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard r < 9e15 else { return String(x) }
        let v = Int64(r)
        let s = String(v)
        let neg = x < 0 && v != 0 ? "-" : ""
        if digits == 0 { return neg + s }
        let padded = String(repeating: "0", count: max(0, digits + 1 - s.count)) + s
        return neg + padded.dropLast(digits) + "." + padded.suffix(digits)
    }

    static func percent(_ x: Double?, _ digits: Int = 1) -> String { x.map { fixed($0 * 100, digits) + "%" } ?? "-" }

    /// Thousands separators: 1234567 -> 1,234,567.
    static func count(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func pad(_ s: String, _ w: Int, right: Bool = false) -> String {
        let n = s.count
        guard n < w else { return s }
        return right ? String(repeating: " ", count: w - n) + s : s + String(repeating: " ", count: w - n)
    }

    /// Fixed-width text table: first column left-aligned, the rest right-aligned.
    static func table(_ header: [String], _ rows: [[String]], leftColumns: Int = 1) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for r in all { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ r: [String]) -> String {
            r.enumerated().map { i, c in pad(c, widths[i], right: i >= leftColumns) }.joined(separator: "  ")
        }
        var out = line(header) + "\n" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }

    static func jsonNumber(_ x: Double?) -> String {
        guard let x = x, x.isFinite else { return "null" }
        return fixed(x, 6)
    }
}
