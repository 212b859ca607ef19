/// Single words that carry no catalog meaning in a segment request ("who", "the", "show"): the
/// English layer's function and request words. Retrieval ignores them only after
/// the catalog lookup (a catalog value such as `IN` or `US` is never dropped); the offline
/// translator does not report them as unmapped. Words that mean the entity come from the catalog
/// (`EntityWords`), not from here.
enum Stopwords {
    static let set: Set<String> = {
        let l = EnglishLayer.shared
        let words = l.function_words + l.request_words + l.living
        return Set(words.filter { !$0.contains(" ") }.map { Words.normalize($0) })
    }()
}
