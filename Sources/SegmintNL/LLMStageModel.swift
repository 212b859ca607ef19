import SegmintLLM

/// The pipeline's stage calls over SegmintLLM (normally an `LLMClient`: routing per stage,
/// retries, failover, response cache keyed by the prompt's version and hash, trace).
public struct LLMStageModel: StageModel {
    public let provider: any LLMProvider
    public var maxTokens: Int

    public init(provider: any LLMProvider, maxTokens: Int = 1024) { self.provider = provider; self.maxTokens = maxTokens }

    public func complete(_ call: StageCall) async throws -> StageReply {
        let r = try await provider.complete(LLMRequest(stage: call.stage, promptVersion: call.promptVersion, system: call.system,
                                                       messages: [.user(call.user)], maxTokens: maxTokens, temperature: 0,
                                                       jsonResponse: true))
        return StageReply(text: r.text, model: r.model, cacheHit: r.cacheHit)
    }
}
