import Foundation
import SegmintCatalog

/// Exact phrase lookup over a catalog's names, synonyms and values, keyed by inflection stems
/// ("watchers" finds an event named `watch`), used by the offline translator to find mentions
/// longest-first. The English layer adds phrases that reach a catalog item only through the
/// catalog's own words: a verb class ("view", "stream", "play") reaches an event whose name or
/// synonym is one of its phrases; a gazetteer's names reach an attribute whose values are that
/// gazetteer's codes. Built once per catalog.
public struct Lexicon: Sendable {
    public enum Source: Sendable, Equatable {
        /// A name, synonym or value of the catalog itself.
        case catalog
        /// A phrase of an English verb class that the item's own words belong to.
        case verbClass(String)
        /// A place name, demonym or alias of a code the attribute enumerates.
        case gazetteer(String)
        /// "women" for an attribute that enumerates "female" (the layer's person words).
        case personWord
    }
    public struct Entry: Sendable, Equatable {
        public var target: RetrievalTarget
        public var source: Source
        /// True when the phrase came from the English layer, not the catalog.
        public var alias: Bool { source != .catalog }
    }
    private(set) var phrases: [String: [Entry]] = [:]
    /// Phrases of several words by their first word's stem, for phrases said with words between
    /// ("tampering was detected" for `tamper_detected`).
    private(set) var byFirst: [String: [[String]]] = [:]
    /// Normalised-word keys that mean the entity itself ("accounts", the table's words, "everyone").
    private(set) var entityKeys: Set<String> = []
    /// The entity's own name and plural (not the layer's generic words).
    private(set) var entityOwnKeys: Set<String> = []
    static let maxWords = 4

    public init(catalog: Catalog, english: EnglishLayer = .shared) {
        for f in catalog.facets {
            add(f.name, .facet(f.name)); for s in f.synonyms { add(s, .facet(f.name)) }
            values(f, subject: f.name, english: english)
        }
        for e in catalog.events {
            add(e.name, .event(e.name)); for s in e.synonyms { add(s, .event(e.name)) }
            for f in e.fields {
                let t = RetrievalTarget.field(event: e.name, field: f.name)
                add(f.name, t); for s in f.synonyms { add(s, t) }
                values(f, subject: "\(e.name).\(f.name)", english: english)
            }
        }
        // A date facet also names what it dates: `last_heartbeat_at` is "a heartbeat in the last
        // 2 days", `installed_on` is "installed in the last 30 days".
        if let t = english.time_names {
            for f in catalog.facets where f.type.isTemporal {
                for n in [f.name] + f.synonyms { if let core = t.core(n) { add(core, .facet(f.name)) } }
                // "warranty end date", "signup time": the name and a time noun after it.
                for w in t.trailing where !Stopwords.set.contains(w) && t.core(f.name) == nil { add(f.name + " " + w, .facet(f.name)) }
            }
        }
        addVerbClasses(catalog, english)
        entityKeys = EntityWords.keys(catalog.entity, english: english)
        let own = catalog.entity.name.replacingOccurrences(of: "_", with: " ")
        entityOwnKeys = [Words.norms(own).joined(separator: " "), Words.norms(EntityWords.names(own).plural).joined(separator: " ")]
    }

    /// The lexicon of `catalog`, built once per catalog file and version in this process (a
    /// 1,000-facet catalog's lexicon costs more than translating a request).
    static func shared(for catalog: Catalog) -> Lexicon {
        let key = catalog.path + "|" + catalog.label + "|\(catalog.facets.count)|\(catalog.events.count)"
        if let l = cache.withLock({ $0[key] }) { return l }
        let l = Lexicon(catalog: catalog)
        cache.withLock { $0[key] = l }
        return l
    }
    private static let cache = LockedBox<[String: Lexicon]>([:])

