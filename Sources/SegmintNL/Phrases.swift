import SegmintCore
import SegmintSyntax

/// Numbers as users write them: digits (with `,` separators, a decimal point or a `k`/`m`
/// suffix), a scale word after digits ("5 thousand"), or number words ("twenty five", "a dozen").
enum NumberWords {
    /// A whole number ≥ 0 from one word: digits or a number word.
    static func value(_ w: String) -> Int? {
        let s = w.lowercased().replacingOccurrences(of: ",", with: "")
        if let n = Int(s), n >= 0 { return n }
        return EnglishLayer.shared.numbers[s]
    }

    /// Canonical decimal text of one word (`1,000` → `1000`, `12.50` stays, `five` → `5`), or nil.
    static func decimal(_ w: String) -> String? {
        var s = w.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "$", with: "")
        // A negative number ("-100", "−90"): the sign, then the digits.
        if let f = s.first, f == "-" || f == "\u{2212}", s.count > 1, s.dropFirst().first?.isNumber == true {
            return decimal(String(s.dropFirst())).map { "-" + $0 }
        }
        guard !s.isEmpty else { return nil }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return EnglishLayer.shared.numbers[s.lowercased()].map(String.init)
        }
        return s
    }

    /// The number starting at word `i`: its canonical text and how many words it took.
    static func match(_ w: [Word], at i: Int) -> (text: String, length: Int)? {
        guard i < w.count else { return nil }
        let scales = EnglishLayer.shared.number_scales
        let raw = w[i].text.lowercased()
        // "5k", "2m": digits with a scale letter.
        if let last = raw.last, let scale = scales[String(last)], raw.count > 1,
           let n = Double(raw.dropLast().replacingOccurrences(of: ",", with: "")) {
            return (format(n * Double(scale)), 1)
        }
        if let d = decimal(w[i].text), w[i].text.first?.isNumber == true || d.hasPrefix("-") {
            if i + 1 < w.count, let scale = scales[w[i + 1].text.lowercased()], scale >= 100, let n = Double(d) {
                return (format(n * Double(scale)), 2)
            }
            return (d, 1)
        }
        // Number words: "a dozen", "twenty five", "two hundred".
        var total = 0, current = 0, k = i
        while let m = EnglishWords.numbers.match(w, at: k) {
            let v = m.value
            if v >= 100, let s = scales[w[k].text.lowercased()], s == v { current = max(current, 1) * v }
            else { current += v }
            k += m.length
            if v >= 1000 { total += current; current = 0 }
        }
        guard k > i else { return nil }
        return (String(total + current), k - i)
    }

    static func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }
}

/// Unit words of time windows, from the English layer (`days` → `day`, `qtr` → nil).
enum TimeUnitWords {
    static func unit(_ w: String) -> String? {
        let u = EnglishLayer.shared.periods.units[w.lowercased()]
        return u == "quarter" ? nil : u
    }
    static func isQuarter(_ w: String) -> Bool { EnglishLayer.shared.periods.units[w.lowercased()] == "quarter" }
}

/// A comparison the user wrote in words, e.g. "over 500", "at least 3", "between 25 and 40",
/// "3 or more", "at least twice"; the words come from the English layer.
struct Comparison: Equatable {
    var op: String
    var numbers: [String]
    /// True when the number was a count word ("twice", "three times").
    var times = false
    /// The test as `.seg` text after the subject: `> 500`, `between 25 and 40`.
    var text: String { op == "between" ? "between \(numbers[0]) and \(numbers[1])" : "\(op) \(numbers[0])" }

    /// The test on a facet or field: `> 500`, `between 25 and 40` (nil for a number the
    /// language cannot write).
    var predicateTest: PredicateTest? {
        if op == "between" {
            guard numbers.count == 2, let a = NumberLiteral(numbers[0]), let b = NumberLiteral(numbers[1]) else { return nil }
            return .between(.number(a), .number(b))
        }
        guard let o = ComparisonOp(rawValue: op), let n = numbers.first.flatMap(NumberLiteral.init) else { return nil }
        return .compare(o, .number(n))
    }

    /// The same bound on an event count: `count >= 3`.
    var countAggregate: Aggregate? {
        if op == "between" {
            guard numbers.count == 2, let a = NumberLiteral(numbers[0]), let b = NumberLiteral(numbers[1]) else { return nil }
            return Aggregate(.count, between: a, and: b)
        }
        guard let o = ComparisonOp(rawValue: op), let n = numbers.first.flatMap(NumberLiteral.init) else { return nil }
        return Aggregate(.count, o, n)
    }

    /// Matches a comparison at `i` (advancing it past the words used), or returns nil leaving `i`.
    static func match(_ w: [Word], at i: inout Int) -> Comparison? {
        func low(_ k: Int) -> String { k < w.count ? w[k].text.lowercased() : "" }
        let between = EnglishLayer.shared.between
        // "between 25 and 40", "from 2 to 5"
        if between.words.contains(low(i)), let a = NumberWords.match(w, at: i + 1),
           between.joiners.contains(low(i + 1 + a.length)), let b = NumberWords.match(w, at: i + 2 + a.length) {
            i += 2 + a.length + b.length
            return Comparison(op: "between", numbers: [a.text, b.text])
        }
        // "3 or more", "5 or fewer"
        if let n = NumberWords.match(w, at: i), let after = EnglishWords.comparisonsAfter.match(w, at: i + n.length) {
            i += n.length + after.length
            return Comparison(op: after.value, numbers: [n.text])
        }
        // "at least 3", "over 500", "at least twice"
        if let p = EnglishWords.comparisons.match(w, at: i) {
            let k = i + p.length
            if let t = times(w, at: k) { i = k + t.length; return Comparison(op: p.value, numbers: [String(t.count)], times: true) }
            if let n = NumberWords.match(w, at: k) { i = k + n.length; return Comparison(op: p.value, numbers: [n.text]) }
        }
        return nil
    }

    /// "once", "twice", "three times", "5 times": the count and the words it took.
    static func times(_ w: [Word], at i: Int) -> (count: Int, length: Int)? {
        guard i < w.count else { return nil }
        let tw = EnglishWords.timesWords
        if let n = tw[w[i].text.lowercased()], n > 0 { return (n, 1) }
        if let n = NumberWords.match(w, at: i), let c = Int(n.text), i + n.length < w.count,
           tw[w[i + n.length].text.lowercased()] == 0 {
            return (c, n.length + 1)
        }
        return nil
    }

    static func num(_ w: String?) -> String? {
        guard let w else { return nil }
        return NumberWords.decimal(w)
    }
}

/// Month names for "since March 2025", from the English layer.
enum MonthNames {
    static var numbers: [String: Int] { EnglishWords.months }
}
