import SegmintCatalog

/// What retrieval can return: a facet, an event, an event's field, or one enumerated value.
public enum RetrievalTarget: Sendable, Hashable, CustomStringConvertible {
    case facet(String)
    case event(String)
    /// `event.field`
    case field(event: String, field: String)
    /// An enumerated value of a facet (`subject` = facet name) or field (`subject` = `event.field`).
    case value(subject: String, value: String)

    /// The name a grounding tag would cite: `state`, `purchase`, `purchase.category`, or the value.
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

/// The local retrieval index over one catalog, built once (spec: issue 6, stage 2).
///
/// Two matchers, merged: BM25 over the words of names, synonyms and descriptions of facets,
/// events and fields; and character-trigram similarity (Dice) over names, synonyms and
/// enumerated values, so "califrnia" or "Outdoors" still finds its target. No network,
/// no embeddings: the index is plain arrays so a 1M-value catalog builds in well under a second.
public final class RetrievalIndex: @unchecked Sendable {
    // Immutable after init; shared read-only between concurrent stage tasks.
    let targets: [RetrievalTarget]
    /// Parent subject of each target (a value's facet/field; a field's event), for claim sets.
    let parents: [[Int]]

    // BM25 over subjects (facets, events, fields).
    private let postings: [String: [(doc: Int32, tf: Float)]]
    private let docLength: [Float]
    private let docTarget: [Int]
    private let avgDocLength: Float
    private let docCount: Int

    // Trigram index over terms (names, synonyms, values).
    private let termText: [String]
    private let termTarget: [Int32]
    private let termGramCount: [UInt16]
    private let gramStart: [Int32]
    private let gramPostings: [Int32]
    static let gramBits = 20

    /// Builds the index for `catalog`.
    public init(catalog: Catalog) {
        var targets: [RetrievalTarget] = []
        var parents: [[Int]] = []
        var docs: [(target: Int, weighted: [(String, Float)])] = []
        var terms: [(text: String, target: Int)] = []

        func subjectDoc(_ t: Int, name: String, synonyms: [String], description: String?) {
            var w: [(String, Float)] = []
            // Names and synonyms count three times a description word: they are what users say.
            for n in Words.norms(name) { w.append((n, 3)) }
            for s in synonyms { for n in Words.norms(s) { w.append((n, 3)) } }
            for n in Words.norms(description ?? "") where !Stopwords.set.contains(n) { w.append((n, 1)) }
            docs.append((t, w))
            terms.append((name.replacingOccurrences(of: "_", with: " "), t))
            for s in synonyms { terms.append((s, t)) }
        }
        func addValues(_ a: Attribute, subject: String, parent: Int) {
            let vs = a.values ?? []
            // US state names reach state codes, only where the attribute enumerates them.
            let names = vs.count >= 10 ? StateNames.byCode : [:]
            for v in vs {
                targets.append(.value(subject: subject, value: v)); parents.append([parent])
                terms.append((v.replacingOccurrences(of: "_", with: " "), targets.count - 1))
                for n in names[v] ?? [] { terms.append((n, targets.count - 1)) }
            }
        }
        for f in catalog.facets {
            targets.append(.facet(f.name)); parents.append([])
            let t = targets.count - 1
            subjectDoc(t, name: f.name, synonyms: f.synonyms, description: f.description)
            addValues(f, subject: f.name, parent: t)
        }
        for e in catalog.events {
            targets.append(.event(e.name)); parents.append([])
            let et = targets.count - 1
            subjectDoc(et, name: e.name, synonyms: e.synonyms, description: e.description)
            for f in e.fields {
                targets.append(.field(event: e.name, field: f.name)); parents.append([et])
                let ft = targets.count - 1
                subjectDoc(ft, name: f.name, synonyms: f.synonyms, description: f.description)
                addValues(f, subject: "\(e.name).\(f.name)", parent: ft)
            }
        }
        // A value's parents include its field's event, so "outdoor" grounds `purchase` too.
        for i in parents.indices {
            if case .value = targets[i], let p = parents[i].first, let pp = parents[p].first { parents[i].append(pp) }
        }
        self.targets = targets
        self.parents = parents

        var post: [String: [(doc: Int32, tf: Float)]] = [:]
        var lengths = [Float](repeating: 0, count: docs.count)
        for (d, doc) in docs.enumerated() {
            var tf: [String: Float] = [:]
            for (w, weight) in doc.weighted { tf[w, default: 0] += weight }
            lengths[d] = doc.weighted.reduce(0) { $0 + $1.1 }
            for (w, f) in tf { post[w, default: []].append((Int32(d), f)) }
        }
        self.postings = post
        self.docTarget = docs.map(\.target)
        self.docLength = lengths
        self.docCount = docs.count
        self.avgDocLength = docs.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Float(docs.count))

