/// What the pipeline needs from the LLM layer: one completion for a stage. `SegmintLLM`'s
/// `LLMProvider` (with routing, retries, failover, cache and trace) is adapted to this in
/// `LLMStageModel`; tests may script it directly.
public protocol StageModel: Sendable {
    func complete(_ call: StageCall) async throws -> StageReply
    /// The pipeline kept this answer (it passed its stage's checks): it may be cached now.
    func accept(_ reply: StageReply)
    /// Seconds one whole request may take when the caller sets no budget (nil: no limit).
    var defaultBudget: Double? { get }
}

extension StageModel {
    public func accept(_ reply: StageReply) {}
    public var defaultBudget: Double? { nil }
}

/// One stage call: the stage's system prompt and a JSON user message.
public struct StageCall: Sendable, Equatable {
    public var stage: String
    /// The prompt's cache identity (`stage@version#hash`).
    public var promptVersion: String
    public var system: String
    public var user: String
    /// Absolute deadline of the whole request (`LLMClient.now()` clock), when there is one.
    public var deadline: Double?
    public init(stage: String, promptVersion: String, system: String, user: String, deadline: Double? = nil) {
        self.stage = stage; self.promptVersion = promptVersion; self.system = system; self.user = user; self.deadline = deadline
    }
}

public struct StageReply: Sendable, Equatable {
    public var text: String
    /// The model that answered, for the output header.
    public var model: String
    public var cacheHit: Bool
    /// The provider that answered, and the providers that failed before it (failover).
    public var provider: String?
    public var failedOver: [String] = []
    /// Handed back to `StageModel.accept` to cache the answer.
    public var pendingCacheKey: String?
    public init(text: String, model: String, cacheHit: Bool = false) { self.text = text; self.model = model; self.cacheHit = cacheHit }
}

/// Refuses requests that ask to change or delete data before any model sees them. The LLM's
/// decompose stage refuses the rest of what is out of scope; this guard does not depend on it.
public enum RequestGuard {
    static let verbs: Set<String> = ["drop", "delete", "truncate", "insert", "update", "alter", "grant", "revoke",
                                      "erase", "wipe", "destroy", "purge", "overwrite", "modify"]
    /// Data words of any catalog; the catalog's own entity words are added per request.
    static let objects: Set<String> = ["table", "tables", "database", "schema", "data", "row", "rows", "record",
                                        "records", "everything", "all", "every", "column", "columns", "into"]

    /// A one-line reason when the request asks to change or delete data, else nil. `entity` is
    /// the catalog's entity name ("account", "patient"): its words count as objects too and the
    /// reason names it.
    public static func refusal(_ request: String, entity: String = "customer") -> String? {
        let w = Words.split(request).map { $0.text.lowercased() }
        let (name, plural) = EntityWords.names(entity)
        let own = Set(Words.split(name + " " + plural).map { $0.text.lowercased() })
        for (i, x) in w.enumerated() where verbs.contains(x) {
            let next = w[(i + 1)..<min(w.count, i + 4)]
            if next.contains(where: { objects.contains($0) || own.contains($0) }) || i == 0 {
                return "the request asks to \(x) data; segmint ask only describes segments of \(plural)"
            }
        }
        if request.range(of: ";") != nil, w.contains("select") {
            return "the request contains SQL; segmint ask only describes segments of \(plural)"
        }
        return nil
    }
}
