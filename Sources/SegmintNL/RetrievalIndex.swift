import SegmintCatalog

/// What retrieval can return: a facet, an event, an event's field, or one enumerated value.
public enum RetrievalTarget: Sendable, Hashable, CustomStringConvertible {
    case facet(String)
    case event(String)
    /// `event.field`
    case field(event: String, field: String)
    /// An enumerated value of a facet (`subject` = facet name) or field (`subject` = `event.field`).
    case value(subject: String, value: String)

    /// The name a grounding tag would cite: `plan`, `view`, `view.genre`, or the value.
    public var claim: String {
        switch self {
        case .facet(let f): return f
        case .event(let e): return e
        case .field(let e, let f): return "\(e).\(f)"
        case .value(_, let v): return v
        }
    }

    public var isValue: Bool { if case .value = self { return true } else { return false } }

    public var description: String {
        switch self {
        case .value(let s, let v): return "\(s) = \"\(v)\""
        default: return claim
        }
    }
}

/// One retrieval result for a span: the target, its score, and the catalog phrase that matched.
public struct RetrievalHit: Sendable, Equatable {
    public var target: RetrievalTarget
    public var score: Double
    /// The name, synonym or value that matched best (for prompts and explanations).
    public var matched: String
    /// Position in the index that produced it (to find parents without a search).
    var index: Int = -1
}

/// The local retrieval index over one catalog, built once (stage 2 of the pipeline).
///
/// Two matchers, merged: BM25 over the words of names, synonyms and descriptions of facets,
/// events and fields; and character-trigram similarity (Dice) over names, synonyms and
/// enumerated values, so "Germnay" or "Documentaries" still finds its target. No network, no
/// embeddings. Everything is flat arrays so a catalog with a million values builds in well under
/// a second: terms are ordered by their number of trigrams, so each trigram's posting list is
/// ordered by length too, and a search reads only the length window that can reach the Dice
/// threshold, and only the rarest trigrams of the query (prefix filtering), then verifies.
public final class RetrievalIndex: @unchecked Sendable {
    // Immutable after init; shared read-only between concurrent stage tasks.

    /// Facets, events and fields (target ids 0..<subjects.count); values follow.
    let subjects: [RetrievalTarget]
    /// A field's event (subject id), or -1.
    let subjectParent: [Int32]
    /// Value j is target `subjects.count + j`.
    let valueOwner: [Int32]
    let valueText: [String]

    // BM25 over subjects.
    private let postings: [String: [(doc: Int32, tf: Float)]]
    private let docLength: [Float]
    private let avgDocLength: Float

    // Trigram index over terms (names, synonyms, values), terms sorted by trigram count.
    /// Term text: `extraText[termAlt[t]]`, or the value's own text when `termAlt[t]` is -1 (so a
    /// million values are not copied into a second array of strings).
    private let termAlt: [Int32]
    private let extraText: [String]
    private let termTarget: [Int32]
    /// Term t's distinct trigrams, ascending: `gramBuf[gramOffset[t]..<gramOffset[t+1]]`.
    private let gramOffset: [Int32]
    private let gramBuf: [Int32]
    /// First term with at least `c` trigrams.
    private let lengthStart: [Int32]
    private let postingStart: [Int32]
    private let postingTerms: [Int32]
    static let gramBits = 20
    static let maxGrams = 64
    static let threshold = 0.55