    mutating func add(_ phrase: String, _ t: RetrievalTarget, source: Source = .catalog) {
        // A name that starts with a function word ("is_online", "has_kids_profile", "in_trial")
        // is also said without it ("online devices", "with a kids profile").
        if source == .catalog, !t.isValue, let first = Words.split(phrase.replacingOccurrences(of: "_", with: " ")).first,
           ["is", "has", "in", "on", "was", "had"].contains(first.norm) {
            let rest = String(phrase[first.range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "_ -"))
            if !rest.isEmpty { add(rest, t, source: source) }
        }
        let key = Inflection.key(phrase)
        guard !key.isEmpty, key.split(separator: " ").count <= Lexicon.maxWords else { return }
        let e = Entry(target: t, source: source)
        if phrases[key]?.contains(where: { $0.target == t }) == true { return }
        if phrases[key] == nil, source == .catalog, case let parts = key.split(separator: " ").map(String.init), parts.count > 1 {
            byFirst[parts[0], default: []].append(parts)
        }
        phrases[key, default: []].append(e)
    }

    mutating func values(_ a: Attribute, subject: String, english: EnglishLayer) {
        let vs = a.values ?? []
        for v in vs { add(v, .value(subject: subject, value: v)) }
        if let g = Gazetteers.best(for: vs, in: english) {
            let held = Set(vs)
            for entry in g.entries {
                guard let code = entry.codes.first(where: { held.contains($0) }) else { continue }
                for n in entry.names + (entry.demonyms ?? []) { add(n, .value(subject: subject, value: code), source: .gazetteer(g.name)) }
                // A three-letter code written for a two-letter one ("USA" for US) and back.
                for other in entry.codes where other != code && other.count > 2 {
                    add(other, .value(subject: subject, value: code), source: .gazetteer(g.name))
                }
            }
        }
        for (_, group) in english.person_words.sorted(by: { $0.key < $1.key }) {
            guard let v = vs.first(where: { group.value.contains($0.lowercased()) }) else { continue }
            for w in group.words { add(w, .value(subject: subject, value: v), source: .personWord) }
        }
    }

    /// Every phrase of a verb class reaches each event (or date/bool facet, where the class allows
    /// it) whose own name or synonym holds one of the class's phrases.
    mutating func addVerbClasses(_ catalog: Catalog, _ english: EnglishLayer) {
        for (phrase, target, cls) in VerbClasses.aliases(catalog, english) { add(phrase, target, source: .verbClass(cls)) }
    }

    /// The longest phrase starting at word `i`: its length in words and its entries. Where the
    /// catalog itself has the phrase, English-layer aliases of it are left out.
    func longest(_ words: [Word], at i: Int) -> (length: Int, entries: [Entry])? {
        var n = min(Lexicon.maxWords, words.count - i)
        while n >= 1 {
            let key = words[i..<(i + n)].map(\.stem).joined(separator: " ")
            if let e = phrases[key] {
                let own = e.filter { !$0.alias }
                return (n, own.isEmpty ? e : own)
            }
            n -= 1
        }
        return nil
    }

    /// A catalog phrase of several words starting at `i` with up to two function words between
    /// its words ("tampering was detected"): the words it spans and its entries. Only when it
    /// is longer than the phrase met word by word.
    func gapped(_ words: [Word], at i: Int) -> (length: Int, entries: [Entry])? {
        guard i < words.count, let candidates = byFirst[words[i].stem] else { return nil }
        let direct = longest(words, at: i)?.length ?? 0
        var best: (Int, [String])?
        for parts in candidates where parts.count > direct {
            var k = i + 1, ok = true
            for p in parts.dropFirst() {
                var gap = 0
                while k < words.count, words[k].stem != p, gap < 2, Stopwords.set.contains(words[k].norm) { k += 1; gap += 1 }
                guard k < words.count, words[k].stem == p else { ok = false; break }
                k += 1
            }
            if ok, k - i > parts.count, k - i > (best?.0 ?? 0) { best = (k - i, parts) }
        }
        guard let (n, parts) = best, let e = phrases[parts.joined(separator: " ")] else { return nil }
        return (n, e)
    }

    /// Whether the words at `i` are the entity's own name or plural.
    func entityOwn(_ words: [Word], at i: Int) -> Bool {
        (1...min(Lexicon.maxWords, max(1, words.count - i))).contains { n in
            i + n <= words.count && entityOwnKeys.contains(words[i..<(i + n)].map(\.norm).joined(separator: " "))
        }
    }

