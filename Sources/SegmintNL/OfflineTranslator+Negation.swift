extension OfflineTranslator {
    /// Negation ("not", "never", "haven't", "without", "excluding", "except", "but not", "other
    /// than", …, from the English layer): the next condition goes to `exclude`. "no more than 3"
    /// is a comparison, not a negation.
    func negation(_ s: inout TranslationState, at i: Int) -> Int? {
        guard let m = NegationWords.match(s.words, at: i) else { return nil }
        s.negateNext = true
        s.mark(i..<(i + m))
        return i + m
    }
}

enum NegationWords {
    /// The number of words of a negation at `i`, or nil (also nil for a comparison such as
    /// "no more than 3" or "not less than 2").
    static func match(_ w: [Word], at i: Int) -> Int? {
        guard let m = EnglishWords.negation.match(w, at: i) else { return nil }
        var probe = i
        if Comparison.match(w, at: &probe) != nil { return nil }
        return m.length
    }
}
