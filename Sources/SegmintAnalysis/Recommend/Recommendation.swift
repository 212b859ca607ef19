import SegmintCore

/// One model-vs-rules recommendation: which signal fired, the numbers behind it, and what to do.
public struct Recommendation: Sendable, Equatable {
    public enum Signal: String, Sendable, CaseIterable {
        case predictiveIntent = "predictive_intent"
        case useModelScore = "use_model_score"
        case inferredThresholds = "inferred_thresholds"
        case ruleSprawl = "rule_sprawl"
        case tooSmall = "too_small"
        case tooLarge = "too_large"
        case nearDuplicate = "near_duplicate"
        case fragileThreshold = "fragile_threshold"
    }
    public var signal: Signal
    public var segment: String
    /// Human-readable evidence lines, each with its numbers.
    public var evidence: [String]
    /// The same numbers, named, for JSON.
    public var numbers: [(String, Double)]
    public var action: String

    public static func == (a: Recommendation, b: Recommendation) -> Bool {
        a.signal == b.signal && a.segment == b.segment && a.evidence == b.evidence && a.action == b.action
            && a.numbers.map(\.0) == b.numbers.map(\.0) && a.numbers.map(\.1) == b.numbers.map(\.1)
    }
}

/// The thresholds every signal uses (documented in notes/analysis.md and the README).
public struct RecommendThresholds: Sendable {
    /// Phrases that say the segment is a prediction, not a description of the past.
    public var intentPhrases = ["likely to", "at risk", "at-risk", "propensity", "will churn", "about to churn",
                                "churn risk", "high potential", "high-potential", "will buy", "will purchase",
                                "predicted", "future value"]
    /// This many INFERRED numbers or dates in one segment: cut-offs a model would learn.
    public var inferredNumbers = 2
    /// Rule sprawl: nesting depth of all/any/not blocks (a flat block is depth 0), or an `any`
    /// with this many `all` branches of two or more conditions. The number of conditions or
    /// facets alone is not sprawl: a flat AND of many conditions is plain to read.
    public var sprawlDepth = 3
    public var sprawlOrOfAnd = 2
    /// Share of the base below which a segment is too small to act on or measure.
    public var smallShare = 0.005
    /// Share above which a segment is most of the base.
    public var largeShare = 0.5
    /// Jaccard above which two segments are near duplicates.
    public var mergeJaccard = 0.7
    /// Threshold moved by this fraction either way …
    public var thresholdStep = 0.10
    /// … and the segment's size changes by more than this fraction: a fragile cut-off.
    public var fragileSwing = 0.30
    public init() {}
}

extension Array where Element == Recommendation {
    public func text() -> String {
        if isEmpty { return "No recommendations: the rules look proportionate to what they describe.\n" }
        var s = ""
        for (i, r) in enumerated() {
            s += "\(i + 1). [\(r.signal.rawValue)] \(r.segment)\n"
            for e in r.evidence { s += "   evidence: \(e)\n" }
            s += "   action: \(r.action)\n\n"
        }
        return s
    }

    public func json() -> String {
        "[\n" + map { r in
            "  {\"signal\": \(JSON.string(r.signal.rawValue)), \"segment\": \(JSON.string(r.segment)), "
                + "\"evidence\": [" + r.evidence.map(JSON.string).joined(separator: ", ") + "], "
                + "\"numbers\": {" + r.numbers.map { "\(JSON.string($0.0)): \(Fmt.jsonNumber($0.1))" }.joined(separator: ", ") + "}, "
                + "\"action\": \(JSON.string(r.action))}"
        }.joined(separator: ",\n") + (isEmpty ? "" : "\n") + "]\n"
    }
}