    /// Builds the index for `catalog`.
    // Longer than 80 lines on purpose: every table of the index is a `let` assigned once here,
    // from locals filled in one pass over the catalog.
    public init(catalog: Catalog) {
        var subjects: [RetrievalTarget] = []
        var subjectParent: [Int32] = []
        var valueOwner: [Int32] = []
        var valueText: [String] = []
        var docs: [[(String, Float)]] = []
        var terms: [(alt: Int32, target: Int32)] = []
        var extraText: [String] = []
        func addTerm(_ text: String, _ target: Int32) { extraText.append(text); terms.append((Int32(extraText.count - 1), target)) }
        let totalValues = catalog.facets.reduce(0) { $0 + ($1.values?.count ?? 0) }
            + catalog.events.reduce(0) { $0 + $1.fields.reduce(0) { $0 + ($1.values?.count ?? 0) } }
        valueOwner.reserveCapacity(totalValues); valueText.reserveCapacity(totalValues)
        terms.reserveCapacity(totalValues + 4 * catalog.facets.count)

        var pendingValues: [(owner: Int32, values: [String])] = []
        func subject(_ t: RetrievalTarget, parent: Int32, name: String, synonyms: [String], description: String?) -> Int32 {
            subjects.append(t); subjectParent.append(parent)
            let id = Int32(subjects.count - 1)
            var w: [(String, Float)] = []
            // Names and synonyms count three times a description word: they are what users say.
            for n in Words.fastNorms(name) { w.append((n, 3)) }
            for s in synonyms { for n in Words.fastNorms(s) { w.append((n, 3)) } }
            for n in Words.fastNorms(description ?? "") where !Stopwords.set.contains(n) { w.append((n, 1)) }
            docs.append(w)
            // Grams treat `_` as a word break already, so the name needs no rewriting.
            addTerm(name, id)
            for s in synonyms { addTerm(s, id) }
            return id
        }
        for f in catalog.facets {
            let id = subject(.facet(f.name), parent: -1, name: f.name, synonyms: f.synonyms, description: f.description)
            if let v = f.values { pendingValues.append((id, v)) }
        }
        for e in catalog.events {
            let eid = subject(.event(e.name), parent: -1, name: e.name, synonyms: e.synonyms, description: e.description)
            for f in e.fields {
                let id = subject(.field(event: e.name, field: f.name), parent: eid, name: f.name, synonyms: f.synonyms, description: f.description)
                if let v = f.values { pendingValues.append((id, v)) }
            }
        }
        let s = Int32(subjects.count)
        for (owner, vs) in pendingValues {
            // Place names reach codes only where the attribute enumerates that gazetteer's codes.
            let names = Gazetteers.best(for: vs, in: .shared).map(RetrievalIndex.namesByCode) ?? [:]
            for v in vs {
                valueOwner.append(owner); valueText.append(v)
                let id = s + Int32(valueText.count - 1)
                terms.append((-1, id))
                if !names.isEmpty { for n in names[v] ?? [] { addTerm(n, id) } }
            }
        }
        self.subjects = subjects; self.subjectParent = subjectParent
        self.valueOwner = valueOwner; self.valueText = valueText
        (catalogWords, entityWords, verbAliases) = RetrievalIndex.englishTables(catalog, subjects: subjects, values: valueText)
        (postings, docLength, avgDocLength) = RetrievalIndex.bm25(docs)

        // Trigrams of every term, flat; then terms ordered by trigram count (a stable counting sort).
        var rawOffset = [Int32](repeating: 0, count: terms.count + 1)
        var rawBuf: [Int32] = []
        rawBuf.reserveCapacity(terms.count * 10)
        var scratch: [UInt8] = []
        for (i, t) in terms.enumerated() {
            RetrievalIndex.grams(t.alt >= 0 ? extraText[Int(t.alt)] : valueText[Int(t.target - s)], into: &rawBuf, scratch: &scratch)
            rawOffset[i + 1] = Int32(rawBuf.count)
        }
        let maxG = RetrievalIndex.maxGrams
        var byLen = [Int32](repeating: 0, count: maxG + 2)
        for i in 0..<terms.count { byLen[min(maxG, Int(rawOffset[i + 1] - rawOffset[i])) + 1] += 1 }
        for c in 0...maxG { byLen[c + 1] += byLen[c] }
        let lengthStart = byLen
        var order = [Int32](repeating: 0, count: terms.count)
        var fillLen = byLen
        for i in 0..<terms.count {
            let c = min(maxG, Int(rawOffset[i + 1] - rawOffset[i]))
            order[Int(fillLen[c])] = Int32(i); fillLen[c] += 1
        }
        var gramOffset = [Int32](repeating: 0, count: terms.count + 1)
        var gramBuf = [Int32](); gramBuf.reserveCapacity(rawBuf.count)
        var termAlt = [Int32](); termAlt.reserveCapacity(terms.count)
        var termTarget = [Int32](); termTarget.reserveCapacity(terms.count)
        for (n, i32) in order.enumerated() {
            let i = Int(i32)
            let lo = Int(rawOffset[i]), hi = min(Int(rawOffset[i + 1]), lo + maxG)
            gramBuf.append(contentsOf: rawBuf[lo..<hi])
            gramOffset[n + 1] = Int32(gramBuf.count)
            termAlt.append(terms[i].alt); termTarget.append(terms[i].target)
        }
        self.termAlt = termAlt; self.extraText = extraText; self.termTarget = termTarget
        self.gramOffset = gramOffset; self.gramBuf = gramBuf
        self.lengthStart = lengthStart
        (postingStart, postingTerms) = RetrievalIndex.postingLists(gramBuf: gramBuf, gramOffset: gramOffset, terms: termTarget.count)
    }

