import SegmintCore
import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// Catalog mentions, longest phrase first: names, synonyms and values, and the English
    /// layer's phrases that reach them (verb classes, gazetteers, person words). A short code
    /// ("OR", "IN", "ME", "US") counts only when written exactly as the catalog spells it, so the
    /// words "or", "in", "me", "us" stay words; a gazetteer alias ("uk") is a name, not a code.
    func mention(_ s: inout TranslationState, at i: Int) -> Int? {
        guard var m = lexicon.longest(s.words, at: i) else { return nil }
        let kept = m.entries.filter { e in
            guard case .value(_, let v) = e.target, !e.alias, v.count <= 2 else { return true }
            return m.length == 1 && s.words[i].text == v
        }
        guard !kept.isEmpty else { return nil }
        m.entries = kept
        // Several items reached through one verb class ("logged in" → a `branch_visit` event and
        // a `last_login_at` facet): the items whose own names hold the user's words, written
        // together or apart ("log in" = "login"), are meant.
        if m.entries.count > 1, m.entries.allSatisfy(\.alias) {
            let typed = s.words[i..<(i + m.length)].map(\.stem).joined()
            let named = m.entries.filter { e in ownNames(e.target).contains { Inflection.key($0).replacingOccurrences(of: " ", with: "").contains(typed) } }
            if !named.isEmpty { m.entries = named }
        }
        // The entity's own name or plural wins over anything met only by stem: "players" for a
        // `player` entity whose catalog has a `play` event or a "played" synonym (the agent noun
        // and the verb share a stem, but the request names the entity).
        if lexicon.entityLength(s.words, at: i) >= m.length, lexicon.entityOwn(s.words, at: i) { return nil }
        // A word of the current subject's own name ("email" after "clicked a promo") is that
        // subject's word, not a value of some other facet.
        if m.length == 1, m.entries.allSatisfy({ $0.target.isValue && !$0.target.claim.isEmpty }),
           let last = s.drafts.last, subjectStems(last).contains(s.words[i].stem),
           !m.entries.contains(where: { if case .value(let subj, _) = $0.target { return subj.hasPrefix(last.subjectName + ".") }; return false }) {
            return nil
        }
        // A function word that is a catalog word only through the English layer stays a word.
        if m.length == 1, m.entries.allSatisfy(\.alias), Stopwords.set.contains(s.words[i].norm) { return nil }
        return apply(&s, entries: m.entries, range: i..<(i + m.length))
    }

    /// A catalog phrase said with function words between its words: "tampering was detected"
    /// (`tamper_detected`), "level was completed".
    func gappedMention(_ s: inout TranslationState, at i: Int) -> Int? {
        guard let m = lexicon.gapped(s.words, at: i) else { return nil }
        return apply(&s, entries: m.entries, range: i..<(i + m.length))
    }

    /// Words the user explained with `--answer term:WORDS=…`: a catalog name, `event.field`,
    /// `name = "value"`, any catalog phrase, or `ignore` (the words add nothing, on purpose).
    func answeredChoice(_ s: inout TranslationState, at i: Int) -> Int? {
        guard !s.answers.values.isEmpty else { return nil }
        for n in stride(from: min(6, s.words.count - i), through: 1, by: -1) {
            let span = s.quote(i..<(i + n))
            guard let a = s.answers.answer(.term, span) else { continue }
            let r = i..<(i + n)
            if AnswerParsing.isIgnore(a) {
                s.usedAnswers[Question.key(.term, span)] = a
                s.mark(r); return r.upperBound
            }
            guard let entries = ChoiceAnswer.entries(a, catalog: catalog, lexicon: lexicon) else { continue }
            s.usedAnswers[Question.key(.term, span)] = a
            return apply(&s, entries: entries, range: r)
        }
        return nil
    }

    /// "unresolved", "unacknowledged", "unverified": the prefix `un-` on a word that names a
    /// bool facet or field means that flag is false.
    func negatedFlag(_ s: inout TranslationState, at i: Int) -> Int? {
        let w = s.words[i]
        guard w.norm.hasPrefix("un"), w.norm.count >= 6 else { return nil }
        let rest = Words.split(String(w.norm.dropFirst(2)))
        guard rest.count == 1, let m = lexicon.longest(rest, at: 0) else { return nil }
        let flags = m.entries.filter { e in
            switch e.target {
            case .facet(let f): return catalog.facet(named: f)?.type == .bool
            case .field(let en, let fn): return catalog.event(named: en)?.field(named: fn)?.type == .bool
            default: return false
            }
        }
        guard !flags.isEmpty else { return nil }
        let end = apply(&s, entries: flags, range: i..<(i + 1))
        let no = PredicateTest.compare(.eq, .bool(false))
        switch choose(flags, currentEvent: nil).target {
        case .field(let en, let fn):
            if let e = s.drafts.lastIndex(where: { $0.subject == .event(en) }),
               let k = s.drafts[e].preds.lastIndex(where: { $0.field == fn }) { s.drafts[e].preds[k].test = no }
        case .facet(let fn):
            if let d = s.drafts.lastIndex(where: { $0.subject == .facet(fn) }) { s.drafts[d].test = no }
        default: break
        }
        return end
    }

    /// A word that is the first word of exactly one event's name of several words, and of no
    /// other catalog name: "heavy card users" for `card_transaction`.
    func eventByFirstWord(_ s: inout TranslationState, at i: Int) -> Int? {
        let w = s.words[i]
        guard !Stopwords.set.contains(w.norm), lexicon.entityLength(s.words, at: i) == 0 else { return nil }
        func first(_ name: String) -> [Word] { Words.split(name.replacingOccurrences(of: "_", with: " ")) }
        let events = catalog.events.filter { e in let f = first(e.name); return f.count > 1 && f[0].stem == w.stem }
        guard events.count == 1, !catalog.facets.contains(where: { first($0.name).first?.stem == w.stem }) else { return nil }
        // "paid by debit card": the event already open is named again.
        if let c = s.currentEvent, s.drafts[c].subject == .event(events[0].name) { s.mark(i..<(i + 1)); return i + 1 }
        _ = s.openEvent(events[0].name, from: s.quote(i..<(i + 1)), range: i..<(i + 1))
        s.mark(i..<(i + 1))
        return i + 1
    }

    /// A misspelt single word ("califronia", "platnum") close to one catalog word.
    func fuzzyMention(_ s: inout TranslationState, at i: Int) -> Int? {
        let w = s.words[i]
        guard !Stopwords.set.contains(w.norm), w.norm.count >= 4, w.text.first?.isNumber != true,
              lexicon.entityLength(s.words, at: i) == 0, let f = fuzzy(w.text) else { return nil }
        return apply(&s, entries: [Lexicon.Entry(target: f, source: .catalog)], range: i..<(i + 1))
    }

    /// Words that mean the entity ("accounts", "everyone") and function words ("who", "the"):
    /// mapped, no condition. Anything else is left for `assemble` to ask or report.
    func entityOrFunctionWord(_ s: inout TranslationState, at i: Int) -> Int {
        let e = lexicon.entityLength(s.words, at: i)
        if e > 0 { s.mark(i..<(i + e)); return i + e }
        if let f = EnglishWords.function.match(s.words, at: i) { s.mark(i..<(i + f.length)); return i + f.length }
        if let c = EnglishWords.connectives.match(s.words, at: i) { s.mark(i..<(i + c.length)); return i + c.length }
        return i + 1
    }

    /// Turns one matched phrase into (part of) a condition.
    func apply(_ s: inout TranslationState, entries: [Lexicon.Entry], range r: Range<Int>) -> Int {
        let from = s.quote(r)
        let current = s.currentEvent.flatMap { c -> String? in if case .event(let e) = s.drafts[c].subject { return e }; return nil }
        let entry = choose(entries, currentEvent: current, upcoming: upcomingEvent(s, after: r.upperBound))
        switch entry.target {
        case .event(let en):
            if let e = s.currentEvent, s.drafts[e].subject == .event(en), s.drafts[e].aggregate == nil, !s.negateNext {
                // "bought … orders": the same event named twice; "bought at least 3 orders" counts it.
                if let p = s.pendingComparison, r.lowerBound - p.1.upperBound <= 2 {
                    s.drafts[e].aggregate = p.0.countAggregate; s.pendingComparison = nil
                }
            } else {
                _ = s.openEvent(en, from: from, range: r, weak: entry.alias)
            }
        case .field(let en, let fn):
            field(&s, event: en, field: fn, from: from)
        case .facet(let fn):
            if let a = catalog.facet(named: fn), a.type == .string, a.values == nil, let (test, end) = freeText(s, after: r.upperBound) {
                _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: test, tags: [TranslationState.tag(fn, from)]))
                s.pendingFacetMention = nil
                s.mark(r.lowerBound..<end)
                return end
            }
            if facet(&s, fn, from: from, range: r) { s.mark(r); return r.upperBound }
        case .value(let subject, let v):
            if let end = value(&s, subject: subject, value: v, from: from, range: r) { return end }
        }
        s.mark(r)
        return r.upperBound
    }

    func field(_ s: inout TranslationState, event en: String, field fn: String, from: String) {
        let e: Int
        if let c = s.currentEvent, s.drafts[c].subject == .event(en) { e = c } else { e = s.openEvent(en, from: "") }
        let claim = "\(en).\(fn)"
        if let k = s.drafts[e].tags.firstIndex(of: TranslationState.tag(claim, nil)) { s.drafts[e].tags[k] = TranslationState.tag(claim, from) }
        else if !s.drafts[e].tags.contains(where: { $0.names(claim) && $0.from != nil }) { s.drafts[e].tags.append(TranslationState.tag(claim, from)) }
        if let a = catalog.event(named: en)?.field(named: fn), a.type.isNumeric {
            if let p = s.pendingComparison { s.drafts[e].preds.append((fn, [], p.0.predicateTest)); s.pendingComparison = nil }
            else { s.drafts[e].preds.append((fn, [], nil)) }
        } else if let a = catalog.event(named: en)?.field(named: fn), a.type == .bool {
            s.drafts[e].preds.append((fn, [], .compare(.eq, .bool(true))))
        } else if let a = catalog.event(named: en)?.field(named: fn), a.type == .string, a.values == nil {
            // "used a coupon": a free-text field named with no text means it is present.
            s.drafts[e].preds.append((fn, [], .isMissing(negated: true)))
        }
    }

    /// A facet mention; returns true when it only names a string facet whose value follows.
    func facet(_ s: inout TranslationState, _ fn: String, from: String, range r: Range<Int>) -> Bool {
        guard let a = catalog.facet(named: fn) else { return false }
        let tag = TranslationState.tag(fn, from)
        if a.type == .bool {
            if let d = s.drafts.firstIndex(where: { $0.subject == .facet(fn) && $0.negated == s.negateNext }) {
                s.drafts[d].tags.append(tag); s.negateNext = false      // "opted in to text messages": one condition
            } else {
                _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: .compare(.eq, .bool(true)), tags: [tag]))
            }
            s.currentEvent = nil
        } else if a.type == .string, a.values == nil {
            // "with no postal code on file": a free-text facet named with nothing after it.
            _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: .isMissing(negated: true), tags: [tag]))
            s.currentEvent = nil
        } else if a.type.isNumeric {
            let d = s.newDraft(Draft(subject: .facet(fn), negated: false, test: nil, tags: [tag], mention: from))
            if let p = s.pendingComparison { s.drafts[d].test = p.0.predicateTest; s.pendingComparison = nil } else { s.awaitingNumber = d }
            s.currentEvent = nil
        } else if a.type.isTemporal {
            let d = s.newDraft(Draft(subject: .facet(fn), negated: false, test: nil, tags: [tag], mention: from))
            if let w = s.pendingWindow { s.drafts[d].test = .during(w.0); s.pendingWindow = nil } else { s.awaitingWindow = d }
            s.currentEvent = nil
        } else {
            // A string facet named without a value ("plan premium"): the value that follows carries
            // it; "premium plan": the facet's words came after its value, cite them there.
            if let l = s.lastValueDraft, s.drafts[l].subject == .facet(fn), let k = s.drafts[l].tags.firstIndex(of: TranslationState.tag(fn, nil)) {
                s.drafts[l].tags[k] = tag
            } else if let answer = s.answers.answer(.choice, from), let values = a.values,
                      case let picked = ChoiceAnswer.values(answer, of: values), !picked.isEmpty {
                // "which plan values does "plan" mean?" answered "standard, premium".
                s.usedAnswers[Question.key(.choice, from)] = answer
                _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: nil, values: picked, tags: [tag]))
            } else {
                s.pendingFacetMention = (fn, from)
            }
            return true
        }
        return false
    }

    /// A value mention: an event field's value, or a facet value joined into a list with the
    /// one before ("Texas or Ohio"), or an ordered bound ("standard or above").
    func value(_ s: inout TranslationState, subject: String, value v: String, from: String, range r: Range<Int>) -> Int? {
        let parts = subject.split(separator: ".").map(String.init)
        if parts.count == 2 {
            if let c = s.currentEvent, s.drafts[c].subject == .event(parts[0]), s.drafts[c].negated == s.negateNext || !s.negateNext {
                s.addFieldValue(c, parts[1], v, from: from)
            } else {
                s.pendingFieldValues.append((parts[0], parts[1], v, from))
            }
            return nil
        }
        let between = s.words[s.lastValueEnd..<r.lowerBound]
        let joined = s.lastValueDraft.map { s.drafts[$0].subject == .facet(subject) } == true
            && between.allSatisfy { EnglishWords.connectives.contains($0.norm) } && !s.negateNext
        let d: Int
        if joined, let l = s.lastValueDraft { d = l } else {
            let facetTag = s.pendingFacetMention?.0 == subject ? TranslationState.tag(subject, s.pendingFacetMention?.1) : TranslationState.tag(subject, nil)
            d = s.newDraft(Draft(subject: .facet(subject), negated: false, test: nil, tags: [facetTag]))
            s.pendingFacetMention = nil
        }
        s.drafts[d].values.append(v)
        s.drafts[d].tags.append(TranslationState.valueTag(v, from))
        s.lastValueDraft = d; s.lastValueEnd = r.upperBound
        s.currentEvent = nil
        // "standard or above", "basic plan or better" on an ordered facet.
        if let a = catalog.facet(named: subject), a.ordered {
            var k = r.upperBound
            var facetWords: Range<Int>?
            if let m = lexicon.longest(s.words, at: k), m.entries.contains(where: { $0.target == .facet(subject) }) {
                facetWords = k..<(k + m.length); k += m.length
            }
            if s.low(k) == "or", let op = EnglishWords.orderedDirections[s.low(k + 1)] {
                // "pro plan or above": the facet's words come between; cite them.
                if let f = facetWords, let t = s.drafts[d].tags.firstIndex(of: TranslationState.tag(subject, nil)) {
                    s.drafts[d].tags[t] = TranslationState.tag(subject, s.quote(f))
                }
                s.drafts[d].ordered = ComparisonOp(rawValue: op)
                s.mark(r.lowerBound..<(k + 2))
                return k + 2
            }
        }
        return nil
    }

    /// The name and synonyms of the item a target names (a value: its facet or field's).
    func ownNames(_ t: RetrievalTarget) -> [String] {
        switch t {
        case .facet(let f): return catalog.facet(named: f).map { [$0.name] + $0.synonyms } ?? []
        case .event(let e): return catalog.event(named: e).map { [$0.name] + $0.synonyms } ?? []
        case .field(let e, let f): return catalog.event(named: e)?.field(named: f).map { [$0.name] + $0.synonyms } ?? []
        case .value: return []
        }
    }

    /// Stems of the names and synonyms of a draft's subject.
    func subjectStems(_ d: Draft) -> Set<String> {
        var names: [String] = []
        switch d.subject {
        case .facet(let f): if let a = catalog.facet(named: f) { names = [a.name] + a.synonyms }
        case .event(let e): if let ev = catalog.event(named: e) { names = [ev.name] + ev.synonyms }
        }
        return Set(names.flatMap { Words.split($0.replacingOccurrences(of: "_", with: " ")).map(\.stem) })
    }

    /// A fuzzy match for one misspelt word ("Germnay", "Documentaries"), by trigram similarity.
    func fuzzy(_ word: String) -> RetrievalTarget? {
        let hits = index.search(word, k: 3)
        guard let best = hits.max(by: { $0.score < $1.score }), best.score >= 0.7, !best.matched.isEmpty else { return nil }
        // The matched catalog phrase must be one word close to this one (not a description hit).
        guard Words.split(best.matched).count == 1, Suggest.closest(to: word, in: [best.matched]) != nil
                || best.matched.lowercased().hasPrefix(word.lowercased().prefix(4)) else { return nil }
        return best.target
    }

    /// The event the next few words name (directly, or through one of its fields or values):
    /// "high or urgent priority ticket" → the ticket event, for "high".
    func upcomingEvent(_ s: TranslationState, after k: Int) -> String? {
        var j = k
        while j < min(s.words.count, k + 4) {
            guard let m = lexicon.longest(s.words, at: j) else { j += 1; continue }
            for e in m.entries {
                switch e.target {
                case .event(let n), .field(let n, _): return n
                case .value(let subject, _): if subject.contains("."), !m.entries.contains(where: { !$0.target.isValue && !subject.hasPrefix("\($0.target.claim).") }) { continue }
                case .facet: break
                }
            }
            j += m.length
        }
        return nil
    }

    /// Picks one meaning of an ambiguous phrase: the current event's fields and values first,
    /// then the upcoming event's, then events, then facets and facet values, in catalog order.
    func choose(_ entries: [Lexicon.Entry], currentEvent: String?, upcoming: String? = nil) -> Lexicon.Entry {
        func eventOf(_ t: RetrievalTarget) -> String? {
            switch t {
            case .event(let e): return e
            case .field(let e, _): return e
            case .value(let s, _): let p = s.split(separator: "."); return p.count == 2 ? String(p[0]) : nil
            case .facet: return nil
            }
        }
        if let ce = currentEvent, let e = entries.first(where: { eventOf($0.target) == ce }) { return e }
        if let ue = upcoming, let e = entries.first(where: { eventOf($0.target) == ue }) { return e }
        if let e = entries.first(where: { if case .event = $0.target { return true }; return false }) { return e }
        if let e = entries.first(where: { eventOf($0.target) == nil }) { return e }
        return entries[0]
    }
}