        // Trigram postings as one flat array (counting sort by gram), cheap to build and scan.
        let size = 1 << RetrievalIndex.gramBits
        var counts = [Int32](repeating: 0, count: size + 1)
        var termGrams: [[Int]] = []
        termGrams.reserveCapacity(terms.count)
        var gramCounts: [UInt16] = []
        gramCounts.reserveCapacity(terms.count)
        for t in terms {
            let g = RetrievalIndex.grams(t.text)
            termGrams.append(g)
            gramCounts.append(UInt16(min(g.count, Int(UInt16.max))))
            for x in g { counts[x + 1] += 1 }
        }
        for i in 0..<size { counts[i + 1] += counts[i] }
        var fill = counts
        var flat = [Int32](repeating: 0, count: Int(counts[size]))
        for (ti, g) in termGrams.enumerated() {
            for x in g { flat[Int(fill[x])] = Int32(ti); fill[x] += 1 }
        }
        self.gramStart = counts
        self.gramPostings = flat
        self.termText = terms.map(\.text)
        self.termTarget = terms.map { Int32($0.target) }
        self.termGramCount = gramCounts
    }

    /// Distinct hashed trigrams of ` text ` (lower-cased, words separated by one space).
    static func grams(_ text: String) -> [Int] {
        let s: [UInt32] = [32] + Array(Words.split(text).map { $0.text.lowercased() }.joined(separator: " ").unicodeScalars.map(\.value)) + [32]
        guard s.count >= 3 else { return [] }
        var out: [Int] = []
        out.reserveCapacity(s.count)
        let mask = (1 << gramBits) - 1
        for i in 0..<(s.count - 2) {
            let h = (s[i] &* 0x9E37_79B1) ^ (s[i + 1] &* 0x85EB_CA77) ^ (s[i + 2] &* 0xC2B2_AE3D)
            out.append(Int((h ^ (h >> 15))) & mask)
        }
        // Distinct, so repeated grams ("aaa") do not inflate Dice.
        if out.count > 1 { out.sort(); var w = 1; for r in 1..<out.count where out[r] != out[w - 1] { out[w] = out[r]; w += 1 }; out.removeLast(out.count - w) }
        return out
    }

    /// The top `k` subjects (facets, events, fields) and top `k` values for a span of the request.
    /// Hits are ordered by score, best first; ties by catalog order, so results are deterministic.
    public func search(_ span: String, k: Int = 10) -> [RetrievalHit] {
        let words = Words.split(span).map(\.norm).filter { !Stopwords.set.contains($0) }
        var score: [Int: (Double, String)] = [:]
        func offer(_ t: Int, _ s: Double, _ m: String) {
            if let old = score[t], old.0 >= s { return }
            score[t] = (s, m)
        }

        // BM25 (k1 1.2, b 0.75), normalised into 0...1-ish so it merges with Dice scores.
        var bm: [Int: Double] = [:]
        let n = Double(docCount)
        for w in Set(words) {
            guard let list = postings[w] else { continue }
            let idf = log(1 + (n - Double(list.count) + 0.5) / (Double(list.count) + 0.5))
            for p in list {
                let tf = Double(p.tf)
                let len = Double(docLength[Int(p.doc)])
                let s = idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * len / Double(avgDocLength)))
                bm[docTarget[Int(p.doc)], default: 0] += s
            }
        }
        if let top = bm.values.max(), top > 0 {
            for (t, s) in bm { offer(t, 0.5 + 0.5 * s / top, "") }
        }

        // Trigram similarity for each word, each adjacent pair and the whole span.
        var phrases = Set(words)
        if words.count > 1 {
            for i in 0..<(words.count - 1) { phrases.insert(words[i] + " " + words[i + 1]) }
            if words.count <= 6 { phrases.insert(words.joined(separator: " ")) }
        }
        var counts = [UInt16](repeating: 0, count: termText.count)
        var touched: [Int32] = []
        for p in phrases.sorted() {
            let q = RetrievalIndex.grams(p)
            guard !q.isEmpty else { continue }
            for g in q {
                let lo = Int(gramStart[g]), hi = Int(gramStart[g + 1])
                // A gram shared by a large share of all terms says little; skip it when it is huge.
                if hi - lo > 200_000 { continue }
                for i in lo..<hi {
                    let t = Int(gramPostings[i])
                    if counts[t] == 0 { touched.append(Int32(t)) }
                    counts[t] &+= 1
                }
            }
            for t32 in touched {
                let t = Int(t32)
                let dice = 2 * Double(counts[t]) / Double(q.count + Int(termGramCount[t]))
                counts[t] = 0
                if dice >= 0.55 { offer(Int(termTarget[t]), dice, termText[t]) }
            }
            touched.removeAll(keepingCapacity: true)
        }

        let ranked = score.sorted { a, b in a.value.0 != b.value.0 ? a.value.0 > b.value.0 : a.key < b.key }
        var subjects: [RetrievalHit] = [], values: [RetrievalHit] = []
        for (t, v) in ranked {
            let hit = RetrievalHit(target: targets[t], score: v.0, matched: v.1, index: t)
            if targets[t].isValue { if values.count < k { values.append(hit) } } else if subjects.count < k { subjects.append(hit) }
            if subjects.count >= k && values.count >= k { break }
        }
        return subjects + values
    }

    /// Every claim a grounding tag may cite after `hits` were retrieved: the hits themselves and
    /// their parents (a value's field and event; a field's event).
    public func claims(for hits: [RetrievalHit]) -> Set<RetrievalTarget> {
        var out = Set<RetrievalTarget>()
        for h in hits {
            out.insert(h.target)
            if h.index >= 0, h.index < targets.count, targets[h.index] == h.target {
                for p in parents[h.index] { out.insert(targets[p]) }
            }
        }
        return out
    }

}

import Foundation
