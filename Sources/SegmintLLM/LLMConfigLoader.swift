import Foundation
import SegmintCore
import Yams

/// A configuration problem, with the file it came from; never contains a key.
public struct LLMConfigError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Reads the LLM configuration (format in `notes/llm.md`): an explicit file, else the project
/// file `segmint.yaml` nearest at or above the working directory (docs/project.md) when it
/// declares `providers`, else `$XDG_CONFIG_HOME/segmint/config.yaml` (default `~/.config/...`), else
/// the environment alone (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, `ANTHROPIC_API_KEY`).
public enum LLMConfigLoader {
    /// The top-level keys of `FileShape`: the project file (docs/project.md) accepts exactly
    /// these next to its own keys. Keep in step with `FileShape`.
    public static let fileKeys: [String] = ["providers", "failover", "stages", "retry", "circuit_breaker", "timeout_s", "deadline_s", "cache_dir"]

    /// The YAML shape; unknown keys are ignored so newer files still load.
    struct FileShape: Decodable {
        struct Provider: Decodable {
            var name: String
            var kind: String?
            var base_url: String?
            var model: String?
            var api_key_env: String?
            var api_key: String?
            var auth: String?
            var api_version: String?
            var headers: [String: String]?
        }
        struct Route: Decodable { var provider: String?; var model: String? }
        struct Retry: Decodable {
            var max_attempts: Int?
            var base_delay_ms: Double?
            var max_delay_ms: Double?
            var max_retry_after_s: Double?
        }
        var providers: [Provider]?
        var failover: [String]?
        var stages: [String: Route]?
        var retry: Retry?
        struct Breaker: Decodable { var failures: Int?; var cooldown_s: Double? }
        var circuit_breaker: Breaker?
        var timeout_s: Double?
        var deadline_s: Double?
        var cache_dir: String?
    }

