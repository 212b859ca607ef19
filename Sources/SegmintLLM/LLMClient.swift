import Foundation

/// The front door for the pipeline: routes each stage to its provider and model, serves and fills
/// the response cache, retries transient failures with backoff, fails over down the configured
/// list, enforces the per-attempt timeout and the overall deadline, and traces every call.
public final class LLMClient: LLMProvider, @unchecked Sendable {
    public let config: LLMConfig
    private let providers: [String: any HTTPLLMProvider]
    private let cache: ResponseCache?
    private let trace: TraceWriter?
    private let redactor: Redactor
    private let breaker: CircuitBreaker
    /// Answers waiting for `accept` before they are cached.
    private let pending = Locked<[String: (model: String, response: LLMResponse)]>([:])

    public var name: String { "client" }
    public var defaultModel: String { config.chain(for: "default").first?.model ?? "" }

    /// `cache` nil disables caching (the `--no-cache` switch); `trace` nil disables tracing.
    public init(config: LLMConfig, transport: HTTPTransport = CurlTransport(), cache: ResponseCache? = nil, trace: TraceWriter? = nil) {
        self.config = config
        var ps: [String: any HTTPLLMProvider] = [:]
        for s in config.providers { ps[s.name] = makeProvider(s, transport: transport) }
        self.providers = ps
        self.cache = cache; self.trace = trace
        self.redactor = Redactor(config.secrets)
        // Breaker state is shared through the cache directory only when a cache is in use.
        self.breaker = CircuitBreaker(policy: config.breaker, directory: cache == nil ? nil : config.cacheDirectory)
    }

    /// Cache hits and misses of this client's cache (zero without a cache).
    public var cacheStats: ResponseCache.Stats { cache?.stats ?? ResponseCache.Stats(hits: 0, misses: 0) }

    /// The content address of a request on one provider and model.
    public static func cacheKey(promptVersion: String, model: String, body: [UInt8]) -> String {
        var h = SHA256()
        h.update("segmint-llm-cache/1\n\(promptVersion)\n\(model)\n".utf8)
        h.update(body)
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        let start = Self.now()
        let deadline = min(start + config.deadline, request.deadline ?? .infinity)
        let chain = config.chain(for: request.stage)
        guard !chain.isEmpty else {
            throw LLMError(.notConfigured, "no LLM provider configured (set OPENAI_API_KEY or ANTHROPIC_API_KEY, or write segmint.yaml)")
        }
        var failures: [LLMError] = []
        for (settings, model) in chain {
            guard let provider = providers[settings.name] else { continue }
            var req = request
            req.model = model
            let key: String?
            if let cache, !req.noCache, let body = try? provider.body(for: req) {
                let k = Self.cacheKey(promptVersion: req.promptVersion, model: model, body: body)
                let t0 = Self.now()
                if var hit = cache.lookup(k) {
                    hit.cacheHit = true
                    hit.failedOver = failures.isEmpty ? nil : lastFailurePerProvider(failures).map(\.description)
                    trace?.record(TraceEvent(provider: settings.name, model: model, stage: req.stage, attempt: 0,
                                             latencyMs: Int(((Self.now() - t0) * 1000).rounded()),
                                             httpStatus: nil, outcome: "ok", promptTokens: hit.usage?.promptTokens,
                                             completionTokens: hit.usage?.completionTokens, cacheHit: true, error: nil))
                    return hit
                }
                key = k
            } else {
                key = nil
            }
            if let why = breaker.openReason(settings) {
                let e = LLMError(.circuitOpen, why, provider: settings.name)
                traceAttempt(settings.name, model, req.stage, 0, Self.now(), status: nil, outcome: e.label, usage: nil, error: e.description)
                failures.append(e)
                continue
            }
            attempts: for attempt in 1...config.retry.maxAttempts {
                let remaining = deadline - Self.now()
                guard remaining > 0.001 else {
                    throw deadlineError(failures, elapsed: Self.now() - start)
                }
                let t0 = Self.now()
                do {
                    var response = try await provider.attempt(req, timeoutSeconds: min(config.requestTimeout, remaining))
                    breaker.succeeded(settings)
                    traceAttempt(settings.name, model, req.stage, attempt, t0, status: 200, outcome: "ok", usage: response.usage, error: nil)
                    if let key, let cache {
                        if req.cacheOnAccept { pending.withLock { $0[key] = (model, response) }; response.pendingCacheKey = key }
                        else { cache.store(key: key, model: model, response: response) }
                    }
                    let others = lastFailurePerProvider(failures.filter { $0.provider != settings.name })
                    response.failedOver = others.isEmpty ? nil : others.map(\.description)
                    return response
                } catch let e as LLMError {
                    traceAttempt(settings.name, model, req.stage, attempt, t0, status: e.status, outcome: e.label, usage: nil, error: e.description)
                    failures.append(e)
                    // An attempt whose timeout was cut short by the deadline ran out of time, not patience.
                    if e.kind == .timeout, remaining < config.requestTimeout { throw deadlineError(failures, elapsed: Self.now() - start) }
                    // A bad request is about this request, not the provider's health.
                    let opened = e.kind != .badRequest && breaker.failed(settings)
                    if opened { break attempts }
                    guard e.isRetryable, attempt < config.retry.maxAttempts else { break attempts }
                    guard let wait = config.retry.wait(afterAttempt: attempt, retryAfter: e.retryAfterSeconds) else {
                        break attempts  // the server wants longer than we are willing to wait: fail over
                    }
                    if Self.now() + wait >= deadline { break attempts }
                    try await Task.sleep(nanoseconds: UInt64(wait * 1e9))
                    if breaker.openReason(settings) != nil { break attempts }  // a parallel call tripped it meanwhile
                }
            }
        }
        if Self.now() >= deadline { throw deadlineError(failures, elapsed: Self.now() - start) }
        let byProvider = lastFailurePerProvider(failures)
        if byProvider.count == 1, let only = byProvider.first { throw only }
        throw LLMError(.allProvidersFailed, byProvider.map(\.description).joined(separator: "; "))
    }

