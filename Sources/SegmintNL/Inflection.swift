/// Reduces a word to a stem shared by its inflections, so "watched", "watching", "watchers" and
/// "watch" meet, and "paid" meets "pay". Rules, not word lists (irregular forms come from the
/// English layer). The same function runs on catalog phrases and on requests, so a stem only has
/// to be consistent, not a dictionary word: "subscribe" and "subscribed" both become "subscrib".
public enum Inflection {
    static let irregular: [String: String] = EnglishLayer.shared.inflection.irregular
    static let invariant: Set<String> = Set(EnglishLayer.shared.inflection.invariant)

    /// The stem of one word as `Words.normalize` left it (lower case, plural `s` removed).
    public static func stem(_ norm: String) -> String {
        if let irr = irregular[norm] { return irr }
        guard norm.count > 3, norm.first?.isLetter == true, !invariant.contains(norm) else { return norm }
        var s = norm
        var stripped = false
        // -ing / -ied / -ed: "watching", "applied", "opted"; a two-letter rest takes an `e`
        // back ("used" → "use", "aged" → "age").
        if s.hasSuffix("ing"), s.count >= 6 || s.count == 5 {
            s = String(s.dropLast(3)); stripped = true
        } else if s.hasSuffix("ied"), s.count > 4 {
            s = String(s.dropLast(3)) + "y"
        } else if s.hasSuffix("ed"), !s.hasSuffix("eed") {
            s = String(s.dropLast(2)); stripped = true
        }
        if stripped, s.count == 2 { s += "e"; stripped = false }
        if stripped { s = undouble(s) }
        // -er (agent noun or comparative): "watcher", "shopper", "older"; kept when short.
        if s.hasSuffix("er"), s.count >= 5 {
            s = undouble(String(s.dropLast(2)))
        }
        // -ie → -y: "companie(s)" → "company".
        if s.hasSuffix("ie"), s.count > 3 { s = String(s.dropLast(2)) + "y" }
        // A final silent `e`: "subscribe" and "subscrib(ed)" meet.
        if s.hasSuffix("e"), s.count > 3 { s.removeLast() }
        return s
    }

    /// "shopp" → "shop", "logg" → "log"; doubled l, s, z are kept ("call", "pass").
    static func undouble(_ s: String) -> String {
        guard s.count >= 3, let last = s.last, let prev = s.dropLast().last, last == prev,
              !"aeiouylsz".contains(last) else { return s }
        return String(s.dropLast())
    }

    /// Stems of a phrase's words, space-joined: the key the lexicon and the English tables use.
    public static func key(_ phrase: String) -> String {
        Words.split(phrase.replacingOccurrences(of: "_", with: " ")).map(\.stem).joined(separator: " ")
    }
}
