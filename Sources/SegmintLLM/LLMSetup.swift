import Foundation

/// Builds the `LLMClient` a command uses from its flags, so every command that talks to a model
/// (`ask`, `llm ping`, ...) reads configuration, cache and trace the same way.
public enum LLMSetup {
    /// - Parameters:
    ///   - configPath: `--config FILE`, else the default search (see `LLMConfigLoader`).
    ///   - noCache: `--no-cache`: no cache is opened at all.
    ///   - tracePath: `--trace FILE`: one JSON line per call is appended there.
    public static func makeClient(configPath: String? = nil, noCache: Bool = false, tracePath: String? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment,
                                  workingDirectory: String = FileManager.default.currentDirectoryPath,
                                  transport: HTTPTransport = CurlTransport()) throws -> LLMClient {
        let config = try LLMConfigLoader.load(path: configPath, environment: environment, workingDirectory: workingDirectory)
        var cache: ResponseCache? = nil
        if !noCache {
            do { cache = try ResponseCache(directory: config.cacheDirectory) } catch {
                throw LLMConfigError("\(error) (use --no-cache, or set SEGMINT_CACHE_DIR to a writable directory)")
            }
        }
        let trace = try tracePath.map { try TraceWriter(path: $0, secrets: config.secrets) }
        return LLMClient(config: config, transport: transport, cache: cache, trace: trace)
    }
}
