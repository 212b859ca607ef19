import Foundation
import SegmintLLM
import SegmintTestSupport
@testable import SegmintNL

/// A scripted "model" behind real HTTP: fake servers on 127.0.0.1 speaking the OpenAI and
/// Anthropic wire formats answer each request by its stage (read from the system prompt) and
/// part (the `span` of the user message), so parallel stage calls get their own replies.
final class ScriptedHTTPModel: @unchecked Sendable {
    let openai: FakeLLMServer
    let anthropic: FakeLLMServer
    private let lock = NSLock()
    /// "stage|span" (span empty for decompose) → replies in order; the last one repeats.
    private var script: [String: [FakeLLMServer.Reply]] = [:]
    private var served: [String: Int] = [:]
    var cacheDir = NSTemporaryDirectory() + "segmint-http-model-\(UUID().uuidString)"

    init() throws {
        openai = try FakeLLMServer(); anthropic = try FakeLLMServer()
        for s in [openai, anthropic] { s.respond { [weak self] r in self?.answer(r) } }
    }

    func stop() {
        openai.stop(); anthropic.stop()
        try? FileManager.default.removeItem(atPath: cacheDir)
    }

    func on(_ stage: String, span: String? = nil, _ replies: String...) {
        on(stage, span: span, replies: replies.map { .completion($0, model: "fake-\(stage)") })
    }
    func on(_ stage: String, span: String? = nil, replies: [FakeLLMServer.Reply]) {
        lock.withLock { script["\(stage)|\(span ?? "")", default: []].append(contentsOf: replies) }
    }

    static func stage(ofSystem system: String) -> String {
        if system.hasPrefix("You split") { return "decompose" }
        if system.hasPrefix("You translate") { return "map" }
        if system.hasPrefix("You find the time window") { return "date" }
        if system.hasPrefix("You repair") { return "repair" }
        return "unknown"
    }

    /// The system prompt and user message of a request in either wire format.
    static func messages(_ r: FakeLLMServer.Request) -> (system: String, user: [String: Any]) {
        guard let body = r.json else { return ("", [:]) }
        var system = body["system"] as? String ?? ""
        var user = ""
        for m in body["messages"] as? [[String: Any]] ?? [] {
            if m["role"] as? String == "system" { system = m["content"] as? String ?? "" }
            if m["role"] as? String == "user" { user = m["content"] as? String ?? "" }
        }
        let json = (try? JSONSerialization.jsonObject(with: Data(user.utf8))) as? [String: Any] ?? [:]
        return (system, json)
    }

    private func answer(_ r: FakeLLMServer.Request) -> FakeLLMServer.Reply? {
        let (system, user) = Self.messages(r)
        let stage = Self.stage(ofSystem: system)
        let span = stage == "decompose" ? "" : (user["span"] as? String ?? "")
        return lock.withLock {
            let key = "\(stage)|\(span)"
            guard let replies = script[key] ?? script["\(stage)|"], !replies.isEmpty else {
                return .raw(status: 500, body: #"{"error":{"message":"no scripted reply for \#(key)"}}"#, headers: [:])
            }
            let n = served[key, default: 0]
            served[key] = n + 1
            return replies[min(n, replies.count - 1)]
        }
    }

    /// Requests of one stage (both servers), in arrival order per server.
    func requests(_ stage: String) -> [FakeLLMServer.Request] {
        (openai.requests + anthropic.requests).filter { Self.stage(ofSystem: Self.messages($0).system) == stage }
    }
    var requestCount: Int { openai.requests.count + anthropic.requests.count }

    enum Wire { case openai, anthropic }

    func config(_ wire: Wire, failover: Bool = false, deadline: Double = 20, attempts: Int = 1,
                breaker: BreakerPolicy = BreakerPolicy()) -> LLMConfig {
        let o = ProviderSettings(name: "primary-openai", kind: .openai, baseURL: openai.baseURL, model: "fake-openai", auth: ProviderSettings.Auth.none)
        let a = ProviderSettings(name: "backup-anthropic", kind: .anthropic, baseURL: anthropic.baseURL, model: "fake-claude", apiKey: Secret("sk-ant-test-key-123456"))
        let providers: [ProviderSettings] = failover ? [o, a] : (wire == .openai ? [o] : [a])
        return LLMConfig(providers: providers, retry: RetryPolicy(maxAttempts: attempts, baseDelay: 0.01, maxDelay: 0.02),
                         requestTimeout: 5, deadline: deadline, breaker: breaker, cacheDirectory: cacheDir)
    }

    func client(_ wire: Wire = .openai, failover: Bool = false, cache: Bool = false, deadline: Double = 20, attempts: Int = 1,
                breaker: BreakerPolicy = BreakerPolicy(), trace: String? = nil) throws -> LLMClient {
        let c = config(wire, failover: failover, deadline: deadline, attempts: attempts, breaker: breaker)
        return LLMClient(config: c, cache: cache ? try ResponseCache(directory: cacheDir) : nil,
                         trace: try trace.map { try TraceWriter(path: $0, secrets: c.secrets) })
    }

    func session(_ client: LLMClient, memory: MemoryStore = InMemoryStore()) throws -> AskSession {
        AskSession(model: LLMStageModel(provider: client), prompts: try PromptSet.builtin(), memory: memory)
    }
}
