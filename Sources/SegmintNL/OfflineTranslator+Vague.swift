import SegmintCatalog

extension OfflineTranslator {
    /// Vague words (English layer): "heavy", "frequent", "lots of" count an event; "big spenders"
    /// needs a money facet's threshold; "young" an age; "likely to cancel" a `kind: model_score`
    /// facet's cut-off. Each becomes a `number` question (with the candidate facets and a
    /// suggested threshold, an assumption for the user to confirm) unless answered. A vague word
    /// with no candidate in the catalog is not consumed: it ends up asked about or reported.
    func vague(_ s: inout TranslationState, at i: Int) -> Int? {
        guard let m = EnglishWords.vague.match(s.words, at: i) else { return nil }
        let v = m.value
        var end = i + m.length
        switch v.measure {
        case "count":
            if let e = s.currentEvent, s.drafts[e].aggregate == nil, s.drafts[e].vague == nil {
                s.drafts[e].vague = (v, s.quote(i..<end))      // "watched dramas a lot"
            } else {
                s.pendingVague = (v, i)                          // "frequent buyers", "lots of orders"
            }
        case "money", "age", "model_score":
            // "likely to cancel": the words after the phrase say which score.
            if v.measure == "model_score" {
                while end < s.words.count, end < i + m.length + 3, !Stopwords.set.contains(s.words[end].norm),
                      lexicon.entityLength(s.words, at: end) == 0, lexicon.longest(s.words, at: end) == nil { end += 1 }
            } else if lexicon.entityLength(s.words, at: end) == 0, let l = lexicon.longest(s.words, at: end),
                      l.entries.contains(where: { if case .facet(let f) = $0.target { return catalog.facet(named: f)?.type.isNumeric == true }; return false }) {
                return nil                                       // "high lifetime spend": the facet follows
            }
            let span = s.quote(i..<end)
            guard let facet = vagueCandidates(v.measure, words: span).first else { return nil }
            _ = s.newDraft(Draft(subject: .facet(facet), negated: false, test: nil,
                                 tags: [TranslationState.tag(facet, span)], mention: span, vague: (v, span)))
            s.currentEvent = nil
        case "high", "low":
            // "high-level players", "a big balance": a size word before a numeric facet asks
            // for that facet's threshold.
            // The facet by its name, or by its unit or the first word of its name ("a big
            // overdraft" → `overdraft_limit`), as after a number.
            guard lexicon.entityLength(s.words, at: end) == 0 else { return nil }
            let named = lexicon.longest(s.words, at: end).flatMap { l in
                l.entries.lazy.compactMap({ e -> (String, Int)? in
                    if case .facet(let f) = e.target, self.catalog.facet(named: f)?.type.isNumeric == true { return (f, l.length) }; return nil
                }).first
            }
            guard let (f, n) = named ?? numericFacetAfterNumber(s, at: end) else { return nil }
            end += n
            let span = s.quote(i..<end)
            _ = s.newDraft(Draft(subject: .facet(f), negated: false, test: nil,
                                 tags: [TranslationState.tag(f, span)], mention: span, vague: (v, span)))
            s.currentEvent = nil
        default:
            return nil
        }
        s.mark(i..<end)
        return end
    }

    /// Facets a vague word may be about, best first: currency amounts for money, the age facet,
    /// model scores ranked by how well retrieval matches the words ("cancel").
    func vagueCandidates(_ measure: String, words: String) -> [String] {
        let pool: [String]
        switch measure {
        case "money": pool = catalog.facets.filter { $0.type.isNumeric && Self.isCurrency($0.unit) && $0.kind != "model_score" }.map(\.name)
        case "age": pool = ageFacet().map { [$0] } ?? []
        case "model_score": pool = catalog.facets.filter { $0.kind == "model_score" && $0.type.isNumeric }.map(\.name)
        default: pool = []
        }
        guard pool.count > 1 else { return pool }
        let ranked = index.search(words, k: 20).compactMap { h -> String? in if case .facet(let f) = h.target { return f }; return nil }
        return ranked.filter { pool.contains($0) } + pool.filter { !ranked.contains($0) }
    }

    /// ISO 4217-style codes and currency signs: a unit that is money.
    static func isCurrency(_ unit: String?) -> Bool {
        guard let u = unit else { return false }
        if ["$", "€", "£", "¥"].contains(u) { return true }
        return u.count == 3 && u.allSatisfy { $0.isUppercase && $0.isASCII }
    }
}

/// How an answer names what the user's words mean (a `term` answer) or which values (a `choice` answer).
enum ChoiceAnswer {
    /// The enumerated values an answer lists ("standard, premium", "standard or premium"), as the
    /// catalog spells them; unknown words make it no list.
    static func values(_ a: String, of values: [String]) -> [String] {
        var out: [String] = []
        for w in a.split(whereSeparator: { $0 == "," }).flatMap({ $0.components(separatedBy: " or ") }) {
            let t = w.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            guard !t.isEmpty else { continue }
            guard let v = values.first(where: { $0 == t }) ?? values.first(where: { $0.lowercased() == t.lowercased() }) else { return [] }
            if !out.contains(v) { out.append(v) }
        }
        return out
    }

    /// The catalog item an answer names: `name = "value"`, a facet or event name, `event.field`,
    /// or any catalog phrase; nil when it names nothing in the catalog.
    static func entries(_ a: String, catalog: Catalog, lexicon: Lexicon) -> [Lexicon.Entry]? {
        let t = a.trimmingCharacters(in: .whitespaces)
        if let eq = t.firstIndex(of: "=") {
            let name = t[..<eq].trimmingCharacters(in: .whitespaces)
            let raw = t[t.index(after: eq)...].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            let parts = name.split(separator: ".").map(String.init)
            let attr = parts.count == 2 ? catalog.event(named: parts[0])?.field(named: parts[1]) : catalog.facet(named: name)
            guard let values = attr?.values else { return nil }
            guard let v = values.first(where: { $0 == raw }) ?? values.first(where: { $0.lowercased() == raw.lowercased() }) else { return nil }
            return [Lexicon.Entry(target: .value(subject: name, value: v), source: .catalog)]
        }
        if catalog.facet(named: t) != nil { return [Lexicon.Entry(target: .facet(t), source: .catalog)] }
        if catalog.event(named: t) != nil { return [Lexicon.Entry(target: .event(t), source: .catalog)] }
        let parts = t.split(separator: ".").map(String.init)
        if parts.count == 2, catalog.event(named: parts[0])?.field(named: parts[1]) != nil {
            return [Lexicon.Entry(target: .field(event: parts[0], field: parts[1]), source: .catalog)]
        }
        let w = Words.split(t)
        if let m = lexicon.longest(w, at: 0), m.length == w.count, !m.entries.isEmpty { return m.entries }
        return nil
    }
}

import Foundation
