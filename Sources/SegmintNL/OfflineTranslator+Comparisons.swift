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
        guard let c = Comparison.match(s.words, at: &j) else { return boundBeforeSubject(&s, at: i) ?? exactNumber(&s, at: i) }
        // "at least 5000 coins", "3 or more products": the noun after the number is a numeric
        // facet's unit or the first word of its name.
        if !c.times, s.awaitingNumber == nil, let (fn, n) = numericFacetAfterNumber(s, at: j) {
            _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: c.predicateTest, tags: [TranslationState.tag(fn, s.quote(j..<(j + n)))]))
            s.currentEvent = nil
            s.mark(i..<(j + n))
            return j + n
        }
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

    /// The numeric facet the words right after a number name, with how many words: the facet
    /// itself, else the one facet whose unit is that word ("coins", "hours", "points"), else the
    /// one facet whose name starts with it ("products" → `product_count`). Nothing when the
    /// words name an event ("at least 3 orders" counts orders) or more than one facet fits.
    func numericFacetAfterNumber(_ s: TranslationState, at k: Int) -> (String, Int)? {
        guard k < s.words.count else { return nil }
        if let m = lexicon.longest(s.words, at: k) {
            if m.entries.contains(where: { if case .event = $0.target { return true }; if case .field = $0.target { return true }; return false }) { return nil }
            let facets = m.entries.compactMap { e -> String? in
                if case .facet(let f) = e.target, catalog.facet(named: f)?.type.isNumeric == true { return f }; return nil
            }
            if facets.count == 1 { return (facets[0], m.length) }
        }
        let stem = s.words[k].stem
        let numeric = catalog.facets.filter { $0.type.isNumeric }
        let byUnit = numeric.filter { a in a.unit.map { Inflection.key($0.replacingOccurrences(of: "_", with: " ")) == stem } == true }
        if byUnit.count == 1 { return (byUnit[0].name, 1) }
        guard byUnit.isEmpty, !Stopwords.set.contains(s.words[k].norm) else { return nil }
        let byName = numeric.filter { Words.split($0.name.replacingOccurrences(of: "_", with: " ")).first?.stem == stem }
        return byName.count == 1 ? (byName[0].name, 1) : nil
    }

    /// A bound written before what it bounds: "at least premium" (an ordered value), "under
    /// age 30" (a numeric facet, then its number).
    func boundBeforeSubject(_ s: inout TranslationState, at i: Int) -> Int? {
        // "at least the plus tier": an article may come between the bound and the value.
        let v = i + (EnglishWords.orderedPrefixes.match(s.words, at: i)?.length ?? 0)
        let at = ["the", "a", "an"].contains(s.low(v)) ? v + 1 : v
        if let p = EnglishWords.orderedPrefixes.match(s.words, at: i), let m = lexicon.longest(s.words, at: at) {
            let ordered = m.entries.filter { e in
                guard case .value(let subject, _) = e.target else { return false }
                return catalog.facet(named: subject)?.ordered == true
            }
            if !ordered.isEmpty {
                let end = apply(&s, entries: ordered, range: at..<(at + m.length))
                if let d = s.lastValueDraft { s.drafts[d].ordered = ComparisonOp(rawValue: p.value) }
                s.mark(i..<at)
                return end
            }
        }
        if let end = betweenFacet(&s, at: i) { return end }
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

    /// "between level 10 and 20": a numeric facet between the range word and its numbers.
    func betweenFacet(_ s: inout TranslationState, at i: Int) -> Int? {
        guard EnglishLayer.shared.between.words.contains(s.low(i)), let m = lexicon.longest(s.words, at: i + 1),
              let fn = m.entries.lazy.compactMap({ e -> String? in if case .facet(let f) = e.target { return f }; return nil }).first,
              catalog.facet(named: fn)?.type.isNumeric == true else { return nil }
        let k = i + 1 + m.length
        guard let a = NumberWords.match(s.words, at: k), EnglishLayer.shared.between.joiners.contains(s.low(k + a.length)),
              let b = NumberWords.match(s.words, at: k + a.length + 1) else { return nil }
        let end = k + a.length + 1 + b.length
        _ = s.newDraft(Draft(subject: .facet(fn), negated: false, test: Comparison(op: "between", numbers: [a.text, b.text]).predicateTest,
                             tags: [TranslationState.tag(fn, s.quote((i + 1)..<k))]))
        s.currentEvent = nil
        s.mark(i..<end)
        return end
    }

    /// A bare number beside a numeric field or facet is its value: "completed level 10"
    /// (after the name) and "with 3 stars" (before the current event's field).
    func exactNumber(_ s: inout TranslationState, at i: Int) -> Int? {
        guard let n = NumberWords.match(s.words, at: i), let lit = NumberLiteral(n.text) else { return nil }
        let eq = PredicateTest.compare(.eq, .number(lit))
        if i > 0, s.used[i - 1] {
            if let e = s.currentEvent, let k = s.drafts[e].preds.indices.last, s.drafts[e].preds[k].test == nil, s.drafts[e].preds[k].values.isEmpty {
                s.drafts[e].preds[k].test = eq
                s.mark(i..<(i + n.length)); return i + n.length
            }
            if let a = s.awaitingNumber {
                s.drafts[a].test = eq; s.awaitingNumber = nil
                s.mark(i..<(i + n.length)); return i + n.length
            }
        }
        let k = i + n.length
        guard let e = s.currentEvent, case .event(let en) = s.drafts[e].subject, let m = lexicon.longest(s.words, at: k),
              let fn = m.entries.lazy.compactMap({ x -> String? in if case .field(en, let f) = x.target { return f }; return nil }).first,
              catalog.event(named: en)?.field(named: fn)?.type.isNumeric == true else { return nil }
        field(&s, event: en, field: fn, from: s.quote(k..<(k + m.length)))
        if let p = s.drafts[e].preds.indices.last { s.drafts[e].preds[p].test = eq }
        s.mark(i..<(k + m.length))
        return k + m.length
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
