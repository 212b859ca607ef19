import SegmintCore
import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// The last step: settles what is still pending, asks for missing numbers, turns words it
    /// could not map into questions (or reports them), refuses what is no segment request, and
    /// writes the segment when nothing is open.
    func assemble(_ s: inout TranslationState) -> OfflineTranslation {
        resolvePending(&s)
        let conditions = conditionLines(&s)
        markSubjectWords(&s)
        let unmapped = unmappedWords(&s)
        let included = conditions.filter { !$0.1 }.map(\.0), excluded = conditions.filter { $0.1 }.map(\.0)
        let include = included.map { Formatter.print(condition: $0) }, exclude = excluded.map { Formatter.print(condition: $0) }
        if let r = OffTopic.refusal(s.words, nothingMapped: conditions.isEmpty && s.questions.isEmpty) {
            return OfflineTranslation(seg: nil, include: [], exclude: [], unmapped: [], questions: [], usedAnswers: [:], refusal: r)
        }
        var seg: String?
        if unmapped.isEmpty, s.questions.isEmpty, !conditions.isEmpty {
            let segment = SegmentDecl(name: SegWriter.name(for: s.request, entity: catalog.entity), title: s.request,
                                      include: included.isEmpty ? nil : included, exclude: excluded.isEmpty ? nil : excluded)
            let header = ["segmint ask (offline translator)", "request: \(StringLiteral.quote(s.request))", "catalog: \(catalog.label)"]
                + s.usedAnswers.sorted { $0.key < $1.key }.map { "answer: \($0.key) = \(StringLiteral.quote($0.value))" }
            seg = Formatter.print(segment: segment, header: header)
        }
        return OfflineTranslation(seg: seg, include: include, exclude: exclude, unmapped: unmapped,
                                  questions: s.questions, usedAnswers: s.usedAnswers, refusal: nil)
    }

    /// Field values with no event named, a window or comparison nothing took.
    func resolvePending(_ s: inout TranslationState) {
        // Field values named before (or without) their event: "drama watchers".
        for v in s.pendingFieldValues {
            let e = s.newDraft(Draft(subject: .event(v.event), negated: false, tags: [TranslationState.tag(v.event, nil)]))
            s.addFieldValue(e, v.field, v.value, from: v.from)
            if let w = s.pendingWindow { s.drafts[e].window = w.0; s.pendingWindow = nil }
        }
        s.pendingFieldValues.removeAll()
        if let w = s.pendingWindow {
            if let e = s.drafts.lastIndex(where: { if case .event = $0.subject { return $0.window == nil }; return false }) {
                s.drafts[e].window = w.0
            } else {
                s.unmark(w.1)
            }
        }
        settleAggregate(&s)
        if let p = s.pendingComparison, !p.0.times,
           let e = s.drafts.lastIndex(where: { if case .event = $0.subject { return true }; return false }),
           case .event(let en) = s.drafts[e].subject, let ev = catalog.event(named: en),
           case let money = ev.fields.filter({ $0.type.isNumeric && OfflineTranslator.isCurrency($0.unit) }), money.count == 1 {
            // "bought gems for more than 20 dollars": an amount nothing else took bounds the
            // event's one money field.
            s.drafts[e].preds.append((money[0].name, [], p.0.predicateTest))
            s.drafts[e].tags.append(TranslationState.tag("\(en).\(money[0].name)", nil))
            s.pendingComparison = nil
        }
        if let p = s.pendingComparison {
            // "customers over 50", "students under 25": a bare number right after the entity's
            // word or a person's value is an age.
            if let age = ageFacet(), let first = p.1.first, first > 0,
               lexicon.entityLength(s.words, at: first - 1) == 1 || (s.lastValueDraft != nil && s.lastValueEnd == first),
               let n = Double(p.0.numbers[0]), n <= 120, !p.0.times {
                _ = s.newDraft(Draft(subject: .facet(age), negated: false, test: p.0.predicateTest, tags: [TranslationState.tag(age, nil)]))
            } else {
                s.unmark(p.1)
            }
        }
        if let v = s.pendingVague { s.unmark(v.start..<(v.start + 1)) }
        // An enumerated facet named without a value ("subscribers by plan"): which values?
        if let (fn, from) = s.pendingFacetMention, s.negateNext, catalog.facet(named: fn)?.values != nil {
            // "players with no country": no value at all.
            s.negateNext = false
            _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: .isMissing(negated: false), tags: [TranslationState.tag(fn, from)]))
            s.pendingFacetMention = nil
        }
        if let (fn, from) = s.pendingFacetMention, let a = catalog.facet(named: fn), let values = a.values {
            ask(&s, Question(kind: .choice, span: from, text: "which \(fn) values does \"\(from)\" mean?",
                             example: values.first ?? "", options: values))
            s.pendingFacetMention = nil
        }
    }

    /// Every draft as a condition (with whether it is excluded); a draft still missing its
    /// number or window becomes a question instead, or takes the user's answer.
    func conditionLines(_ s: inout TranslationState) -> [(Condition, Bool)] {
        var conditions: [(Condition, Bool)] = []
        for d in s.drafts {
            var d = d
            if case .event(let en) = d.subject, let v = d.vague, d.aggregate == nil {
                if let a = s.answers.answer(.number, v.span), let t = OfflineAnswers.count(a) {
                    d.aggregate = t; s.usedAnswers[Question.key(.number, v.span)] = a
                } else {
                    ask(&s, Question(kind: .number, span: v.span,
                                     text: "how many \(en) events does \"\(v.span)\" mean (suggested: \(v.phrase.suggest), an assumption)?",
                                     example: v.phrase.suggest, options: [en]))
                    continue
                }
            }
            if case .facet(let fn) = d.subject, d.test == nil, d.values.isEmpty,
               s.drafts.contains(where: { $0.subject == d.subject && $0.test != nil && $0.negated == d.negated }) {
                continue    // "likely to renew with a renewal score above 0.8": one condition
            }
            if case .facet(let fn) = d.subject, d.test == nil, d.values.isEmpty, d.negated, let a = catalog.facet(named: fn) {
                // "with no battery level", "never logged in": no value at all. A numeric facet
                // that is never missing (a count) holds 0 instead.
                d.negated = false
                d.test = a.type.isNumeric && !a.nullable ? .compare(.eq, .number(NumberLiteral(0))) : .isMissing(negated: false)
            }
            if case .facet(let fn) = d.subject, d.test == nil, d.values.isEmpty {
                let span = d.mention ?? fn
                let kind: QuestionKind = catalog.facet(named: fn)?.type.isTemporal == true ? .window : .number
                if let a = s.answers.answer(kind, span), let (facet, t) = answeredTest(a, kind: kind, default: fn, vague: d.vague) {
                    d.test = t
                    if facet != fn { d.subject = .facet(facet); d.tags = [TranslationState.tag(facet, span)] }
                    s.usedAnswers[Question.key(kind, span)] = a
                } else {
                    ask(&s, question(kind: kind, facet: fn, span: span, vague: d.vague))
                    continue
                }
            }
            if let c = condition(d) { conditions.append((c, d.negated)) }
        }
        return conditions
    }

    func ask(_ s: inout TranslationState, _ q: Question) {
        if !s.questions.contains(where: { $0.key == q.key }) { s.questions.append(q) }
    }

    func question(kind: QuestionKind, facet fn: String, span: String, vague: (phrase: EnglishLayer.Vague, span: String)?) -> Question {
        if kind == .window {
            return Question(kind: .window, span: span, text: "what time window does \"\(span)\" mean for \(fn)?", example: "last 30 days")
        }
        if let v = vague {
            let options = vagueCandidates(v.phrase.measure, words: span)
            let others = options.count > 1 ? " (or another of: \(options.dropFirst().joined(separator: ", ")))" : ""
            return Question(kind: .number, span: span,
                            text: "what \(fn) threshold does \"\(span)\" mean\(others)? suggested: \(v.phrase.suggest), an assumption",
                            example: v.phrase.suggest, options: options)
        }
        return Question(kind: .number, span: span, text: "what \(fn) threshold does \"\(span)\" mean?", example: ">= 500")
    }

    /// An answer to a number or window question: the test, and the facet when the answer names
    /// another candidate first ("renewal_score >= 0.8").
    func answeredTest(_ a: String, kind: QuestionKind, default fn: String, vague: (phrase: EnglishLayer.Vague, span: String)?) -> (String, PredicateTest)? {
        if kind == .window { return OfflineAnswers.window(a).map { (fn, .during($0)) } }
        if let v = vague {
            for c in vagueCandidates(v.phrase.measure, words: v.span) where a.hasPrefix(c + " ") {
                if let t = OfflineAnswers.test(String(a.dropFirst(c.count + 1))) { return (c, t) }
            }
        }
        return OfflineAnswers.test(a).map { (fn, $0) }
    }

    /// A word of the name or a synonym of a subject already in the segment ("plan" beside
    /// "premium") adds nothing new: it is mapped, not unknown.
    func markSubjectWords(_ s: inout TranslationState) {
        var subjectWords = Set<String>()
        func add(_ p: String) { subjectWords.formUnion(Words.split(p.replacingOccurrences(of: "_", with: " ")).map(\.stem)) }
        // Description words are weaker evidence: they count only beside the item they describe
        // ("unsubscribed from marketing email" for a flag described as "opted out of marketing email").
        func describe(_ d: String?) {
            for w in Words.split(d ?? "") where !EnglishWords.isFunctionWord(w.norm) && w.text.first?.isNumber != true { subjectWords.insert(w.stem) }
        }
        for d in s.drafts {
            switch d.subject {
            case .facet(let f):
                if let a = catalog.facet(named: f) { for p in [a.name] + a.synonyms { add(p) }; describe(a.description) }
            case .event(let e):
                guard let ev = catalog.event(named: e) else { continue }
                for p in [ev.name] + ev.synonyms { add(p) }
                describe(ev.description)
                for f in d.preds { if let a = ev.field(named: f.field) { for p in [a.name] + a.synonyms { add(p) }; describe(a.description) } }
            }
        }
        for (k, w) in s.words.enumerated() where !s.used[k] && subjectWords.contains(w.stem) && w.text.first?.isNumber != true {
            s.used[k] = true
        }
    }

    /// Runs of words nothing took. When each run has near catalog candidates, each becomes a
    /// `term` question (answer with a candidate, any catalog name or phrase, or `ignore`);
    /// otherwise the words are reported as unmapped (the catalog has nothing near them).
    func unmappedWords(_ s: inout TranslationState) -> [String] {
        var runs: [Range<Int>] = []
        var k = 0
        while k < s.words.count {
            guard !s.used[k] else { k += 1; continue }
            var e = k
            while e < s.words.count, !s.used[e] { e += 1 }
            runs.append(k..<e); k = e
        }
        guard !runs.isEmpty else { return [] }
        var asked: [Question] = []
        let all = runs.flatMap { $0.map { s.words[$0].text } }
        for r in runs {
            // The question is about the run's content words ("charge" in "charge under 20"); its
            // numbers and comparison words wait for the answer. Every content word needs
            // something near it ("credit" has nothing, so "credit score" is reported, not
            // offered the catalog's other scores).
            let content = r.filter { k in
                let w = s.words[k]
                return w.text.first?.isNumber != true && !EnglishWords.isFunctionWord(w.norm) && !EnglishWords.comparisons.contains(w.norm)
            }
            guard let first = content.first, let last = content.last else { return all }
            let span = s.quote(first..<(last + 1))
            let options = candidates(span)
            guard !options.isEmpty, !content.contains(where: { candidates(s.words[$0].text).isEmpty }) else { return all }
            asked.append(Question(kind: .term, span: span,
                                  text: "what does \(StringLiteral.quote(span)) mean here? (nearest catalog items: \(options.joined(separator: ", "))); answer with catalog words, or \"ignore\" to leave it out",
                                  example: options[0], options: options))
        }
        for q in asked { ask(&s, q) }
        return []
    }

    /// The nearest catalog items to some words: up to three subjects and values, as an answer
    /// to a `term` question would name them.
    func candidates(_ span: String) -> [String] {
        let hits = index.search(span, k: 3).filter { $0.score >= 0.6 }
        var out: [String] = []
        for h in hits.sorted(by: { $0.score > $1.score }) {
            let o: String
            switch h.target {
            case .value(let subject, let v): o = "\(subject) = \(StringLiteral.quote(v))"
            default: o = h.target.claim
            }
            if !out.contains(o) { out.append(o) }
            if out.count == 3 { break }
        }
        return out
    }
}

