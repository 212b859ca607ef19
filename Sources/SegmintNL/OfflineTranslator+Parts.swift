import SegmintCore
import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// Words that join or frame conditions but name nothing in the catalog.
    func isFiller(_ w: String) -> Bool {
        ["but", "or", "and", "nor", "however", "yet", "also", "ever", "already", "either", "only",
         "who've", "haven't", "hasn't", "didn't", "don't", "doesn't", "t", "s", "ve"].contains(w)
    }

    /// Whether every entry is a value (a short word like "in" may be a value nowhere, but "CA" is).
    func isValueOnly(_ e: [Lexicon.Entry]) -> Bool { e.allSatisfy { $0.target.isValue } }

    /// The facet that holds an age in years, if the catalog has one.
    func ageFacet() -> String? {
        catalog.facets.first { $0.type.isNumeric && ($0.name == "age" || $0.unit == "years") }?.name
    }

    /// A fuzzy match for one misspelt word ("califronia", "Outdoors"), by trigram similarity.
    func fuzzy(_ word: String) -> RetrievalTarget? {
        let hits = index.search(word, k: 3)
        guard let best = hits.max(by: { $0.score < $1.score }), best.score >= 0.7, !best.matched.isEmpty else { return nil }
        // The matched catalog phrase must be one word close to this one (not a description hit).
        guard Words.split(best.matched).count == 1, Suggest.closest(to: word, in: [best.matched]) != nil
                || best.matched.lowercased().hasPrefix(word.lowercased().prefix(4)) else { return nil }
        return best.target
    }

    /// Picks one meaning of an ambiguous phrase: the current event's fields and values first,
    /// then facets and facet values, then anything, in catalog order.
    func choose(_ entries: [Lexicon.Entry], currentEvent: String?) -> Lexicon.Entry {
        func eventOf(_ t: RetrievalTarget) -> String? {
            switch t {
            case .event(let e): return e
            case .field(let e, _): return e
            case .value(let s, _): let p = s.split(separator: "."); return p.count == 2 ? String(p[0]) : nil
            case .facet: return nil
            }
        }
        if let ce = currentEvent, let e = entries.first(where: { eventOf($0.target) == ce }) { return e }
        if let e = entries.first(where: { if case .event = $0.target { return true }; return false }) { return e }
        if let e = entries.first(where: { eventOf($0.target) == nil }) { return e }
        return entries[0]
    }

    /// A time window starting at `i`: returns the window text (nil when it became a question)
    /// and the index after it, or nil when there is no window here.
    func window(_ w: [Word], at i: Int, answers: Answers, questions: inout [Question],
                usedAnswers: inout [String: String]) -> (String?, Int)? {
        func low(_ k: Int) -> String { k < w.count ? w[k].text.lowercased() : "" }
        var k = i
        if ["in", "within", "over", "during", "for"].contains(low(k)) { k += 1 }
        if low(k) == "the" { k += 1 }
        if ["last", "past", "previous", "recent"].contains(low(k)) {
            var n = 1, j = k + 1
            if let v = NumberWords.value(low(j)), low(j) != "a", low(j) != "an" { n = v; j += 1 }
            if let u = TimeUnitWords.unit(low(j)), n >= 1 {
                return ("during last \(n) \(n == 1 ? u : u + "s")", j + 1)
            }
        }
        if ["since", "after", "before"].contains(low(i)) {
            let kw = low(i) == "before" ? "before" : "since"
            if let d = CivilDate(iso: low(i + 1)) { return ("\(kw) \(d)", i + 2) }
            if let m = MonthNames.numbers[low(i + 1)] {
                var j = i + 2, day = 1
                if let dd = Int(low(j)), (1...31).contains(dd), low(j).count <= 2 { day = dd; j += 1 }
                if let y = Int(low(j)), (1900...2999).contains(y), let d = CivilDate(year: y, month: m, day: day) {
                    return ("\(kw) \(d)", j + 1)
                }
            }
            if let y = Int(low(i + 1)), low(i + 1).count == 4, (1900...2999).contains(y), let d = CivilDate(year: y, month: 1, day: 1) {
                return ("\(kw) \(d)", i + 2)
            }
        }
        // Time words with no number: an assumption only the user (or memory) can settle.
        if ["recently", "recent", "lately"].contains(low(i)) {
            let span = w[i].text
            if let a = answers.answer(.window, span), let win = AnswerParsing.window(a) {
                usedAnswers[Question.key(.window, span)] = a
                return (win, i + 1)
            }
            let q = Question(kind: .window, span: span, text: "what time window does \"\(span)\" mean?", example: "last 30 days")
            if !questions.contains(q) { questions.append(q) }
            return (nil, i + 1)
        }
        return nil
    }

    /// One draft as a `.seg` condition line with its tags, or nil when it has no test.
    func render(_ d: Draft) -> String? {
        switch d.subject {
        case .facet(let fn):
            var test = d.test
            if !d.values.isEmpty {
                let lits = d.values.map { StringLiteral.quote($0) }
                if let o = d.ordered, lits.count == 1 { test = "\(o) \(lits[0])" }
                else { test = lits.count == 1 ? "= \(lits[0])" : "in [\(lits.joined(separator: ", "))]" }
            }
            guard let t = test else { return nil }
            return ([fn + " " + t] + d.tags).joined(separator: " ")
        case .event(let en):
            var s = "has \(en)"
            let preds = d.preds.compactMap { p -> String? in
                if let t = p.test { return "\(p.field) \(t)" }
                if p.values.count == 1 { return "\(p.field) = \(StringLiteral.quote(p.values[0]))" }
                if p.values.count > 1 { return "\(p.field) in [\(p.values.map { StringLiteral.quote($0) }.joined(separator: ", "))]" }
                return nil
            }
            if !preds.isEmpty { s += " where " + preds.joined(separator: " and ") }
            if let w = d.window { s += " " + w }
            if let a = d.aggregate { s += " " + a }
            return ([s] + d.tags).joined(separator: " ")
        }
    }
}

/// Writing `.seg` text: one segment with its header comment, in `fmt`'s layout.
public enum SegWriter {
    public static func segment(name: String, title: String, include: [String], exclude: [String], header: [String]) -> String {
        var out = header.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined()
        out += "segment \(name) \(StringLiteral.quote(title)) {\n"
        if !include.isEmpty { out += "  include {\n" + include.map { "    \($0)\n" }.joined() + "  }\n" }
        if !exclude.isEmpty { out += "  exclude {\n" + exclude.map { "    \($0)\n" }.joined() + "  }\n" }
        return out + "}\n"
    }

    /// A segment name from the request's first content words: `california_bought_outdoor_gear`.
    public static func name(for request: String) -> String {
        let words = Words.split(request).map { $0.text.lowercased() }
            .filter { !Stopwords.set.contains(Words.normalize($0)) }
            .map { String($0.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init)) }
            .filter { !$0.isEmpty }
        var n = words.prefix(4).joined(separator: "_")
        if n.isEmpty { n = "asked_segment" }
        if n.first?.isNumber == true { n = "s_" + n }
        if Keywords.reserved.contains(n) { n += "_segment" }
        return n
    }
}