    /// Finds and loads the configuration. `path` (from `--config`) must exist when given.
    public static func load(path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                            workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> LLMConfig {
        if let path { return try load(file: path, environment: environment) }
        for (i, candidate) in defaultPaths(environment: environment, workingDirectory: workingDirectory).enumerated()
        where FileManager.default.fileExists(atPath: candidate) {
            // A project file without LLM settings leaves the choice to the next place.
            if i == 0, !declaresProviders(candidate) { continue }
            return try load(file: candidate, environment: environment)
        }
        return fromEnvironment(environment)
    }

    static func defaultPaths(environment env: [String: String], workingDirectory: String) -> [String] {
        var paths = [ProjectLocator.find(from: workingDirectory) ?? workingDirectory + "/segmint.yaml"]
        if let xdg = env["XDG_CONFIG_HOME"], !xdg.isEmpty { paths.append(xdg + "/segmint/config.yaml") }
        else if let home = env["HOME"], !home.isEmpty { paths.append(home + "/.config/segmint/config.yaml") }
        return paths
    }

    /// Whether the file has a `providers` key (unreadable or broken files count as yes, so
    /// loading them reports the problem).
    static func declaresProviders(_ path: String) -> Bool {
        guard let bytes = try? FileInput.read(path),
              let shape = try? YAMLDecoder().decode(FileShape.self, from: String(decoding: bytes, as: UTF8.self)) else { return true }
        return shape.providers != nil
    }

    /// The cache directory: `SEGMINT_CACHE_DIR`, else `$XDG_CACHE_HOME/segmint`, else `~/.cache/segmint`.
    public static func defaultCacheDirectory(_ env: [String: String]) -> String {
        if let d = env["SEGMINT_CACHE_DIR"], !d.isEmpty { return d }
        if let x = env["XDG_CACHE_HOME"], !x.isEmpty { return x + "/segmint" }
        return (env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/.cache/segmint"
    }

    /// Providers from the conventional variables only: OpenAI first when configured, then Anthropic.
    public static func fromEnvironment(_ env: [String: String]) -> LLMConfig {
        var providers: [ProviderSettings] = []
        let openAIKey = nonEmpty(env["OPENAI_API_KEY"])
        let openAIBase = nonEmpty(env["OPENAI_BASE_URL"])
        if openAIKey != nil || openAIBase != nil {
            providers.append(ProviderSettings(name: "openai", kind: .openai, baseURL: openAIBase ?? "https://api.openai.com/v1",
                                              model: nonEmpty(env["SEGMINT_OPENAI_MODEL"]) ?? "gpt-4o-mini",
                                              apiKey: openAIKey.map(Secret.init)))
        }
        if let key = nonEmpty(env["ANTHROPIC_API_KEY"]) {
            providers.append(ProviderSettings(name: "anthropic", kind: .anthropic,
                                              baseURL: nonEmpty(env["ANTHROPIC_BASE_URL"]) ?? "https://api.anthropic.com/v1",
                                              model: nonEmpty(env["SEGMINT_ANTHROPIC_MODEL"]) ?? "claude-3-5-haiku-latest",
                                              apiKey: Secret(key)))
        }
        return LLMConfig(providers: providers, cacheDirectory: defaultCacheDirectory(env), source: "environment")
    }

    /// Loads one YAML file.
    public static func load(file: String, environment env: [String: String]) throws -> LLMConfig {
        let bytes: [UInt8]
        do { bytes = try FileInput.read(file) } catch { throw LLMConfigError("\(error)") }
        return try parse(String(decoding: bytes, as: UTF8.self), source: file, environment: env)
    }

    /// Parses YAML text; `source` names it in messages.
    public static func parse(_ text: String, source: String, environment env: [String: String]) throws -> LLMConfig {
        let shape: FileShape
        do { shape = try YAMLDecoder().decode(FileShape.self, from: text) } catch {
            throw LLMConfigError("\(source): \(describe(error))")
        }
        var providers: [ProviderSettings] = []
        for (i, p) in (shape.providers ?? []).enumerated() {
            let at = "\(source): providers[\(i)] (\(p.name))"
            guard !p.name.isEmpty else { throw LLMConfigError("\(source): providers[\(i)]: name must not be empty") }
            guard !providers.contains(where: { $0.name == p.name }) else { throw LLMConfigError("\(at): duplicate provider name") }
            let kindText = p.kind ?? "openai"
            guard let kind = ProviderSettings.Kind(rawValue: kindText) else {
                throw LLMConfigError("\(at): unknown kind '\(kindText)' (expected openai or anthropic)")
            }
            var auth: ProviderSettings.Auth? = nil
            if let a = p.auth {
                guard let parsed = ProviderSettings.Auth(rawValue: a) else {
                    throw LLMConfigError("\(at): unknown auth '\(a)' (expected bearer, api-key, x-api-key or none)")
                }
                auth = parsed
            }
            let defaultBase = kind == .openai ? (nonEmpty(env["OPENAI_BASE_URL"]) ?? "https://api.openai.com/v1") : "https://api.anthropic.com/v1"
            let base = p.base_url ?? defaultBase
            guard base.hasPrefix("http://") || base.hasPrefix("https://") else {
                throw LLMConfigError("\(at): base_url must start with http:// or https://")
            }
            guard let model = nonEmpty(p.model) else { throw LLMConfigError("\(at): model is required") }
            let keyVar = p.api_key_env ?? (kind == .openai ? "OPENAI_API_KEY" : "ANTHROPIC_API_KEY")
            let key = nonEmpty(p.api_key) ?? (auth == ProviderSettings.Auth.none ? nil : nonEmpty(env[keyVar]))
            let headers = (p.headers ?? [:]).sorted { $0.key < $1.key }.map { HTTPHeader($0.key, $0.value) }
            providers.append(ProviderSettings(name: p.name, kind: kind, baseURL: base, model: model,
                                              apiKey: key.map(Secret.init), auth: auth, apiVersion: p.api_version, headers: headers))
        }
        let names = Set(providers.map(\.name))
        func check(_ name: String, _ place: String) throws {
            guard names.contains(name) else {
                var msg = "\(source): \(place) names unknown provider '\(name)'"
                if let near = Suggest.closest(to: name, in: names.sorted()) { msg += "; did you mean '\(near)'?" }
                throw LLMConfigError(msg)
            }
        }
        for name in shape.failover ?? [] { try check(name, "failover") }
        var stages: [String: StageRoute] = [:]
        for (stage, route) in shape.stages ?? [:] {
            if let p = route.provider { try check(p, "stages.\(stage)") }
            stages[stage] = StageRoute(provider: route.provider, model: route.model)
        }
        let r = shape.retry
        let defaults = RetryPolicy()
        let retry = RetryPolicy(maxAttempts: r?.max_attempts ?? defaults.maxAttempts,
                                baseDelay: (r?.base_delay_ms).map { $0 / 1000 } ?? defaults.baseDelay,
                                maxDelay: (r?.max_delay_ms).map { $0 / 1000 } ?? defaults.maxDelay,
                                maxRetryAfter: r?.max_retry_after_s ?? defaults.maxRetryAfter)
        for (value, key) in [(shape.timeout_s, "timeout_s"), (shape.deadline_s, "deadline_s")] {
            if let v = value, !(v > 0) { throw LLMConfigError("\(source): \(key) must be positive") }
        }
        let b = shape.circuit_breaker
        if let f = b?.failures, f < 1 { throw LLMConfigError("\(source): circuit_breaker.failures must be at least 1") }
        if let c = b?.cooldown_s, !(c >= 0) { throw LLMConfigError("\(source): circuit_breaker.cooldown_s must be 0 or more") }
        let breaker = BreakerPolicy(failures: b?.failures ?? BreakerPolicy().failures, cooldown: b?.cooldown_s ?? BreakerPolicy().cooldown)
        let cacheDir = shape.cache_dir.map { expandTilde($0, env) } ?? defaultCacheDirectory(env)
        return LLMConfig(providers: providers, failover: shape.failover ?? providers.map(\.name), stages: stages,
                         retry: retry, requestTimeout: shape.timeout_s ?? 60, deadline: shape.deadline_s ?? 300,
                         breaker: breaker, cacheDirectory: env["SEGMINT_CACHE_DIR"].flatMap(nonEmpty) ?? cacheDir, source: source)
    }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return s
    }

    static func expandTilde(_ path: String, _ env: [String: String]) -> String {
        guard path.hasPrefix("~/"), let home = env["HOME"] else { return path }
        return home + path.dropFirst()
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing '\(key.stringValue)'" + where_(ctx.codingPath)
        case DecodingError.typeMismatch(let type, let ctx):
            return "expected \(typeName(type))" + where_(ctx.codingPath)
        case DecodingError.valueNotFound(_, let ctx):
            return "missing value" + where_(ctx.codingPath)
        case DecodingError.dataCorrupted(let ctx):
            return "invalid YAML" + where_(ctx.codingPath) + (ctx.underlyingError.map { ": \($0)" } ?? "")
        default:
            return "invalid YAML: \(error)"
        }
    }

    private static func where_(_ path: [CodingKey]) -> String {
        path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
    }

    private static func typeName(_ t: Any.Type) -> String {
        let name = "\(t)"
        if t is String.Type { return "a string" }
        if t is Int.Type || t is Double.Type { return "a number" }
        if name.contains("Sequence") || name.hasPrefix("Array") { return "a list" }
        if name.contains("Mapping") || name.hasPrefix("Dictionary") { return "a mapping" }
        return "a value of type \(name)"
    }
}
