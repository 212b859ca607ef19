import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// Comparisons and counts: "over 500", "at least 3 orders", "between 25 and 40", "3 or more",
    /// "twice", "aged 25 to 34", "N years old". The number goes to the subject waiting for one
    /// (a numeric facet or field), to the event it counts, or waits for the next subject.
    func comparison(_ s: inout TranslationState, at i: Int) -> Int? {
        if let end = aged(&s, at: i) { return end }
        if let t = Comparison.times(s.words, at: i) {
            // "bought twice": at least that many events.
            count(&s, Comparison(op: ">=", numbers: [String(t.count)], times: true), range: i..<(i + t.length))
            s.mark(i..<(i + t.length))
            return i + t.length
        }
        var j = i
        guard let c = Comparison.match(s.words, at: &j) else { return boundBeforeSubject(&s, at: i) }
        var end = j
        if let u = EnglishWords.units.match(s.words, at: end) { end += u.length }
        if s.low(end) == "years" || s.low(end) == "year", s.low(end + 1) == "old", let age = ageFacet() {
            end += 2
            _ = s.newDraft(Draft(subject: .facet(age), negated: false, test: c.predicateTest, tags: [TranslationState.tag(age, s.quote((end - 2)..<end))]))
        } else if c.times || ["times", "time"].contains(s.low(end)) {
            if !c.times { end += 1 }
            count(&s, c, range: i..<end)
        } else if let a = s.awaitingNumber {
            s.drafts[a].test = c.predicateTest; s.awaitingNumber = nil
        } else if let e = s.currentEvent, let last = s.drafts[e].preds.last, last.test == nil, last.values.isEmpty {
            s.drafts[e].preds[s.drafts[e].preds.count - 1].test = c.predicateTest
        } else {
            // "at least 3 orders", "over 50", "more than 500 points": the next subject takes it.
            s.pendingComparison = (c, i..<end)
        }
        s.mark(i..<end)
        return end
    }

    /// A bound written before what it bounds: "at least premium" (an ordered value), "under
    /// age 30" (a numeric facet, then its number).
    func boundBeforeSubject(_ s: inout TranslationState, at i: Int) -> Int? {
        if let p = EnglishWords.orderedPrefixes.match(s.words, at: i), let m = lexicon.longest(s.words, at: i + p.length) {
            let ordered = m.entries.filter { e in
                guard case .value(let subject, _) = e.target else { return false }
                return catalog.facet(named: subject)?.ordered == true
            }
            if !ordered.isEmpty {
                let end = apply(&s, entries: ordered, range: (i + p.length)..<(i + p.length + m.length))
                if let d = s.lastValueDraft { s.drafts[d].ordered = ComparisonOp(rawValue: p.value) }
                s.mark(i..<(i + p.length))
                return end
            }
        }
        guard let p = EnglishWords.comparisons.match(s.words, at: i), let m = lexicon.longest(s.words, at: i + p.length) else { return nil }
        let k = i + p.length + m.length
        guard let n = NumberWords.match(s.words, at: k),
              let fn = m.entries.lazy.compactMap({ e -> String? in if case .facet(let f) = e.target { return f }; return nil }).first,
              catalog.facet(named: fn)?.type.isNumeric == true else { return nil }
        _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: Comparison(op: p.value, numbers: [n.text]).predicateTest,
                             tags: [TranslationState.tag(fn, s.quote((i + p.length)..<k))]))
        s.mark(i..<(k + n.length))
        return k + n.length
    }

    /// A count on the current event, or on the next event named.
    func count(_ s: inout TranslationState, _ c: Comparison, range: Range<Int>) {
        if let e = s.currentEvent, s.drafts[e].aggregate == nil {
            s.drafts[e].aggregate = c.countAggregate
        } else {
            s.pendingComparison = (c, range)
        }
    }

    /// "aged 25 to 40", "aged 30", "age over 50", when the catalog has an age facet.
    func aged(_ s: inout TranslationState, at i: Int) -> Int? {
        guard s.low(i) == "aged" || s.low(i) == "age", let age = ageFacet(), i + 1 < s.words.count else { return nil }
        let tag = TranslationState.tag(age, s.quote(i..<(i + 1)))
        if let a = NumberWords.match(s.words, at: i + 1), ["to", "and", "through"].contains(s.low(i + 1 + a.length)),
           let b = NumberWords.match(s.words, at: i + 2 + a.length) {
            let end = i + 2 + a.length + b.length
            _ = s.newDraft(Draft(subject: .facet(age), negated: false, test: Comparison(op: "between", numbers: [a.text, b.text]).predicateTest, tags: [tag]))
            s.mark(i..<end); return end
        }
        var k = i + 1
        if let c = Comparison.match(s.words, at: &k) {
            _ = s.newDraft(Draft(subject: .facet(age), negated: false, test: c.predicateTest, tags: [tag]))
            s.mark(i..<k); return k
        }
        if let n = NumberWords.match(s.words, at: i + 1) {
            _ = s.newDraft(Draft(subject: .facet(age), negated: false, test: Comparison(op: "=", numbers: [n.text]).predicateTest, tags: [tag]))
            s.mark(i..<(i + 1 + n.length)); return i + 1 + n.length
        }
        return nil
    }

    /// The facet that holds an age in years, if the catalog has one.
    func ageFacet() -> String? {
        catalog.facets.first { $0.type.isNumeric && ($0.name == "age" || $0.unit == "years") }?.name
    }
}
