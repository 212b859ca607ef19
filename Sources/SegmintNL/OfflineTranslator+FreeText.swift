import SegmintCore
import SegmintSyntax

extension OfflineTranslator {
    /// A free-text test on a string attribute without enumerated values: "email domain is
    /// gmail.com" (`=`), "surname starts with Mc" (`starts_with`), "a town with Salem in its
    /// name" / "city containing Salem" (`contains`). The literal is the request's own text,
    /// verbatim (a quoted string is taken whole), so it is grounded in what the user wrote.
    /// Returns the test and the word index after the literal.
    func freeText(_ s: TranslationState, after k: Int) -> (PredicateTest, Int)? {
        var j = k
        let op: String
        switch (s.low(j), s.low(j + 1)) {
        case ("starts", "with"), ("starting", "with"), ("begins", "with"), ("beginning", "with"), ("start", "with"):
            op = "starts_with"; j += 2
        case ("contains", _), ("containing", _), ("including", _), ("includes", _):
            op = "contains"; j += 1
        case ("is", "exactly"), ("equals", _), ("equal", "to"):
            op = "="; j += s.low(j) == "equals" ? 1 : 2
        case ("is", _), ("of", _):
            op = "="; j += 1
        case ("with", _):
            // "with Salem in its name"
            guard let (lit, end) = literal(s, at: j + 1), s.low(end) == "in", ["its", "their", "the"].contains(s.low(end + 1)),
                  s.low(end + 2) == "name" else { return nil }
            return (.contains(StringLiteral(lit)), end + 3)
        default:
            return nil
        }
        guard let (lit, end) = literal(s, at: j) else { return nil }
        switch op {
        case "starts_with": return (.startsWith(StringLiteral(lit)), end)
        case "contains": return (.contains(StringLiteral(lit)), end)
        default: return (.compare(.eq, .string(lit)), end)
        }
    }

    /// The text of the request from word `k` to the next space (or the closing quote when it
    /// opens with one), without trailing punctuation; and the first word index after it.
    func literal(_ s: TranslationState, at k: Int) -> (String, Int)? {
        guard k < s.words.count, !EnglishWords.isFunctionWord(s.words[k].norm) || s.words[k].text.first?.isUppercase == true else { return nil }
        let text = s.request
        var start = s.words[k].range.lowerBound
        var end = start
        if start > text.startIndex, case let q = text[text.index(before: start)], q == "\"" || q == "“" {
            let close: Character = q == "\"" ? "\"" : "”"
            guard let c = text[start...].firstIndex(of: close) else { return nil }
            end = c
        } else {
            while end < text.endIndex, !text[end].isWhitespace { end = text.index(after: end) }
            while end > start, ".,;:!?)'\"”".contains(text[text.index(before: end)]) { end = text.index(before: end) }
        }
        guard start < end else { return nil }
        let lit = String(text[start..<end])
        start = end
        let after = s.words.firstIndex { $0.range.lowerBound >= start } ?? s.words.count
        return (lit, after)
    }
}
