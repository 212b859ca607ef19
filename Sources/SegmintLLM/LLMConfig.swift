/// Where a stage's requests go first: a provider, a model, or both.
public struct StageRoute: Sendable, Equatable {
    /// The provider tried first for this stage (the rest of the failover list follows).
    public var provider: String?
    /// The model used on that provider (other providers in the failover keep their own model).
    public var model: String?
    public init(provider: String? = nil, model: String? = nil) { self.provider = provider; self.model = model }
}

/// The resolved LLM configuration: providers with their keys, routing, retries, limits, cache.
/// Built by `LLMConfigLoader` from a YAML file and the environment.
public struct LLMConfig: Sendable {
    public var providers: [ProviderSettings]
    /// Provider names in the order they are tried.
    public var failover: [String]
    /// Stage name → route; the route named `default` applies to stages without their own.
    public var stages: [String: StageRoute]
    public var retry: RetryPolicy
    /// One attempt may take at most this many seconds.
    public var requestTimeout: Double
    /// One `complete` call (all attempts, waits and failovers) may take at most this many seconds;
    /// `ask` also uses it as the budget of the whole request (every stage call together).
    public var deadline: Double
    /// When a provider is skipped after failing in a row.
    public var breaker: BreakerPolicy
    /// Directory holding the response cache database.
    public var cacheDirectory: String
    /// Where the configuration came from (a file path, or `environment`), for messages.
    public var source: String

    public init(providers: [ProviderSettings], failover: [String]? = nil, stages: [String: StageRoute] = [:],
                retry: RetryPolicy = RetryPolicy(), requestTimeout: Double = 60, deadline: Double = 300,
                breaker: BreakerPolicy = BreakerPolicy(), cacheDirectory: String, source: String = "code") {
        self.providers = providers
        self.failover = failover ?? providers.map(\.name)
        self.stages = stages; self.retry = retry
        self.requestTimeout = requestTimeout; self.deadline = deadline; self.breaker = breaker
        self.cacheDirectory = cacheDirectory; self.source = source
    }

    public func provider(named name: String) -> ProviderSettings? { providers.first { $0.name == name } }

    /// The providers to try for a stage, in order, each with the model to ask for.
    public func chain(for stage: String) -> [(settings: ProviderSettings, model: String)] {
        let route = stages[stage] ?? stages["default"]
        var order = failover
        let first = route?.provider ?? order.first
        if let first {
            order.removeAll { $0 == first }
            order.insert(first, at: 0)
        }
        return order.compactMap { name in
            guard let p = provider(named: name) else { return nil }
            let model = (name == first ? route?.model : nil) ?? p.model
            return (p, model)
        }
    }

    /// Every key in the configuration, for redaction.
    public var secrets: [Secret] { providers.compactMap(\.apiKey) }
}
