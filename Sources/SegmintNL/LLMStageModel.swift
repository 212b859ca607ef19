import SegmintLLM

/// The pipeline's stage calls over SegmintLLM (normally an `LLMClient`: routing per stage,
/// retries, failover, circuit breaker, response cache keyed by the prompt's version and hash,
/// trace). Answers are cached only once the pipeline accepts them.
public struct LLMStageModel: StageModel {
    public let provider: any LLMProvider
    public var maxTokens: Int
    /// The whole-request budget `ask` uses when `--timeout` is not given (`deadline_s`).
    public var defaultBudget: Double?

    public init(provider: any LLMProvider, maxTokens: Int = 1024, defaultBudget: Double? = nil) {
        self.provider = provider; self.maxTokens = maxTokens
        self.defaultBudget = defaultBudget ?? (provider as? LLMClient)?.config.deadline
    }

    public func complete(_ call: StageCall) async throws -> StageReply {
        var request = LLMRequest(stage: call.stage, promptVersion: call.promptVersion, system: call.system,
                                 messages: [.user(call.user)], maxTokens: maxTokens, temperature: 0, jsonResponse: true)
        request.cacheOnAccept = true
        request.deadline = call.deadline
        let r = try await provider.complete(request)
        var reply = StageReply(text: r.text, model: r.model, cacheHit: r.cacheHit)
        reply.provider = r.provider
        reply.failedOver = r.failedOver ?? []
        reply.pendingCacheKey = r.pendingCacheKey
        return reply
    }

    public func accept(_ reply: StageReply) {
        if let k = reply.pendingCacheKey { provider.accept(pendingCacheKey: k) }
    }
}
