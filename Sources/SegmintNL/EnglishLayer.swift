import Foundation

/// The domain-general English layer (`lexicon/english.json`, embedded as `EnglishLayerData`):
/// inflection, function words, segment verbs and the nouns they point to, comparisons, counts,
/// numbers, periods, negation, vague words and gazetteers. No word here names a catalog item:
/// retrieval and the offline translator reach the catalog through its own names, synonyms,
/// values and descriptions, and use this layer only to bridge ordinary English to them.
public struct EnglishLayer: Sendable, Decodable {
    public struct Inflection: Sendable, Decodable {
        public var irregular: [String: String]
        public var invariant: [String]
    }
    public struct Negation: Sendable, Decodable {
        public var words: [String]
        public var phrases: [String]
    }
    public struct ComparisonWords: Sendable, Decodable {
        public var words: String
        public var op: String
        /// True when the words follow the number ("3 or more").
        public var after: Bool?
    }
    public struct Between: Sendable, Decodable {
        public var words: [String]
        public var joiners: [String]
    }
    public struct Periods: Sendable, Decodable {
        public var units: [String: String]
        public var lead: [String]
        public var rolling: [String]
        public var current: [String]
        public var today: [String]
        public var yesterday: [String]
        public var year_to_date: [String]
        public var fiscal: [String]
        public var since: [String]
        public var before: [String]
        /// "last year" with no number: a rolling year or the previous calendar year.
        public var ambiguous: [String]
        public var vague: [String]
    }
    /// Verbs and nouns of one kind of activity ("watch", "view", "stream", "play"). A catalog
    /// item whose own name or synonym holds one of the phrases is reachable by all of them.
    public struct VerbClass: Sendable, Decodable {
        public var name: String
        /// `event`, `date_facet`, `bool_facet`: the kinds of catalog item the class can reach.
        public var applies_to: [String]
        public var phrases: [String]
    }
    /// Words that need a number or a period the request does not give ("high-value", "likely to").
    public struct Vague: Sendable, Decodable {
        public var phrases: [String]
        /// `money`, `count`, `age`, `model_score`, `tenure`, `window`, `lapsed`, `high`, `low`.
        public var measure: String
        /// A suggested threshold or period, offered as an assumption.
        public var suggest: String
    }
    public struct PersonWords: Sendable, Decodable {
        public var words: [String]
        /// Catalog values this group of words stands for, when an attribute enumerates one.
        public var value: [String]
    }
    public struct OffTopic: Sendable, Decodable {
        /// Imperatives that start a request for something else ("write", "export", "print").
        public var verbs: [String]
        /// Things no segment is about ("poem", "weather"), for a request nothing else maps.
        public var nouns: [String]
        public var question_words: [String]
    }
    public struct Gazetteer: Sendable, Decodable {
        public struct Entry: Sendable, Decodable {
            public var codes: [String]
            public var names: [String]
            public var demonyms: [String]?
        }
        public var name: String
        public var entries: [Entry]
    }

    public struct TimeNames: Codable, Sendable {
        /// Words before the thing dated ("last", "latest").
        public var leading: [String]
        /// Words after it ("at", "on", "date").
        public var trailing: [String]

        /// The words of `name` without its time words, or nil when it has none or is nothing else.
        public func core(_ name: String) -> String? {
            var w = Words.norms(name.replacingOccurrences(of: "_", with: " "))
            let lead = leading.map { Words.norms($0) }.sorted { $0.count > $1.count }
            if let l = lead.first(where: { !$0.isEmpty && w.starts(with: $0) }) { w.removeFirst(l.count) }
            if let last = w.last, trailing.contains(last) { w.removeLast() }
            let core = w.joined(separator: " ")
            guard !core.isEmpty, core != Words.norms(name.replacingOccurrences(of: "_", with: " ")).joined(separator: " "),
                  !w.allSatisfy({ Stopwords.set.contains($0) }) else { return nil }
            return core
        }
    }

    public var version: Int
    public var inflection: Inflection
    /// Words that name nothing; retrieval drops them (after the catalog lookup).
    public var function_words: [String]
    /// More words that name nothing in a request ("made", "mostly", "at all"); the offline
    /// translator passes over them, retrieval keeps them.
    public var filler_words: [String]
    public var request_words: [String]
    public var entity_references: [String]
    public var person_nouns: [String]
    public var person_words: [String: PersonWords]
    public var living: [String]
    /// How a date or timestamp facet's name wraps what it dates: `last_heartbeat_at`,
    /// `installed_on`, `install_date` date "heartbeat", "installed", "install".
    public var time_names: TimeNames?
    /// Words that ask for a sum or an average of an event's numeric field ("add up to",
    /// "spent", "average"), read only where the catalog does not claim them.
    public var aggregate_words: [String: [String]]?
    /// Words after a flag that set it: "auto update turned off" → `false`.
    public var flag_states: FlagStates?
    public struct FlagStates: Codable, Sendable {
        public var `true`: [String]
        public var `false`: [String]
    }
    public var connectives: [String]
    public var negation: Negation
    public var comparisons: [ComparisonWords]
    public var between: Between
    public var times: [String: Int]
    public var ordered_directions: [String: String]
    /// "at least premium", "better than basic": bounds on an ordered value written before it.
    public var ordered_prefixes: [String: String]
    public var numbers: [String: Int]
    public var number_scales: [String: Int]
    public var unit_words: [String]
    public var periods: Periods
    public var months: [String: Int]
    public var verb_classes: [VerbClass]
    public var vague: [Vague]
    public var off_topic: OffTopic
    public var gazetteers: [Gazetteer]

    /// The layer built into the binary. The embedded copy is tested to decode and to equal the
    /// file; should it ever fail to decode, an empty layer keeps `ask` working on catalog words.
    public static let shared: EnglishLayer = (try? decode(EnglishLayerData.json)) ?? .empty

    public static func decode(_ json: String) throws -> EnglishLayer {
        try JSONDecoder().decode(EnglishLayer.self, from: Data(json.utf8))
    }

    static let empty = EnglishLayer(
        version: 0, inflection: Inflection(irregular: [:], invariant: []), function_words: [], filler_words: [], request_words: [],
        entity_references: [], person_nouns: [], person_words: [:], living: [], connectives: [],
        negation: Negation(words: [], phrases: []), comparisons: [], between: Between(words: [], joiners: []),
        times: [:], ordered_directions: [:], ordered_prefixes: [:], numbers: [:], number_scales: [:], unit_words: [],
        periods: Periods(units: [:], lead: [], rolling: [], current: [], today: [], yesterday: [], year_to_date: [],
                         fiscal: [], since: [], before: [], ambiguous: [], vague: []),
        months: [:], verb_classes: [], vague: [], off_topic: OffTopic(verbs: [], nouns: [], question_words: []), gazetteers: [])
}