    /// The longest run of words at `i` that names the entity itself, or 0.
    func entityLength(_ words: [Word], at i: Int) -> Int {
        var n = min(Lexicon.maxWords, words.count - i)
        while n >= 1 {
            if entityKeys.contains(words[i..<(i + n)].map(\.norm).joined(separator: " ")) { return n }
            n -= 1
        }
        return 0
    }
}

/// The words that mean the catalog's entity: its name, the name's plural, the words of its table
/// name, the layer's entity references ("everyone", "those"), and, when the entity is a kind of
/// person, the layer's person nouns ("customers", "members", "people").
extension EntityWords {
    /// Keys are normalised words (`Word.norm`), not stems: "buyers" must not make "bought" (stem
    /// "buy") a word for the entity.
    static func keys(_ entity: Entity, english: EnglishLayer) -> Set<String> {
        var out = Set<String>()
        func add(_ p: String) { out.insert(Words.norms(p.replacingOccurrences(of: "_", with: " ")).joined(separator: " ")) }
        let name = entity.name.replacingOccurrences(of: "_", with: " ")
        add(name); add(names(name).plural)
        for w in Words.split(entity.table.replacingOccurrences(of: "_", with: " ")) { out.insert(w.norm) }
        add(entity.table)
        for r in english.entity_references { add(r) }
        let person = Set(english.person_nouns.map { Words.norms($0).joined(separator: " ") })
        if person.contains(Words.norms(name).joined(separator: " ")) {
            for p in english.person_nouns { add(p); add(names(p).plural) }
        }
        out.remove("")
        return out
    }
}

/// Picking the gazetteer whose codes an attribute's values are.
enum Gazetteers {
    /// Each shared gazetteer's codes, built once (an index build asks for every attribute).
    static let sharedCodes: [Set<String>] = EnglishLayer.shared.gazetteers.map { Set($0.entries.flatMap(\.codes)) }

    /// The gazetteer holding the largest share of `values` as codes, when that share is at least
    /// 60% of at least two values: US state codes, not countries, for a `state` list (many state
    /// codes are also country codes); countries for `[US, CA, MX]`.
    static func best(for values: [String], in english: EnglishLayer) -> EnglishLayer.Gazetteer? {
        // Codes are short: a list whose first values are all longer is no gazetteer's (and an
        // index over a million values is built without a set lookup per value).
        guard values.count >= 2, values.prefix(5).contains(where: { $0.count <= 3 }) else { return nil }
        var best: (EnglishLayer.Gazetteer, Double)?
        let sets = english.version == EnglishLayer.shared.version ? sharedCodes : english.gazetteers.map { Set($0.entries.flatMap(\.codes)) }
        for (g, codes) in zip(english.gazetteers, sets) {
            let share = Double(values.filter { codes.contains($0) }.count) / Double(values.count)
            if share >= 0.6, share > (best?.1 ?? 0) { best = (g, share) }
        }
        return best?.0
    }
}

/// The English layer's verb classes applied to one catalog.
enum VerbClasses {
    /// (phrase, item, class) for every class phrase that reaches a catalog item: the item's own
    /// name or a synonym holds one of the class's phrases, and the class applies to its kind.
    static func aliases(_ catalog: Catalog, _ english: EnglishLayer) -> [(String, RetrievalTarget, String)] {
        var items: [(RetrievalTarget, String, [String])] = []
        for e in catalog.events { items.append((.event(e.name), "event", [e.name] + e.synonyms)) }
        for f in catalog.facets {
            if f.type.isTemporal { items.append((.facet(f.name), "date_facet", [f.name] + f.synonyms)) }
            if f.type == .bool { items.append((.facet(f.name), "bool_facet", [f.name] + f.synonyms)) }
        }
        var out: [(String, RetrievalTarget, String)] = []
        for c in english.verb_classes {
            let keys = c.phrases.map { Inflection.key($0) }.filter { !$0.isEmpty }
            for (target, kind, names) in items where c.applies_to.contains(kind) {
                let own = names.map { " " + Inflection.key($0) + " " }
                guard keys.contains(where: { k in own.contains { $0.contains(" " + k + " ") } }) else { continue }
                for p in c.phrases { out.append((p, target, c.name)) }
            }
        }
        return out
    }
}

/// A value shared between threads behind a lock.
final class LockedBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ v: Value) { value = v }
    func withLock<R>(_ body: (inout Value) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}
