import Foundation
import SegmintCore
import SegmintCatalog
import SegmintSyntax

/// What the offline translator made of a request.
public struct OfflineTranslation: Sendable {
    /// The `.seg` text (header comment + one segment), when every content word was mapped and
    /// no question is open.
    public var seg: String?
    /// The segment's conditions, one line each, as they appear in `seg` (for tests and traces).
    public var include: [String]
    public var exclude: [String]
    /// Words of the request it could not map and could not ask about (no catalog item is near
    /// them), in request order, verbatim. Words with near candidates become `term` questions.
    public var unmapped: [String]
    /// Questions that must be answered first (an answer may come from memory or `--answer`).
    public var questions: [Question]
    /// Answers it used, `key → answer`, so the caller can store them in memory.
    public var usedAnswers: [String: String]
    /// Set when the request is not a segment description at all ("write me a poem").
    public var refusal: String?
}

/// The deterministic, catalog-driven translator used with no LLM configured or when every
/// provider fails. Its steps, tried at each word in this order: negation → time windows →
/// comparisons and counts → catalog mentions (names, synonyms, values, and the English layer's
/// verb classes and gazetteers reaching them) → vague words (questions) → fuzzy mentions →
/// words naming the entity → function words. `assemble` then resolves what is still pending,
/// turns words it could not map into questions (or reports them) and writes the segment. Every
/// facet, field and value it writes carries a `[RETRIEVED: …]` tag quoting the request words it
/// rests on.
public struct OfflineTranslator: Sendable {
    public let catalog: Catalog
    let lexicon: Lexicon
    let index: RetrievalIndex
    /// The day relative periods ("this year", "this fiscal quarter") are counted from.
    let today: CivilDate

    public init(catalog: Catalog, index: RetrievalIndex? = nil, today: CivilDate? = nil) {
        self.catalog = catalog
        self.lexicon = Lexicon.shared(for: catalog)
        self.index = index ?? RetrievalIndex(catalog: catalog)
        self.today = today ?? OfflineTranslator.currentDate()
    }

    /// Today's UTC date.
    static func currentDate() -> CivilDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC") ?? cal.timeZone
        let c = cal.dateComponents([.year, .month, .day], from: Date())
        if let d = CivilDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) { return d }
        // The calendar always gives a valid date; a constant valid date is the last resort.
        return CivilDate(year: 1970, month: 1, day: 1)!
    }

    /// One condition under construction.
    struct Draft {
        enum Subject: Equatable { case facet(String), event(String) }
        var subject: Subject
        var negated: Bool
        /// The facet's test (`> 500`, `during last 30 days`); nil while pending.
        var test: PredicateTest?
        /// Enumerated values for `=` / `in` (facet) kept apart so "CA or OR" merges into a list.
        var values: [String] = []
        var ordered: ComparisonOp? = nil
        /// Event: field predicates (field, values or test).
        var preds: [(field: String, values: [String], test: PredicateTest?)] = []
        var window: WindowKind?
        var aggregate: Aggregate?
        var tags: [GroundingTag] = []
        /// Words that named the subject (for questions about a missing number).
        var mention: String?
        /// An event reached only through an English verb class ("opened"): the next event the
        /// request names directly ("a ticket") replaces it while nothing refines it yet.
        var weak = false
        /// A vague word waiting for its number ("frequent" → a count question), with its span.
        var vague: (phrase: EnglishLayer.Vague, span: String)? = nil

        var subjectName: String {
            switch subject { case .facet(let f): return f; case .event(let e): return e }
        }
    }

    public func translate(_ request: String, answers: Answers = Answers()) -> OfflineTranslation {
        var s = TranslationState(request: request, words: Words.split(request), answers: answers)
        var i = 0
        while i < s.words.count {
            i = negation(&s, at: i)
                ?? window(&s, at: i)
                ?? comparison(&s, at: i)
                ?? answeredChoice(&s, at: i)
                ?? gappedMention(&s, at: i)
                ?? mention(&s, at: i)
                ?? vague(&s, at: i)
                ?? negatedFlag(&s, at: i)
                ?? flagState(&s, at: i)
                ?? aggregateWord(&s, at: i)
                ?? fuzzyMention(&s, at: i)
                ?? eventByFirstWord(&s, at: i)
                ?? entityOrFunctionWord(&s, at: i)
        }
        return assemble(&s)
    }
}
