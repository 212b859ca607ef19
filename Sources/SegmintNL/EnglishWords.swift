/// Phrases of the English layer by normalised words (`Word.norm`, space-joined), looked up
/// longest-first at a position of a request.
struct PhraseTable<Value: Sendable>: Sendable {
    private var map: [String: Value] = [:]
    private(set) var maxWords = 0

    init(_ pairs: [(String, Value)]) {
        for (p, v) in pairs {
            let key = Words.norms(p).joined(separator: " ")
            guard !key.isEmpty, map[key] == nil else { continue }
            map[key] = v
            maxWords = max(maxWords, key.split(separator: " ").count)
        }
    }

    /// The longest phrase at `i`: its length in words and its value.
    func match(_ words: [Word], at i: Int) -> (length: Int, value: Value)? {
        var n = min(maxWords, words.count - i)
        while n >= 1 {
            if let v = map[words[i..<(i + n)].map(\.norm).joined(separator: " ")] { return (n, v) }
            n -= 1
        }
        return nil
    }

    func contains(_ norm: String) -> Bool { map[norm] != nil }
}

/// The English layer's word lists as lookup tables, built once.
enum EnglishWords {
    static let layer = EnglishLayer.shared
    /// Function words and phrases that name nothing ("the", "who", "at all", "on file").
    static let function = PhraseTable((layer.function_words + layer.filler_words + layer.request_words + layer.living).map { ($0, ()) })
    static let connectives = PhraseTable(layer.connectives.map { ($0, ()) })
    static let negation = PhraseTable((layer.negation.words + layer.negation.phrases).map { ($0, ()) })
    static let comparisons = PhraseTable(layer.comparisons.filter { $0.after != true }.map { ($0.words, $0.op) })
    static let comparisonsAfter = PhraseTable(layer.comparisons.filter { $0.after == true }.map { ($0.words, $0.op) })
    static let numbers = PhraseTable(layer.numbers.map { ($0.key, $0.value) })
    static let units = PhraseTable(layer.unit_words.map { ($0, ()) })
    static let vague = PhraseTable(layer.vague.flatMap { v in v.phrases.map { ($0, v) } })
    static let offTopicVerbs = PhraseTable(layer.off_topic.verbs.map { ($0, ()) })
    static let offTopicNouns = Set(layer.off_topic.nouns.map { Words.normalize($0) })
    static let questionWords = Set(layer.off_topic.question_words)
    static let months = layer.months
    static let periods = layer.periods
    static let yearToDate = PhraseTable(layer.periods.year_to_date.map { ($0, ()) })
    static let vaguePeriods = PhraseTable(layer.periods.vague.map { ($0, ()) })
    static let timesWords = layer.times
    static let orderedDirections = layer.ordered_directions
    static let orderedPrefixes = PhraseTable(layer.ordered_prefixes.map { ($0.key, $0.value) })

    /// A single word that names nothing (for retrieval and for segment names).
    static func isFunctionWord(_ norm: String) -> Bool { function.contains(norm) || connectives.contains(norm) }
}
