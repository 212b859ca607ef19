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
    /// Words of the request it could not map to the catalog, in request order, verbatim.
    public var unmapped: [String]
    /// Questions that must be answered first (an answer may come from memory or `--answer`).
    public var questions: [Question]
    /// Answers it used, `key → answer`, so the caller can store them in memory.
    public var usedAnswers: [String: String]
}

/// The deterministic, catalog-driven translator used with no LLM configured or when every
/// provider fails. It handles simple requests: facet and value mentions (names, synonyms, US
/// state names for state codes, fuzzy matches), numbers with comparison words, "in the last N
/// days/weeks/months/years", "since DATE", negation ("not", "excluding", "but not", "without"),
/// and event mentions ("bought", "purchased"). Every facet, field and value it writes carries a
/// `[RETRIEVED: …]` tag with the request words it rests on.
public struct OfflineTranslator: Sendable {
    public let catalog: Catalog
    let lexicon: Lexicon
    let index: RetrievalIndex

    public init(catalog: Catalog, index: RetrievalIndex? = nil) {
        self.catalog = catalog
        self.lexicon = Lexicon(catalog: catalog)
        self.index = index ?? RetrievalIndex(catalog: catalog)
    }

    /// One condition under construction.
    struct Draft {
        enum Subject: Equatable { case facet(String), event(String) }
        var subject: Subject
        var negated: Bool
        /// Facet test text (`= "CA"`, `> 500`, `during last 30 days`); nil while pending.
        var test: String?
        /// Enumerated values for `=` / `in` (facet) kept apart so "CA or OR" merges into a list.
        var values: [String] = []
        var ordered: String? = nil
        /// Event: field predicates (field, values or test).
        var preds: [(field: String, values: [String], test: String?)] = []
        var window: String?
        var aggregate: String?
        var tags: [String] = []
        /// Words that named the subject (for questions about a missing number).
        var mention: String?
    }

