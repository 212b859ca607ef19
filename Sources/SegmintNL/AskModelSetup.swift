import SegmintLLM

/// The LLM layer for `ask`: the configured `LLMClient` (cache and trace included), or nil with a
/// notice when no provider is configured. A broken configuration is an error (exit 2).
public func makeAskModel(configPath: String?, tracePath: String?, noCache: Bool = false) -> (model: StageModel?, error: String?) {
    do {
        let client = try LLMSetup.makeClient(configPath: configPath, noCache: noCache, tracePath: tracePath)
        if client.config.providers.isEmpty { return (nil, nil) }
        return (LLMStageModel(provider: client), nil)
    } catch {
        return (nil, "\(error)")
    }
}