/// Requests that are not segment descriptions ("write me a poem", "what's the weather?").
enum OffTopic {
    /// A reason to refuse, or nil. Refused: a request that starts with one of the layer's
    /// off-topic verbs ("write", "export", "print") or asks to set data; one that names an
    /// off-topic thing ("poem", "weather") and is a question or maps to nothing; a question
    /// ("what's …") that maps to nothing.
    static func refusal(_ w: [Word], nothingMapped: Bool) -> String? {
        var i = 0
        while i < w.count, ["please", "can", "could", "would", "you", "kindly", "i", "want", "to", "need", "now"].contains(w[i].norm) { i += 1 }
        // "set the plan to premium": a request to change data, not to describe a segment.
        if i < w.count, ["set", "change", "assign", "rename"].contains(w[i].norm), w[(i + 1)...].contains(where: { $0.norm == "to" }) {
            return "the request asks to change data; segmint ask only describes segments"
        }
        if let v = EnglishWords.offTopicVerbs.match(w, at: i) {
            let verb = w[i..<(i + v.length)].map(\.text).joined(separator: " ")
            return "the request asks to \(verb.lowercased()) something; segmint ask only describes segments"
        }
        let question = w.first.map { EnglishWords.questionWords.contains($0.text.lowercased()) } ?? false
        if let n = w.first(where: { EnglishWords.offTopicNouns.contains($0.norm) }), question || nothingMapped {
            return "the request is about \(n.text.lowercased()), not a segment; segmint ask only describes segments"
        }
        if question, nothingMapped {
            return "the request is a question, not a segment description; segmint ask only describes segments"
        }
        return nil
    }
}