    /// Stores a response held back by `cacheOnAccept` (once; later calls do nothing).
    public func accept(pendingCacheKey key: String) {
        guard let cache else { return }
        guard let held = pending.withLock({ $0.removeValue(forKey: key) }) else { return }
        var clean = held.response
        clean.pendingCacheKey = nil; clean.failedOver = nil
        cache.store(key: key, model: held.model, response: clean)
    }

    private func deadlineError(_ failures: [LLMError], elapsed: Double) -> LLMError {
        let last = failures.last.map { " (last failure: \($0))" } ?? ""
        return LLMError(.deadlineExceeded, String(format: "no answer within %.1f s%@", elapsed, last))
    }

    /// The last error of each provider, in the order providers were tried, noting how many
    /// attempts it got when it was retried.
    private func lastFailurePerProvider(_ failures: [LLMError]) -> [LLMError] {
        var order: [String] = []
        var last: [String: LLMError] = [:]
        var attempts: [String: Int] = [:]
        for f in failures {
            if last[f.provider] == nil { order.append(f.provider) }
            last[f.provider] = f
            attempts[f.provider, default: 0] += 1
        }
        return order.compactMap { name in
            guard var e = last[name] else { return nil }
            if let n = attempts[name], n > 1 { e.detail += " (after \(n) attempts)" }
            return e
        }
    }

    private func traceAttempt(_ provider: String, _ model: String, _ stage: String, _ attempt: Int, _ t0: Double,
                              status: Int?, outcome: String, usage: TokenUsage?, error: String?) {
        guard let trace else { return }
        trace.record(TraceEvent(provider: provider, model: model, stage: stage, attempt: attempt,
                                latencyMs: Int(((Self.now() - t0) * 1000).rounded()), httpStatus: status, outcome: outcome,
                                promptTokens: usage?.promptTokens, completionTokens: usage?.completionTokens,
                                cacheHit: false, error: error.map(redactor.clean)))
    }

    /// The monotonic clock deadlines are measured on.
    public static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ v: Value) { value = v }
    func withLock<R>(_ body: (inout Value) -> R) -> R { lock.lock(); defer { lock.unlock() }; return body(&value) }
}

/// The provider implementation for a configured endpoint.
public func makeProvider(_ settings: ProviderSettings, transport: HTTPTransport = CurlTransport()) -> any HTTPLLMProvider {
    switch settings.kind {
    case .openai: return OpenAIProvider(settings: settings, transport: transport)
    case .anthropic: return AnthropicProvider(settings: settings, transport: transport)
    }
}