    /// Short catalog values and names as written, the entity's words, and the verb-class phrases
    /// that reach this catalog's subjects (by subject id).
    static func englishTables(_ catalog: Catalog, subjects: [RetrievalTarget], values: [String])
        -> (Set<String>, Set<String>, [String: [Int]]) {
        // Case-sensitive, so "US" is kept and "us" is not.
        var cw = Set<String>()
        for v in values where v.count <= 3 { cw.insert(v) }
        for t in subjects where !t.claim.contains("_") && !t.claim.contains(".") && t.claim.count <= 3 { cw.insert(t.claim) }
        let entity = EntityWords.keys(catalog.entity, english: .shared).filter { !$0.contains(" ") }
        var ids: [RetrievalTarget: Int] = [:]
        for (k, t) in subjects.enumerated() { ids[t] = k }
        var aliases: [String: [Int]] = [:]
        for (phrase, target, _) in VerbClasses.aliases(catalog, .shared) {
            guard let id = ids[target] else { continue }
            let key = Inflection.key(phrase)
            if aliases[key]?.contains(id) != true { aliases[key, default: []].append(id) }
        }
        return (cw, entity, aliases)
    }

    /// BM25 postings, document lengths and the average length of weighted word documents.
    static func bm25(_ docs: [[(String, Float)]]) -> ([String: [(doc: Int32, tf: Float)]], [Float], Float) {
        var post: [String: [(doc: Int32, tf: Float)]] = [:]
        var lengths = [Float](repeating: 0, count: docs.count)
        var tf: [(String, Float)] = []
        for (d, doc) in docs.enumerated() {
            // Documents are a dozen words: a linear merge beats a dictionary per document.
            tf.removeAll(keepingCapacity: true)
            for (w, weight) in doc {
                if let k = tf.firstIndex(where: { $0.0 == w }) { tf[k].1 += weight } else { tf.append((w, weight)) }
            }
            lengths[d] = doc.reduce(0) { $0 + $1.1 }
            for (w, f) in tf { post[w, default: []].append((Int32(d), f)) }
        }
        return (post, lengths, docs.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Float(docs.count)))
    }

    /// Posting lists by trigram (counting sort), each ascending by term, hence by length.
    static func postingLists(gramBuf: [Int32], gramOffset: [Int32], terms: Int) -> ([Int32], [Int32]) {
        let size = 1 << RetrievalIndex.gramBits
        var start = [Int32](repeating: 0, count: size + 1)
        for g in gramBuf { start[Int(g) + 1] += 1 }
        for i in 0..<size { start[i + 1] += start[i] }
        var fill = start
        var flat = [Int32](repeating: 0, count: gramBuf.count)
        for t in 0..<terms {
            for k in Int(gramOffset[t])..<Int(gramOffset[t + 1]) {
                let g = Int(gramBuf[k])
                flat[Int(fill[g])] = Int32(t); fill[g] += 1
            }
        }
        return (start, flat)
    }

    /// A gazetteer's names and demonyms by each of its codes.
    static func namesByCode(_ g: EnglishLayer.Gazetteer) -> [String: [String]] {
        var m: [String: [String]] = [:]
        for e in g.entries { for c in e.codes { m[c, default: []] += e.names + (e.demonyms ?? []) } }
        return m
    }

    /// Short catalog values and names exactly as written, so retrieval keeps a word that is
    /// also a stopword ("US", "IN", "OR", "ME") when the catalog holds it in that spelling.
    let catalogWords: Set<String>
    /// Single words that mean the entity (`EntityWords`), normalised.
    let entityWords: Set<String>
    /// English verb-class phrases (by stem key) → the subjects they reach in this catalog
    /// ("streamed" → the `view` event): ordinary verbs find items named with another verb.
    let verbAliases: [String: [Int]]

    /// The target with id `i`.
    func target(_ i: Int) -> RetrievalTarget {
        if i < subjects.count { return subjects[i] }
        let j = i - subjects.count
        return .value(subject: subjects[Int(valueOwner[j])].claim, value: valueText[j])
    }

    /// Appends the distinct hashed trigrams of ` text ` (lower-cased; runs of anything but letters
    /// and digits become one space), ascending, to `out`.
    static func grams(_ text: String, into out: inout [Int32], scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(32)
        var ascii = true
        for b in text.utf8 {
            if b >= 0x80 { ascii = false; break }
            let c = (b >= 65 && b <= 90) ? b + 32 : b
            if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) { scratch.append(c) }
            else if scratch.last != 32 { scratch.append(32) }
        }
        let mask = UInt32((1 << gramBits) - 1)
        let first = out.count
        func hash(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> Int32 {
            let h = (a &* 0x9E37_79B1) ^ (b &* 0x85EB_CA77) ^ (c &* 0xC2B2_AE3D)
            return Int32(bitPattern: (h ^ (h >> 15)) & mask)
        }
        var scalars: [UInt32] = []
        if ascii {
            if scratch.last != 32 { scratch.append(32) }
            guard scratch.count >= 3 else { return }
            for i in 0..<(scratch.count - 2) { out.append(hash(UInt32(scratch[i]), UInt32(scratch[i + 1]), UInt32(scratch[i + 2]))) }
        } else {
            scalars = [32]
            for u in text.lowercased().unicodeScalars {
                if u.properties.isAlphabetic || u.properties.numericType != nil { scalars.append(u.value) }
                else if scalars.last != 32 { scalars.append(32) }
            }
            if scalars.last != 32 { scalars.append(32) }
            guard scalars.count >= 3 else { return }
            for i in 0..<(scalars.count - 2) { out.append(hash(scalars[i], scalars[i + 1], scalars[i + 2])) }
        }
        guard out.count > first else { return }
        // Distinct and ascending, so overlaps are a merge and repeated grams do not inflate Dice.
        out[first...].sort()
        var w = first + 1
        if out.count > first + 1 {
            for r in (first + 1)..<out.count where out[r] != out[w - 1] { out[w] = out[r]; w += 1 }
            out.removeLast(out.count - w)
        }
    }

    /// The top `k` subjects (facets, events, fields) and top `k` values for a span of the request.
    /// Hits are ordered by score, best first; ties by catalog order, so results are deterministic.
    public func search(_ span: String, k: Int = 10) -> [RetrievalHit] {
        // Catalog lookup first, stopwords after: a word the catalog holds as a value or name
        // ("US", "IN", "ME", "DE", written as the catalog spells it) is never dropped.
        // Words that mean the entity ("customers", "accounts") name no facet either.
        let kept = Words.split(span).filter {
            catalogWords.contains($0.text) || !(Stopwords.set.contains($0.norm) || entityWords.contains($0.norm))
        }
        let words = kept.map(\.norm)
        // Trigrams see the words as written (lower-cased): "toys" matches the value "Toys" exactly.
        let raw = kept.map { $0.text.lowercased() }
        var score: [Int: (Double, Int32)] = [:]   // target → (score, matched term or -1)
        func offer(_ t: Int, _ s: Double, _ term: Int32) {
            if let old = score[t], old.0 >= s { return }
            score[t] = (s, term)
        }

        for (t, s) in bm25Scores(words) { offer(t, s, -1) }
        // English verbs and nouns that reach an item through its own name ("watched" → `view`):
        // a strong hit, below an exact name.
        for id in verbAliasHits(kept) { offer(id, 0.9, -1) }

        // Trigram similarity for each word, each adjacent pair and the whole (short) span.
        var phrases = Set(raw)
        if raw.count > 1 {
            for i in 0..<(raw.count - 1) { phrases.insert(raw[i] + " " + raw[i + 1]) }
            if raw.count <= 4 { phrases.insert(raw.joined(separator: " ")) }
        }
        var q: [Int32] = []
        var scratch: [UInt8] = []
        var candidates: [Int32] = []
        // Longest phrases first: a word inside an exactly matched phrase needs no fuzzy search.
        var covered = Set<String>()
        for p in phrases.sorted(by: { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }) {
            if covered.contains(p) { continue }
            q.removeAll(keepingCapacity: true)
            RetrievalIndex.grams(p, into: &q, scratch: &scratch)
            let qn = q.count
            guard qn > 0, qn <= RetrievalIndex.maxGrams else { continue }
            let byRarity = q.sorted { (postingStart[Int($0) + 1] - postingStart[Int($0)]) < (postingStart[Int($1) + 1] - postingStart[Int($1)]) }
            // Exact first: a term with the same grams has the same gram count, so one posting list
            // (the query's rarest gram) restricted to that length holds every exact match.
            var exact = false
            scan(byRarity.prefix(1), lengths: qn...qn, into: &candidates)
            for c in candidates where overlap(q, Int(gramOffset[Int(c)]), Int(gramOffset[Int(c) + 1])) == qn {
                offer(Int(termTarget[Int(c)]), 1, c); exact = true
            }
            if exact, p.contains(" ") { for w in p.split(separator: " ") { covered.insert(String(w)) } }
            // Fuzzy for single words, even when exact: its neighbours count ("spent" also finds
            // the field whose synonym is "spend"). Dice >= t needs a term length in
            // [qn·t/(2−t), qn·(2−t)/t]; candidates come from the three rarest grams (a typo
            // rarely touches all three), then each is verified.
            guard !p.contains(" "), p.count >= 3 else { continue }
            let postingBudget = exact ? 10_000 : 20_000
            let t = RetrievalIndex.threshold
            let lMin = max(1, Int((Double(qn) * t / (2 - t)).rounded(.up)))
            let lMax = min(RetrievalIndex.maxGrams, Int((Double(qn) * (2 - t) / t).rounded(.down)))
            guard lMin <= lMax else { continue }
            // At most three grams, and no more postings than a budget: a word whose rarest grams
            // are everywhere would only find noise.
            var chosen: [Int32] = []
            var budget = 0
            let wlo = lengthStart[lMin], whi = lengthStart[lMax + 1]
            for g in byRarity.prefix(3) {
                let a = Int(postingStart[Int(g)]), b = Int(postingStart[Int(g) + 1])
                let n = lowerBound(postingTerms, a, b, whi) - lowerBound(postingTerms, a, b, wlo)
                if !chosen.isEmpty && budget + n > postingBudget { break }
                chosen.append(g); budget += n
            }
            scan(chosen, lengths: lMin...lMax, into: &candidates)
            for c in candidates {
                let len = Int(gramOffset[Int(c) + 1] - gramOffset[Int(c)])
                let dice = 2 * Double(overlap(q, Int(gramOffset[Int(c)]), Int(gramOffset[Int(c) + 1]))) / Double(qn + len)
                if dice >= t { offer(Int(termTarget[Int(c)]), dice, c) }
            }
        }

        return topK(score, k: k)
    }

    /// BM25 (k1 1.2, b 0.75) of the words over subjects, scaled into 0.5...1 so it merges with
    /// Dice scores.
    func bm25Scores(_ words: [String]) -> [Int: Double] {
        var bm: [Int: Double] = [:]
        let n = Double(docLength.count)
        for w in Set(words) {
            guard let list = postings[w] else { continue }
            let idf = log(1 + (n - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            for p in list {
                let tf = Double(p.tf)
                let len = Double(docLength[Int(p.doc)])
                bm[Int(p.doc), default: 0] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / Double(avgDocLength)))
            }
        }
        guard let top = bm.values.max(), top > 0 else { return [:] }
        return bm.mapValues { 0.5 + 0.5 * $0 / top }
    }

    /// Subjects a verb-class phrase of the words reaches (one word or two adjacent words).
    func verbAliasHits(_ kept: [Word]) -> [Int] {
        guard !verbAliases.isEmpty else { return [] }
        let stems = kept.map(\.stem)
        var out: [Int] = []
        for (i, st) in stems.enumerated() {
            for key in [st] + (i + 1 < stems.count ? [st + " " + stems[i + 1]] : []) { out += verbAliases[key] ?? [] }
        }
        return out
    }

    /// The top `k` subjects and top `k` values of the scores, without sorting everything.
    func topK(_ score: [Int: (Double, Int32)], k: Int) -> [RetrievalHit] {
        var subjectsTop: [(Int, Double, Int32)] = [], valuesTop: [(Int, Double, Int32)] = []
        func better(_ a: (Int, Double, Int32), _ b: (Int, Double, Int32)) -> Bool { a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }
        for (t, v) in score {
            let e = (t, v.0, v.1)
            if t < subjects.count { subjectsTop.append(e); if subjectsTop.count > 4 * k { subjectsTop.sort(by: better); subjectsTop.removeLast(subjectsTop.count - k) } }
            else { valuesTop.append(e); if valuesTop.count > 4 * k { valuesTop.sort(by: better); valuesTop.removeLast(valuesTop.count - k) } }
        }
        subjectsTop.sort(by: better); valuesTop.sort(by: better)
        return (subjectsTop.prefix(k) + valuesTop.prefix(k)).map { e in
            RetrievalHit(target: target(e.0), score: e.1, matched: e.2 >= 0 ? termText(Int(e.2)) : "", index: e.0)
        }
    }

    private func termText(_ t: Int) -> String {
        let alt = Int(termAlt[t])
        return alt >= 0 ? extraText[alt] : valueText[Int(termTarget[t]) - subjects.count]
    }

    /// The distinct terms with a gram count in `lengths` on the posting lists of `grams`.
    private func scan<S: Sequence>(_ grams: S, lengths: ClosedRange<Int>, into out: inout [Int32]) where S.Element == Int32 {
        out.removeAll(keepingCapacity: true)
        let lo = lengthStart[lengths.lowerBound], hi = lengthStart[min(RetrievalIndex.maxGrams, lengths.upperBound) + 1]
        for g in grams {
            let a = Int(postingStart[Int(g)]), b = Int(postingStart[Int(g) + 1])
            // Posting lists are ascending by term, hence by length: the window is a binary search.
            let from = lowerBound(postingTerms, a, b, lo), to = lowerBound(postingTerms, from, b, hi)
            out.append(contentsOf: postingTerms[from..<to])
        }
        if out.count > 1 {
            out.sort()
            var w = 1
            for r in 1..<out.count where out[r] != out[w - 1] { out[w] = out[r]; w += 1 }
            out.removeLast(out.count - w)
        }
    }

    /// First position in `a[lo..<hi]` (ascending) whose value is >= `x`.
    private func lowerBound(_ a: [Int32], _ lo: Int, _ hi: Int, _ x: Int32) -> Int {
        var lo = lo, hi = hi
        while lo < hi { let m = (lo + hi) / 2; if a[m] < x { lo = m + 1 } else { hi = m } }
        return lo
    }

    /// Shared grams of sorted `q` and `gramBuf[a..<b]`.
    private func overlap(_ q: [Int32], _ a: Int, _ b: Int) -> Int {
        var i = 0, j = a, o = 0
        while i < q.count && j < b {
            if q[i] == gramBuf[j] { o += 1; i += 1; j += 1 } else if q[i] < gramBuf[j] { i += 1 } else { j += 1 }
        }
        return o
    }

    /// Every claim a grounding tag may cite after `hits` were retrieved: the hits themselves and
    /// their parents (a value's field and event; a field's event).
    public func claims(for hits: [RetrievalHit]) -> Set<RetrievalTarget> {
        var out = Set<RetrievalTarget>()
        for h in hits {
            out.insert(h.target)
            guard h.index >= 0, h.index < subjects.count + valueText.count, target(h.index) == h.target else { continue }
            var p = h.index >= subjects.count ? Int(valueOwner[h.index - subjects.count]) : Int(subjectParent[h.index])
            while p >= 0 { out.insert(subjects[p]); p = Int(subjectParent[p]) }
        }
        return out
    }
}

import Foundation
