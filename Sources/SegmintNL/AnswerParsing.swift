import SegmintCore

/// Turning a user's answer ("last 30 days", ">= 500", "over 0.7") into `.seg` pieces.
enum AnswerParsing {
    /// `last 30 days`, `30 days`, `since 2025-01-01`, `before 2025-01-01`, `2025-01-01 to 2025-03-31`
    /// → window text (`during last 30 days`), or nil when it is not a window.
    static func window(_ answer: String) -> String? {
        let w = Words.split(answer).map { $0.text.lowercased() }
        var i = 0
        if i < w.count, ["during", "in", "the", "within", "over"].contains(w[i]) { i += 1 }
        if i < w.count, w[i] == "the" { i += 1 }
        if i < w.count, ["since", "before"].contains(w[i]), i + 1 < w.count, let d = CivilDate(iso: w[i + 1]) {
            return "\(w[i]) \(d)"
        }
        if i + 2 < w.count + 0, w.count - i == 3, let a = CivilDate(iso: w[i]), w[i + 1] == "to", let b = CivilDate(iso: w[i + 2]), a <= b {
            return "during \(a) to \(b)"
        }
        if i < w.count, ["last", "past", "previous"].contains(w[i]) { i += 1 }
        guard i < w.count else { return nil }
        var n = 1
        if let k = NumberWords.value(w[i]) { n = k; i += 1 }
        guard n >= 1, i == w.count - 1, let unit = TimeUnitWords.unit(w[i]) else { return nil }
        return "during last \(n) \(n == 1 ? unit : unit + "s")"
    }

    /// An answer that sets words aside on purpose: `ignore`, `skip`, `none`, `leave it out`.
    static func isIgnore(_ answer: String) -> Bool {
        ["ignore", "skip", "none", "leave it out", "drop it", "nothing"].contains(answer.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    /// `>= 500`, `over 500`, `at least 3`, `between 1 and 5`, `500` (read as at least)
    /// → test text (`>= 500`, `between 1 and 5`).
    static func numberTest(_ answer: String) -> String? {
        let t = answer.trimmingCharacters(in: .whitespaces)
        for op in [">=", "<=", "!=", ">", "<", "="] where t.hasPrefix(op) {
            let rest = t.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
            guard let n = NumberWords.decimal(rest) else { return nil }
            return "\(op) \(n)"
        }
        let words = Words.split(t)
        var i = 0
        if let c = Comparison.match(words, at: &i), i == words.count { return c.text }
        if words.count == 1, let n = NumberWords.decimal(words[0].text) { return ">= \(n)" }
        return nil
    }
}

import Foundation
