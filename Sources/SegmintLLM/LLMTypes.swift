/// One chat message sent to a model.
public struct LLMMessage: Codable, Sendable, Equatable {
    /// `user` or `assistant` (the system prompt travels separately in `LLMRequest.system`).
    public var role: String
    public var content: String
    public init(role: String, content: String) { self.role = role; self.content = content }
    public static func user(_ text: String) -> LLMMessage { LLMMessage(role: "user", content: text) }
    public static func assistant(_ text: String) -> LLMMessage { LLMMessage(role: "assistant", content: text) }
}

/// A provider-neutral completion request; each provider turns it into its own wire format.
public struct LLMRequest: Sendable, Equatable {
    /// The pipeline stage asking (e.g. `decompose`); selects the model route and labels traces.
    public var stage: String
    /// A hash or version string of the prompt template, part of the cache key so that changing a
    /// prompt never serves answers cached for the old one.
    public var promptVersion: String
    public var system: String?
    public var messages: [LLMMessage]
    /// Overrides the provider's model (set by per-stage routing).
    public var model: String?
    public var maxTokens: Int
    public var temperature: Double?
    /// Asks for a JSON object answer (`response_format` for OpenAI-compatible servers; Anthropic
    /// has no such switch, so there the prompt itself must ask for JSON).
    public var jsonResponse: Bool
    /// Skips the response cache for this request (neither read nor written).
    public var noCache: Bool
    /// Stores the answer in the cache only when the caller calls `accept` with it (a pipeline
    /// that validates answers caches only the ones it kept).
    public var cacheOnAccept: Bool = false
    /// An absolute deadline (`LLMClient.now()` clock) shared by several calls, e.g. one `ask`;
    /// the earlier of it and the configured per-call deadline applies.
    public var deadline: Double? = nil

    public init(stage: String = "default", promptVersion: String = "", system: String? = nil,
                messages: [LLMMessage], model: String? = nil, maxTokens: Int = 1024,
                temperature: Double? = 0, jsonResponse: Bool = false, noCache: Bool = false) {
        self.stage = stage; self.promptVersion = promptVersion; self.system = system
        self.messages = messages; self.model = model; self.maxTokens = maxTokens
        self.temperature = temperature; self.jsonResponse = jsonResponse; self.noCache = noCache
    }
}

/// Token counts as reported by the provider (absent fields stay nil).
public struct TokenUsage: Codable, Sendable, Equatable {
    public var promptTokens: Int?
    public var completionTokens: Int?
    public init(promptTokens: Int?, completionTokens: Int?) {
        self.promptTokens = promptTokens; self.completionTokens = completionTokens
    }
}

/// A completion: the text plus where it came from.
public struct LLMResponse: Codable, Sendable, Equatable {
    public var text: String
    /// The model that answered, as the provider reported it (or the requested one).
    public var model: String
    public var provider: String
    public var usage: TokenUsage?
    /// Why generation stopped (`stop`, `length`, `end_turn`, ...), when reported.
    public var finishReason: String?
    /// True when served from the response cache.
    public var cacheHit: Bool
    /// The cache entry `accept` stores (set when the request asked for `cacheOnAccept`).
    public var pendingCacheKey: String? = nil
    /// Providers that failed before this one answered, each with its last error (failover).
    public var failedOver: [String]? = nil
    public init(text: String, model: String, provider: String, usage: TokenUsage? = nil,
                finishReason: String? = nil, cacheHit: Bool = false) {
        self.text = text; self.model = model; self.provider = provider; self.usage = usage
        self.finishReason = finishReason; self.cacheHit = cacheHit
    }
}

/// Something that answers completion requests: a single HTTP provider (one attempt per call) or
/// the `LLMClient` (routing, cache, retries and failover in front of several providers).
public protocol LLMProvider: Sendable {
    /// The configured name (e.g. `openai`), used in messages and traces.
    var name: String { get }
    /// The model used when the request does not name one.
    var defaultModel: String { get }
    func complete(_ request: LLMRequest) async throws -> LLMResponse
    /// The caller kept the response with this `pendingCacheKey`: cache it (`cacheOnAccept`).
    func accept(pendingCacheKey: String)
}

extension LLMProvider {
    public func accept(pendingCacheKey: String) {}
}
