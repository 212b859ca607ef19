import Foundation
import SegmintCore

/// `segmint llm ping`: one tiny request to each configured provider (one attempt each, no cache,
/// no failover), reporting latency or the classified error, so users can check their set-up.
public enum LLMPing {
    /// What the command prints and its exit code (0 all reachable, 2 otherwise).
    public struct Report: Sendable, Equatable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
        public init(exitCode: Int32, stdout: String, stderr: String) {
            self.exitCode = exitCode; self.stdout = stdout; self.stderr = stderr
        }
    }

    /// The outcome for one provider.
    public struct Result: Sendable {
        public var provider: String
        public var kind: ProviderSettings.Kind
        public var model: String
        public var latencyMs: Int
        public var reply: String?
        public var error: LLMError?
    }

    /// The code of a configuration `ping` cannot use (registered in SegmintCore's registry).
    public static let unusableSetup = "E1106"

    /// A configuration problem, rendered like every other error (exit 2).
    static func failure(_ message: String, help: String? = nil) -> Report {
        let d = Diagnostic.error(unusableSetup, message, at: nil, help: help)
        return Report(exitCode: 2, stdout: "", stderr: DiagnosticRenderer(sources: SourceMap()).human(d))
    }

    /// Loads the configuration as `segmint` does and pings its providers (or just `provider`).
    /// `json`: the report as one JSON object (shape in docs/cli-json.md).
    public static func run(configPath: String?, provider: String?, environment: [String: String],
                           workingDirectory: String, transport: HTTPTransport = CurlTransport(), json: Bool = false) async -> Report {
        let config: LLMConfig
        do {
            config = try LLMConfigLoader.load(path: configPath, environment: environment, workingDirectory: workingDirectory)
        } catch {
            return failure("\(error)")
        }
        var targets = config.providers
        if let provider {
            guard let p = config.provider(named: provider) else {
                let near = Suggest.closest(to: provider, in: config.providers.map(\.name))
                return failure("no provider named '\(provider)' in \(config.source)", help: near.map { "did you mean '\($0)'?" })
            }
            targets = [p]
        }
        guard !targets.isEmpty else {
            return failure("no LLM provider configured in \(config.source)",
                           help: "set OPENAI_API_KEY or ANTHROPIC_API_KEY, or write segmint.yaml (see docs/llm-config.md)")
        }
        let timeout = min(config.requestTimeout, 30)
        let results = await withTaskGroup(of: (Int, Result).self) { group in
            for (i, s) in targets.enumerated() {
                group.addTask { (i, await ping(s, timeout: timeout, transport: transport)) }
            }
            return await group.reduce(into: [(Int, Result)]()) { $0.append($1) }.sorted { $0.0 < $1.0 }.map(\.1)
        }
        return json ? renderJSON(results, source: config.source) : render(results, source: config.source)
    }

    /// One attempt against one provider.
    public static func ping(_ settings: ProviderSettings, timeout: Double, transport: HTTPTransport) async -> Result {
        let provider = makeProvider(settings, transport: transport)
        let request = LLMRequest(stage: "ping", messages: [.user("Reply with the single word: pong")], maxTokens: 8, temperature: 0, noCache: true)
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Int { Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000) }
        do {
            let r = try await provider.attempt(request, timeoutSeconds: timeout)
            return Result(provider: settings.name, kind: settings.kind, model: r.model, latencyMs: elapsed(), reply: r.text, error: nil)
        } catch let e as LLMError {
            return Result(provider: settings.name, kind: settings.kind, model: settings.model, latencyMs: elapsed(), reply: nil, error: e)
        } catch {
            return Result(provider: settings.name, kind: settings.kind, model: settings.model, latencyMs: elapsed(), reply: nil,
                          error: LLMError(.connectionFailed, "\(error)", provider: settings.name))
        }
    }

    /// `{"config", "providers": [{"provider", "kind", "model", "ok", "latency_ms", "reply", "error"}], "failed"}`.
    static func renderJSON(_ results: [Result], source: String) -> Report {
        let items = results.map { r -> String in
            var plain = r.error
            plain?.provider = ""
            return "    {\"provider\": \(JSON.string(r.provider)), \"kind\": \(JSON.string(r.kind.rawValue)), "
                + "\"model\": \(JSON.string(r.model)), \"ok\": \(r.error == nil), \"latency_ms\": \(r.latencyMs), "
                + "\"reply\": \(r.reply.map { JSON.string($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? "null"), "
                + "\"error\": \(plain.map { JSON.string("\($0)") } ?? "null")}"
        }
        let failed = results.filter { $0.error != nil }.count
        let out = "{\n  \"config\": \(JSON.string(source)),\n  \"providers\": [\n" + items.joined(separator: ",\n")
            + "\n  ],\n  \"failed\": \(failed)\n}\n"
        return Report(exitCode: failed == 0 ? 0 : 2, stdout: out, stderr: "")
    }

    /// One aligned line per provider, then a summary.
    static func render(_ results: [Result], source: String) -> Report {
        let nameWidth = results.map(\.provider.count).max() ?? 0
        let modelWidth = results.map(\.model.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var out = "config: \(source)\n"
        for r in results {
            let head = "\(pad(r.provider, nameWidth))  \(pad(r.kind.rawValue, 9))  \(pad(r.model, modelWidth))  "
            if let e = r.error {
                // The provider name is already in the first column.
                var plain = e
                plain.provider = ""
                out += head + "FAILED  \(r.latencyMs) ms  \(plain)\n"
            } else {
                let reply = (r.reply ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(40)
                out += head + "ok      \(r.latencyMs) ms  reply \(JSON.string(String(reply)))\n"
            }
        }
        let failed = results.filter { $0.error != nil }.count
        out += failed == 0 ? "all \(results.count) provider(s) reachable\n" : "\(failed) of \(results.count) provider(s) failed\n"
        return Report(exitCode: failed == 0 ? 0 : 2, stdout: out, stderr: "")
    }
}
