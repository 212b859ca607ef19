import SegmintCore
import SegmintCatalog
import SegmintSyntax

/// Everything the offline translator's steps share while they read one request left to right.
struct TranslationState {
    typealias Draft = OfflineTranslator.Draft
    let request: String
    let words: [Word]
    let answers: Answers
    /// Words that ended in a condition, a question, or carry no meaning.
    var used: [Bool]
    var drafts: [Draft] = []
    var questions: [Question] = []
    var usedAnswers: [String: String] = [:]
    /// The next condition goes to `exclude`.
    var negateNext = false
    /// The event draft the following words refine.
    var currentEvent: Int?
    /// A numeric facet named with no number yet.
    var awaitingNumber: Int?
    /// A date facet named with no window yet.
    var awaitingWindow: Int?
    var pendingComparison: (Comparison, Range<Int>)?
    /// "add up to", "spent", "average": the aggregate (`sum`/`avg`) a later bound is on.
    var pendingAggregate: String?
    var pendingWindow: (WindowKind, Range<Int>)?
    /// Field values named before their event ("drama watchers").
    var pendingFieldValues: [(event: String, field: String, value: String, from: String)] = []
    /// A vague count word before its event ("frequent buyers").
    var pendingVague: (phrase: EnglishLayer.Vague, start: Int)?
    /// For "CA or OR" lists: the draft of the last value and where it ended.
    var lastValueDraft: Int?
    var lastValueEnd = 0
    /// A string facet named before its value ("plan premium"): cited by the value's condition.
    var pendingFacetMention: (String, String)?

    init(request: String, words: [Word], answers: Answers) {
        self.request = request; self.words = words; self.answers = answers
        self.used = [Bool](repeating: false, count: words.count)
    }

    func low(_ k: Int) -> String { k >= 0 && k < words.count ? words[k].text.lowercased() : "" }

    /// The request's own text for words `r` (verbatim, with the spacing and punctuation between).
    func quote(_ r: Range<Int>) -> String {
        guard let a = r.first, let b = r.last, a >= 0, a < words.count, b < words.count, a <= b else { return "" }
        return String(request[words[a].range.lowerBound..<words[b].range.upperBound])
    }

    mutating func mark(_ r: Range<Int>) { for k in r where k >= 0 && k < used.count { used[k] = true } }
    mutating func unmark(_ r: Range<Int>) { for k in r where k >= 0 && k < used.count { used[k] = false } }

    /// `[RETRIEVED: claim from "words"]`, or without `from` when no words name it.
    static func tag(_ claim: String, _ from: String?) -> GroundingTag {
        .retrieved(name: claim, from: from.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// `[RETRIEVED: "value" from "words"]`.
    static func valueTag(_ value: String, _ from: String?) -> GroundingTag {
        .retrieved(value: .string(value), from: from.flatMap { $0.isEmpty ? nil : $0 })
    }

    mutating func newDraft(_ d: Draft) -> Int {
        var d = d
        d.negated = negateNext
        negateNext = false
        drafts.append(d)
        return drafts.count - 1
    }

    /// A window for the date facet or event waiting for one, else kept for the next event.
    mutating func applyWindow(_ w: WindowKind, _ r: Range<Int>) {
        if let a = awaitingWindow { drafts[a].test = .during(w); awaitingWindow = nil; return }
        if let e = currentEvent, drafts[e].window == nil { drafts[e].window = w; return }
        pendingWindow = (w, r)
    }

    /// Opens a condition on event `name` (or takes over a weak one), applying what waited for it.
    mutating func openEvent(_ name: String, from: String, range: Range<Int>? = nil, weak: Bool = false) -> Int {
        let tag = TranslationState.tag(name, from)
        let i: Int
        if !weak, let c = currentEvent, drafts[c].weak, drafts[c].preds.isEmpty, drafts[c].aggregate == nil {
            // "opened a ticket": the verb's class found another event; the noun names the one meant.
            drafts[c].subject = .event(name); drafts[c].tags = [tag]; drafts[c].weak = false
            i = c
        } else {
            i = newDraft(Draft(subject: .event(name), negated: false, tags: [tag], weak: weak))
        }
        currentEvent = i
        if let w = pendingWindow, drafts[i].window == nil { drafts[i].window = w.0; pendingWindow = nil }
        for v in pendingFieldValues where v.event == name { addFieldValue(i, v.field, v.value, from: v.from) }
        pendingFieldValues.removeAll { $0.event == name }
        // "at least 3 (online) orders": a comparison just before the event counts it.
        if pendingAggregate == nil, let p = pendingComparison, let r = range, drafts[i].aggregate == nil, r.lowerBound - p.1.upperBound <= 2 {
            drafts[i].aggregate = p.0.countAggregate; pendingComparison = nil
        }
        if let v = pendingVague, let r = range, drafts[i].aggregate == nil {
            // "lots of orders": the question quotes the vague words and the event's words.
            drafts[i].vague = (v.phrase, quote(v.start..<r.upperBound))
            pendingVague = nil
        }
        return i
    }

    mutating func addFieldValue(_ e: Int, _ field: String, _ value: String, from: String) {
        if let k = drafts[e].preds.firstIndex(where: { $0.field == field && $0.test == nil }) {
            drafts[e].preds[k].values.append(value)
        } else {
            drafts[e].preds.append((field, [value], nil))
            if case .event(let en) = drafts[e].subject, !drafts[e].tags.contains(where: { $0.names("\(en).\(field)") }) {
                drafts[e].tags.append(TranslationState.tag("\(en).\(field)", nil))
            }
        }
        drafts[e].tags.append(TranslationState.valueTag(value, from))
    }
}


extension GroundingTag {
    /// Whether this tag cites the name `claim` (`state`, `purchase.category`).
    func names(_ claim: String) -> Bool {
        if case .name(let f) = subject { return f.description == claim }
        return false
    }
}
