/// One word of a request: its text as written, a normalised form for matching, and where it is.
public struct Word: Sendable, Equatable {
    /// As written in the request.
    public var text: String
    /// Lower-cased, with a trailing plural `s` removed from longer words (see `Words.normalize`).
    public var norm: String
    /// The inflection stem of `norm` ("watched" → "watch", "paid" → "pay"; see `Inflection`).
    public var stem: String
    /// Range in the request, so a run of words can be quoted verbatim.
    public var range: Range<String.Index>
}

/// Splitting text into words and normalising them the same way for the catalog and for requests,
/// so that "opt-outs", "Opt outs" and "opt_out" meet in one form.
public enum Words {
    /// Splits on anything that is not a letter, digit, `.`, `$` or `-` inside a number or date.
    /// Underscores and hyphens between letters split words ("email_opt_out", "opt-outs").
    public static func split(_ text: String) -> [Word] {
        var out: [Word] = []
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            // A minus sign starting a number ("below -100" dBm) belongs to it: not after a word
            // character, so "2025-01-31" and "in-app" keep their hyphens as separators.
            let signed = (c == "-" || c == "\u{2212}") && text.index(after: i) < text.endIndex
                && text[text.index(after: i)].isNumber && (i == text.startIndex || !isWordChar(text[text.index(before: i)]))
            if isWordChar(c) || signed {
                var j = text.index(after: i)
                while j < text.endIndex {
                    let d = text[j]
                    if isWordChar(d) { j = text.index(after: j); continue }
                    // Keep "2025-01-31", "12.50" and "1,000" together: a separator between digits.
                    if (d == "-" || d == "." || d == ","), text[text.index(before: j)].isNumber {
                        let k = text.index(after: j)
                        if k < text.endIndex, text[k].isNumber { j = text.index(after: k); continue }
                    }
                    break
                }
                let raw = String(text[i..<j])
                let n = normalize(raw)
                out.append(Word(text: raw, norm: n, stem: Inflection.stem(n), range: i..<j))
                i = j
            } else {
                i = text.index(after: i)
            }
        }
        return out
    }

    static func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Lower case, thousands separators dropped, a plural `s` removed ("customers" → "customer",
    /// but "ss"/"us"/"is" endings kept: "address", "status", "this").
    public static func normalize(_ w: String) -> String {
        var s = w.lowercased()
        if s.first?.isNumber == true { s.removeAll { $0 == "," }; return s }
        if s.count > 3, s.hasSuffix("s"), !s.hasSuffix("ss"), !s.hasSuffix("us"), !s.hasSuffix("is") {
            s.removeLast()
        }
        return s
    }

    /// Normalised words of a catalog phrase ("email_opt_out", "opted out of email").
    public static func norms(_ phrase: String) -> [String] {
        split(phrase).map(\.norm)
    }

    /// `norms` for index building: the same result, with a byte-level path for ASCII text.
    static func fastNorms(_ phrase: String) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        var ascii = true
        func flush() {
            guard !cur.isEmpty else { return }
            if cur[0] >= 48 && cur[0] <= 57 { ascii = false; return }  // numbers: leave to `norms`
            var w = cur
            let n = w.count
            if n > 3, w[n - 1] == 115, w[n - 2] != 115, w[n - 2] != 117, w[n - 2] != 105 { w.removeLast() }
            out.append(String(decoding: w, as: UTF8.self))
            cur.removeAll(keepingCapacity: true)
        }
        for b in phrase.utf8 {
            if b >= 0x80 { ascii = false; break }
            let c = (b >= 65 && b <= 90) ? b + 32 : b
            if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) { cur.append(c) } else { flush() }
            if !ascii { break }
        }
        flush()
        return ascii ? out : norms(phrase)
    }
}
