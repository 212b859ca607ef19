import SegmintCatalog

/// Exact phrase lookup over a catalog's names, synonyms and values (normalised words), used by
/// the offline translator to find mentions longest-first. Built once per catalog.
public struct Lexicon: Sendable {
    public struct Entry: Sendable, Equatable {
        public var target: RetrievalTarget
        /// True when the phrase came from a built-in alias (a US state name), not the catalog.
        public var alias: Bool
    }
    private(set) var phrases: [String: [Entry]] = [:]
    static let maxWords = 4

    public init(catalog: Catalog) {
        func add(_ phrase: String, _ t: RetrievalTarget, alias: Bool = false) {
            let key = Words.norms(phrase.replacingOccurrences(of: "_", with: " ")).joined(separator: " ")
            guard !key.isEmpty, key.split(separator: " ").count <= Lexicon.maxWords else { return }
            let e = Entry(target: t, alias: alias)
            if phrases[key]?.contains(e) == true { return }
            phrases[key, default: []].append(e)
        }
        func values(_ a: Attribute, subject: String) {
            let vs = a.values ?? []
            for v in vs { add(v, .value(subject: subject, value: v)) }
            // State names only where this attribute enumerates the state codes themselves.
            if vs.count >= 10 {
                for (name, code) in StateNames.codes.sorted(by: { $0.key < $1.key }) where vs.contains(code) {
                    add(name, .value(subject: subject, value: code), alias: true)
                }
            }
        }
        for f in catalog.facets {
            add(f.name, .facet(f.name)); for s in f.synonyms { add(s, .facet(f.name)) }
            values(f, subject: f.name)
        }
        for e in catalog.events {
            add(e.name, .event(e.name)); for s in e.synonyms { add(s, .event(e.name)) }
            for f in e.fields {
                let t = RetrievalTarget.field(event: e.name, field: f.name)
                add(f.name, t); for s in f.synonyms { add(s, t) }
                values(f, subject: "\(e.name).\(f.name)")
            }
        }
    }

    /// The longest phrase starting at word `i`: its length in words and its entries.
    func longest(_ words: [Word], at i: Int) -> (length: Int, entries: [Entry])? {
        var n = min(Lexicon.maxWords, words.count - i)
        while n >= 1 {
            let key = words[i..<(i + n)].map(\.norm).joined(separator: " ")
            if let e = phrases[key] { return (n, e) }
            n -= 1
        }
        return nil
    }
}
