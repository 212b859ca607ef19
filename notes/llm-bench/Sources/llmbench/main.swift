import Foundation
import SegmintLLM

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

// SHA-256 throughput.
let mb = [UInt8](repeating: 0x61, count: 16 << 20)
var t = now()
let digest = SHA256.hex(mb)
print(String(format: "sha256: 16 MiB in %.1f ms = %.0f MiB/s (%@)", (now() - t) * 1000, 16 / (now() - t), String(digest.prefix(8))))

// Cache stores and hits.
let dir = NSTemporaryDirectory() + "llmbench-\(getpid())"
let cache = try ResponseCache(directory: dir)
let response = LLMResponse(text: String(repeating: "segment text ", count: 80), model: "m", provider: "p", usage: TokenUsage(promptTokens: 500, completionTokens: 200))
let n = 2000
t = now()
for i in 0..<n { cache.store(key: "k\(i)", model: "m", response: response) }
let storeTime = now() - t
t = now()
for i in 0..<n { _ = cache.lookup("k\(i)") }
let lookupTime = now() - t
print(String(format: "cache: %d stores %.0f µs each; %d hits %.0f µs each", n, storeTime / Double(n) * 1e6, n, lookupTime / Double(n) * 1e6))

let client = LLMClient(config: LLMConfig(providers: [ProviderSettings(name: "f", kind: .openai, baseURL: "http://127.0.0.1:9/v1", model: "m")], cacheDirectory: dir))
let sem = DispatchSemaphore(value: 0)
Task.detached {
    // Cached client calls: key + lookup + decode.
    let cached = LLMClient(config: client.config, cache: cache)
    let req = LLMRequest(messages: [.user("hot")])
    guard let settings = client.config.providers.first,
          let body = try? OpenAIProvider(settings: settings).body(for: LLMRequest(messages: [.user("hot")], model: "m")) else { exit(1) }
    cache.store(key: LLMClient.cacheKey(promptVersion: "", model: "m", body: body), model: "m", response: response)
    let first = try? await cached.complete(req)
    guard first?.cacheHit == true else { print("expected a cache hit"); exit(1) }
    let t1 = now()
    for _ in 0..<2000 { _ = try? await cached.complete(LLMRequest(messages: [.user("hot")])) }
    print(String(format: "client cache hit: %.0f µs per call", (now() - t1) / 2000 * 1e6))
    sem.signal()
}
sem.wait()
try? FileManager.default.removeItem(atPath: dir)