    public func translate(_ request: String, answers: Answers = Answers()) -> OfflineTranslation {
        let words = Words.split(request)
        var used = [Bool](repeating: false, count: words.count)
        var drafts: [Draft] = []
        var questions: [Question] = []
        var usedAnswers: [String: String] = [:]
        var negateNext = false
        var currentEvent: Int?            // draft index of the event the following words refine
        var awaitingNumber: Int?           // draft index of a numeric subject with no test yet
        var awaitingWindow: Int?           // draft index of a date facet with no window yet
        var pendingComparison: (Comparison, Range<Int>)?
        var pendingWindow: (String, Range<Int>)?
        var pendingFieldValues: [(event: String, field: String, value: String, from: String)] = []
        var lastValueDraft: Int?          // for "CA or OR" lists
        var lastValueEnd = 0
        var pendingFacetMention: (String, String)?

        func quote(_ r: Range<Int>) -> String {
            guard let a = r.first, let b = r.last, a < words.count, b < words.count else { return "" }
            return String(request[words[a].range.lowerBound..<words[b].range.upperBound])
        }
        func mark(_ r: Range<Int>) { for k in r where k < used.count { used[k] = true } }
        func tag(_ claim: String, _ from: String?) -> String {
            if let from, !from.isEmpty { return "[RETRIEVED: \(claim) from \(StringLiteral.quote(from))]" }
            return "[RETRIEVED: \(claim)]"
        }
        func attribute(_ subject: String) -> Attribute? {
            let p = subject.split(separator: ".").map(String.init)
            if p.count == 2 { return catalog.event(named: p[0])?.field(named: p[1]) }
            return catalog.facet(named: subject)
        }
        func newDraft(_ d: Draft) -> Int {
            var d = d
            d.negated = negateNext
            negateNext = false
            drafts.append(d)
            return drafts.count - 1
        }
        func applyWindow(_ w: String, _ r: Range<Int>) -> Bool {
            if let a = awaitingWindow { drafts[a].test = w; awaitingWindow = nil; return true }
            if let e = currentEvent, drafts[e].window == nil { drafts[e].window = w; return true }
            pendingWindow = (w, r)
            return true
        }
        func applyComparison(_ c: Comparison, to i: Int, field: String? = nil) {
            if let field {
                drafts[i].preds.append((field, [], c.text))
            } else {
                drafts[i].test = c.text
            }
        }
        func openEvent(_ name: String, from: String) -> Int {
            let i = newDraft(Draft(subject: .event(name), negated: false, tags: [tag(name, from)]))
            currentEvent = i
            if let w = pendingWindow { drafts[i].window = w.0; pendingWindow = nil }
            for v in pendingFieldValues where v.event == name { addFieldValue(i, v.field, v.value, from: v.from) }
            pendingFieldValues.removeAll { $0.event == name }
            return i
        }
        func addFieldValue(_ e: Int, _ field: String, _ value: String, from: String) {
            if let k = drafts[e].preds.firstIndex(where: { $0.field == field && $0.test == nil }) {
                drafts[e].preds[k].values.append(value)
            } else {
                drafts[e].preds.append((field, [value], nil))
                if case .event(let en) = drafts[e].subject, !drafts[e].tags.contains(where: { $0.hasPrefix("[RETRIEVED: \(en).\(field)") }) {
                    drafts[e].tags.append(tag("\(en).\(field)", nil))
                }
            }
            drafts[e].tags.append(tag(StringLiteral.quote(value), from))
        }

        var i = 0
        while i < words.count {
            let low = words[i].text.lowercased()

            // Negation starts a condition that goes to `exclude`.
            if ["not", "excluding", "exclude", "except", "without", "never", "non", "no"].contains(low)
                || (low == "other" && i + 1 < words.count && words[i + 1].text.lowercased() == "than") {
                var j = i + 1
                if low == "other" { j += 1 }
                // "no more than 3" is a comparison, not a negation.
                var probe = i
                if Comparison.match(words, at: &probe) == nil {
                    negateNext = true; mark(i..<j); i = j; continue
                }
            }

            // Time windows: "in the last 90 days", "past 6 months", "last year", "since 2025-01-01".
            if let (w, end) = window(words, at: i, answers: answers, questions: &questions, usedAnswers: &usedAnswers) {
                if let w { _ = applyWindow(w, i..<end) }
                mark(i..<end); i = end; continue
            }

            // Comparisons: "over 500", "at least 3", "between 25 and 40", "3 or more".
            var j = i
            if let c = Comparison.match(words, at: &j) {
                var end = j
                let next = end < words.count ? words[end].text.lowercased() : ""
                // Trailing unit words belong to the comparison.
                if ["dollar", "dollars", "usd", "point", "points"].contains(next) { end += 1 }
                let after = end < words.count ? words[end].text.lowercased() : ""
                let after2 = end + 1 < words.count ? words[end + 1].text.lowercased() : ""
                if after == "years" || after == "year", after2 == "old", let age = ageFacet() {
                    end += 2
                    let d = newDraft(Draft(subject: .facet(age), negated: false, test: c.text, tags: [tag(age, nil)]))
                    _ = d
                } else if after == "times" || after == "time", let e = currentEvent {
                    end += 1
                    drafts[e].aggregate = "count \(c.text)"
                } else if let m = lexicon.longest(words, at: end), let ev = m.entries.first(where: { if case .event = $0.target { return true }; return false }), case .event(let en) = ev.target {
                    // "at least 3 orders": a count of that event.
                    let e = currentEvent.flatMap { drafts[$0].subject == .event(en) ? $0 : nil } ?? openEvent(en, from: quote(end..<(end + m.length)))
                    drafts[e].aggregate = "count \(c.text)"
                    end += m.length
                } else if let a = awaitingNumber {
                    applyComparison(c, to: a); awaitingNumber = nil
                } else if let e = currentEvent, let last = drafts[e].preds.last, last.test == nil, last.values.isEmpty {
                    drafts[e].preds[drafts[e].preds.count - 1].test = c.text
                } else {
                    pendingComparison = (c, i..<end)
                }
                mark(i..<end); i = end; continue
            }

            // "aged 25 to 40", "aged 30"
            if (low == "aged" || low == "age"), let age = ageFacet(), i + 1 < words.count {
                let a = words[i + 1].text
                if i + 3 < words.count, let x = Comparison.num(a), ["to", "and"].contains(words[i + 2].text.lowercased()), let y = Comparison.num(words[i + 3].text) {
                    _ = newDraft(Draft(subject: .facet(age), negated: false, test: "between \(x) and \(y)", tags: [tag(age, quote(i..<(i + 1)))]))
                    mark(i..<(i + 4)); i += 4; continue
                }
                var k = i + 1
                if let c = Comparison.match(words, at: &k) {
                    _ = newDraft(Draft(subject: .facet(age), negated: false, test: c.text, tags: [tag(age, quote(i..<(i + 1)))]))
                    mark(i..<k); i = k; continue
                }
                if let x = Comparison.num(a) {
                    _ = newDraft(Draft(subject: .facet(age), negated: false, test: "= \(x)", tags: [tag(age, quote(i..<(i + 1)))]))
                    mark(i..<(i + 2)); i += 2; continue
                }
            }

            // Catalog mentions, longest phrase first; fuzzy for a single long word.
            var match = lexicon.longest(words, at: i)
            if let m = match {
                // A short code ("OR", "IN", "ME") counts only when written exactly: "or" is a word.
                let kept = m.entries.filter { e in
                    guard case .value(_, let v) = e.target, !e.alias, v.count <= 2 else { return true }
                    return m.length == 1 && words[i].text == v
                }
                match = kept.isEmpty ? nil : (m.length, kept)
            }
            if match == nil, !Stopwords.set.contains(words[i].norm), !isFiller(low), words[i].norm.count >= 4,
               words[i].text.first?.isNumber != true, let f = fuzzy(words[i].text) {
                match = (1, [Lexicon.Entry(target: f, alias: false)])
            }
            if let m = match, !(m.length == 1 && Stopwords.set.contains(words[i].norm) && !isValueOnly(m.entries)) {
                let r = i..<(i + m.length)
                let from = quote(r)
                let entry = choose(m.entries, currentEvent: currentEvent.flatMap { if case .event(let e) = drafts[$0].subject { return e }; return nil })
                switch entry.target {
                case .event(let en):
                    if let e = currentEvent, drafts[e].subject == .event(en), !drafts[e].negated || negateNext == drafts[e].negated, drafts[e].aggregate == nil, !negateNext {
                        // "bought … orders": the same event named twice.
                    } else {
                        _ = openEvent(en, from: from)
                    }
                case .field(let en, let fn):
                    let e: Int
                    if let c = currentEvent, drafts[c].subject == .event(en) { e = c } else { e = openEvent(en, from: "") }
                    let claim = "\(en).\(fn)"
                    if let k = drafts[e].tags.firstIndex(of: tag(claim, nil)) { drafts[e].tags[k] = tag(claim, from) }
                    else if !drafts[e].tags.contains(where: { $0.hasPrefix("[RETRIEVED: \(claim) ") }) { drafts[e].tags.append(tag(claim, from)) }
                    if let a = attribute(claim), a.type.isNumeric {
                        if let p = pendingComparison { drafts[e].preds.append((fn, [], p.0.text)); pendingComparison = nil }
                        else { drafts[e].preds.append((fn, [], nil)) }
                    }
                case .facet(let fn):
                    guard let a = catalog.facet(named: fn) else { break }
                    if a.type == .bool {
                        _ = newDraft(Draft(subject: .facet(fn), negated: false, test: "= true", tags: [tag(fn, from)]))
                        currentEvent = nil
                    } else if a.type.isNumeric {
                        let d = newDraft(Draft(subject: .facet(fn), negated: false, test: nil, tags: [tag(fn, from)], mention: from))
                        if let p = pendingComparison { drafts[d].test = p.0.text; pendingComparison = nil } else { awaitingNumber = d }
                        currentEvent = nil
                    } else if a.type.isTemporal {
                        let d = newDraft(Draft(subject: .facet(fn), negated: false, test: nil, tags: [tag(fn, from)], mention: from))
                        if let w = pendingWindow { drafts[d].test = w.0; pendingWindow = nil } else { awaitingWindow = d }
                        currentEvent = nil
                    } else {
                        // A string facet named without a value ("tier gold"): the value that follows
                        // carries it; keep the mention as a tag source only.
                        mark(r); i = r.upperBound
                        // "gold tier": the facet's words came after its value; cite them there.
                        if let l = lastValueDraft, drafts[l].subject == .facet(fn), let k = drafts[l].tags.firstIndex(of: tag(fn, nil)) {
                            drafts[l].tags[k] = tag(fn, from)
                        } else {
                            pendingFacetMention = (fn, from)
                        }
                        continue
                    }
                case .value(let subject, let v):
                    let parts = subject.split(separator: ".").map(String.init)
                    if parts.count == 2 {
                        if let c = currentEvent, drafts[c].subject == .event(parts[0]) {
                            addFieldValue(c, parts[1], v, from: from)
                        } else {
                            pendingFieldValues.append((parts[0], parts[1], v, from))
                        }
                    } else {
                        let joined = lastValueDraft.map { drafts[$0].subject == .facet(subject) } == true
                            && words[(lastValueEnd)..<i].allSatisfy { ["or", "and", "nor"].contains($0.text.lowercased()) } && !negateNext
                        let d: Int
                        if joined, let l = lastValueDraft { d = l } else {
                            let facetTag = pendingFacetMention?.0 == subject ? tag(subject, pendingFacetMention?.1) : tag(subject, nil)
                            d = newDraft(Draft(subject: .facet(subject), negated: false, test: nil, tags: [facetTag]))
                            pendingFacetMention = nil
                        }
                        drafts[d].values.append(v)
                        drafts[d].tags.append(tag(StringLiteral.quote(v), from))
                        lastValueDraft = d; lastValueEnd = r.upperBound
                        // "gold or above" on an ordered facet.
                        if let a = catalog.facet(named: subject), a.ordered, r.upperBound + 1 < words.count,
                           words[r.upperBound].text.lowercased() == "or" {
                            let dir = words[r.upperBound + 1].text.lowercased()
                            if ["above", "higher", "better", "more", "up"].contains(dir) { drafts[d].ordered = ">="; mark(r.upperBound..<(r.upperBound + 2)); i = r.upperBound + 2; mark(r); continue }
                            if ["below", "lower", "less", "worse"].contains(dir) { drafts[d].ordered = "<="; mark(r.upperBound..<(r.upperBound + 2)); i = r.upperBound + 2; mark(r); continue }
                        }
                        currentEvent = nil
                    }
                }
                mark(r); i = r.upperBound; continue
            }

            if Stopwords.set.contains(words[i].norm) || isFiller(low) { mark(i..<(i + 1)) }
            i += 1
        }

        // Field values named before (or without) their event: "outdoor gear buyers".
        for v in pendingFieldValues {
            let e = newDraft(Draft(subject: .event(v.event), negated: false, tags: [tag(v.event, nil)]))
            addFieldValue(e, v.field, v.value, from: v.from)
            if let w = pendingWindow { drafts[e].window = w.0; pendingWindow = nil }
        }
        if let w = pendingWindow {
            if let e = drafts.lastIndex(where: { if case .event = $0.subject { return $0.window == nil }; return false }) {
                drafts[e].window = w.0
            } else {
                for k in w.1 { used[k] = false }
            }
        }
        if let p = pendingComparison { for k in p.1 { used[k] = false } }

        // A numeric facet named without a number is a question ("high-value" → how much?).
        var lines: [(String, Bool)] = []
        for d in drafts {
            var d = d
            if case .facet(let fn) = d.subject, d.test == nil, d.values.isEmpty {
                let span = d.mention ?? fn
                let kind: QuestionKind = catalog.facet(named: fn)?.type.isTemporal == true ? .window : .number
                if let a = answers.answer(kind, span), let t = kind == .window ? AnswerParsing.window(a) : AnswerParsing.numberTest(a) {
                    d.test = t
                    usedAnswers[Question.key(kind, span)] = a
                } else {
                    let q = kind == .window
                        ? Question(kind: .window, span: span, text: "what time window does \"\(span)\" mean for \(fn)?", example: "last 30 days")
                        : Question(kind: .number, span: span, text: "what \(fn) threshold does \"\(span)\" mean?", example: ">= 500")
                    if !questions.contains(q) { questions.append(q) }
                    continue
                }
            }
            if let line = render(d) { lines.append((line, d.negated)) }
        }

        // A word of the name or a synonym of a subject already in the segment ("loyalty" beside
        // "gold") adds nothing new: it is mapped, not unknown.
        var subjectWords = Set<String>()
        for d in drafts {
            switch d.subject {
            case .facet(let f):
                if let a = catalog.facet(named: f) { for p in [a.name] + a.synonyms { subjectWords.formUnion(Words.norms(p.replacingOccurrences(of: "_", with: " "))) } }
            case .event(let e):
                if let ev = catalog.event(named: e) {
                    for p in [ev.name] + ev.synonyms { subjectWords.formUnion(Words.norms(p)) }
                    for f in d.preds { if let a = ev.field(named: f.field) { for p in [a.name] + a.synonyms { subjectWords.formUnion(Words.norms(p.replacingOccurrences(of: "_", with: " "))) } } }
                }
            }
        }
        for (k, w) in words.enumerated() where !used[k] && subjectWords.contains(w.norm) && w.text.first?.isNumber != true { used[k] = true }
        var unmapped: [String] = []
        for (k, w) in words.enumerated() where !used[k] { unmapped.append(w.text) }
        let include = lines.filter { !$0.1 }.map(\.0)
        let exclude = lines.filter { $0.1 }.map(\.0)
        var seg: String?
        if unmapped.isEmpty, questions.isEmpty, !lines.isEmpty {
            seg = SegWriter.segment(name: SegWriter.name(for: request), title: request,
                                    include: include, exclude: exclude,
                                    header: ["segmint ask (offline translator)", "request: \(StringLiteral.quote(request))",
                                             "catalog: \(catalog.label)"]
                                        + usedAnswers.sorted { $0.key < $1.key }.map { "answer: \($0.key) = \(StringLiteral.quote($0.value))" })
        }
        return OfflineTranslation(seg: seg, include: include, exclude: exclude, unmapped: unmapped,
                                  questions: questions, usedAnswers: usedAnswers)
    }
}
