import Foundation
import XCTest
@testable import SegmintLLM

/// The YAML configuration, the environment fallback, and the messages for mistakes.
final class ConfigTests: XCTestCase {
    let env = ["HOME": "/home/u", "OPENAI_API_KEY": "sk-env-openai-abcdef", "ANTHROPIC_API_KEY": "sk-ant-env-abcdef", "LOCAL_KEY": "local-secret-xyz"]

    let fullYAML = """
    providers:
      - name: azure
        kind: openai
        base_url: https://myres.openai.azure.com/openai/deployments/gpt4o
        model: gpt-4o
        auth: api-key
        api_key_env: LOCAL_KEY
        api_version: 2024-06-01
        headers:
          X-Team: segments
      - name: claude
        kind: anthropic
        model: claude-3-5-haiku-latest
      - name: ollama
        base_url: http://127.0.0.1:11434/v1
        model: llama3.1
        auth: none
    failover: [claude, azure]
    stages:
      decompose: {provider: ollama, model: qwen2.5:3b}
      default: {model: gpt-4o-mini}
    retry:
      max_attempts: 5
      base_delay_ms: 100
      max_delay_ms: 2000
      max_retry_after_s: 10
    timeout_s: 20
    deadline_s: 90
    cache_dir: ~/cache/seg
    some_future_key: ignored
    """

    func testFullFile() throws {
        let c = try LLMConfigLoader.parse(fullYAML, source: "segmint.yaml", environment: env)
        XCTAssertEqual(c.providers.map(\.name), ["azure", "claude", "ollama"])
        let azure = try XCTUnwrap(c.provider(named: "azure"))
        XCTAssertEqual(azure.kind, .openai)
        XCTAssertEqual(azure.auth, .apiKey)
        XCTAssertEqual(azure.apiKey?.value, "local-secret-xyz")
        XCTAssertEqual(azure.apiVersion, "2024-06-01")
        XCTAssertEqual(azure.headers, [HTTPHeader("X-Team", "segments")])
        let claude = try XCTUnwrap(c.provider(named: "claude"))
        XCTAssertEqual(claude.baseURL, "https://api.anthropic.com/v1")
        XCTAssertEqual(claude.auth, .xApiKey)
        XCTAssertEqual(claude.apiKey?.value, "sk-ant-env-abcdef")
        let ollama = try XCTUnwrap(c.provider(named: "ollama"))
        XCTAssertEqual(ollama.kind, .openai)
        XCTAssertNil(ollama.apiKey, "auth: none must not pick up OPENAI_API_KEY")
        XCTAssertEqual(c.failover, ["claude", "azure"])
        XCTAssertEqual(c.retry, RetryPolicy(maxAttempts: 5, baseDelay: 0.1, maxDelay: 2, maxRetryAfter: 10))
        XCTAssertEqual(c.requestTimeout, 20)
        XCTAssertEqual(c.deadline, 90)
        XCTAssertEqual(c.cacheDirectory, "/home/u/cache/seg")
    }

    func testStageChains() throws {
        let c = try LLMConfigLoader.parse(fullYAML, source: "segmint.yaml", environment: env)
        let decompose = c.chain(for: "decompose").map { "\($0.settings.name)/\($0.model)" }
        XCTAssertEqual(decompose, ["ollama/qwen2.5:3b", "claude/claude-3-5-haiku-latest", "azure/gpt-4o"])
        // `default` has no provider: its model applies to the first provider of the failover list.
        let other = c.chain(for: "explain").map { "\($0.settings.name)/\($0.model)" }
        XCTAssertEqual(other, ["claude/gpt-4o-mini", "azure/gpt-4o"])
    }

    func testEnvironmentOnly() {
        let c = LLMConfigLoader.fromEnvironment(["OPENAI_API_KEY": "sk-1234567", "OPENAI_BASE_URL": "http://127.0.0.1:8000/v1",
                                                 "ANTHROPIC_API_KEY": "sk-ant-1234567", "SEGMINT_CACHE_DIR": "/tmp/c"])
        XCTAssertEqual(c.providers.map(\.name), ["openai", "anthropic"])
        XCTAssertEqual(c.providers.first?.baseURL, "http://127.0.0.1:8000/v1")
        XCTAssertEqual(c.providers.first?.apiKey?.value, "sk-1234567")
        XCTAssertEqual(c.providers.last?.kind, .anthropic)
        XCTAssertEqual(c.failover, ["openai", "anthropic"])
        XCTAssertEqual(c.cacheDirectory, "/tmp/c")
        XCTAssertEqual(c.source, "environment")
    }

    func testEmptyEnvironmentHasNoProviders() {
        let c = LLMConfigLoader.fromEnvironment(["HOME": "/h"])
        XCTAssertTrue(c.providers.isEmpty)
        XCTAssertEqual(c.cacheDirectory, "/h/.cache/segmint")
    }

    func testSearchOrderPrefersWorkingDirectoryFile() throws {
        let dir = try temporaryDirectory(self)
        let home = dir + "/home"
        try FileManager.default.createDirectory(atPath: home + "/.config/segmint", withIntermediateDirectories: true)
        try "providers: [{name: from-home, model: m}]\n".write(toFile: home + "/.config/segmint/config.yaml", atomically: true, encoding: .utf8)
        var c = try LLMConfigLoader.load(environment: ["HOME": home], workingDirectory: dir)
        XCTAssertEqual(c.providers.map(\.name), ["from-home"])
        XCTAssertEqual(c.source, home + "/.config/segmint/config.yaml")
        try "providers: [{name: from-cwd, model: m}]\n".write(toFile: dir + "/segmint.yaml", atomically: true, encoding: .utf8)
        c = try LLMConfigLoader.load(environment: ["HOME": home], workingDirectory: dir)
        XCTAssertEqual(c.providers.map(\.name), ["from-cwd"])
    }

    func testExplicitMissingFile() {
        XCTAssertThrowsError(try LLMConfigLoader.load(path: "/nonexistent/segmint.yaml", environment: [:])) { e in
            XCTAssertTrue("\(e)".contains("cannot read /nonexistent/segmint.yaml"), "\(e)")
        }
    }

    func assertConfigError(_ yaml: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try LLMConfigLoader.parse(yaml, source: "s.yaml", environment: env), file: file, line: line) { e in
            XCTAssertEqual("\(e)", expected, file: file, line: line)
        }
    }

    func testUnknownKind() { assertConfigError("providers: [{name: x, kind: gemini, model: m}]", "s.yaml: providers[0] (x): unknown kind 'gemini' (expected openai or anthropic)") }
    func testUnknownAuth() { assertConfigError("providers: [{name: x, auth: basic, model: m}]", "s.yaml: providers[0] (x): unknown auth 'basic' (expected bearer, api-key, x-api-key or none)") }
    func testMissingModel() { assertConfigError("providers: [{name: x}]", "s.yaml: providers[0] (x): model is required") }
    func testBadBaseURL() { assertConfigError("providers: [{name: x, model: m, base_url: 'ftp://h'}]", "s.yaml: providers[0] (x): base_url must start with http:// or https://") }
    func testDuplicateName() { assertConfigError("providers: [{name: x, model: m}, {name: x, model: n}]", "s.yaml: providers[1] (x): duplicate provider name") }
    func testUnknownFailoverNameSuggests() {
        assertConfigError("providers: [{name: openai, model: m}]\nfailover: [opnai]", "s.yaml: failover names unknown provider 'opnai'; did you mean 'openai'?")
    }
    func testUnknownStageProvider() {
        assertConfigError("providers: [{name: openai, model: m}]\nstages: {decompose: {provider: claude}}", "s.yaml: stages.decompose names unknown provider 'claude'")
    }
    func testWrongType() { assertConfigError("providers: {name: x}", "s.yaml: expected a list at providers") }
    func testNonPositiveTimeout() { assertConfigError("timeout_s: 0", "s.yaml: timeout_s must be positive") }

    func testKeysNeverPrintedFromConfig() throws {
        let c = try LLMConfigLoader.parse(fullYAML, source: "segmint.yaml", environment: env)
        var dumped = ""
        dump(c, to: &dumped)
        for text in ["\(c)", String(describing: c), String(reflecting: c), dumped, "\(c.providers)"] {
            for secret in ["local-secret-xyz", "sk-ant-env-abcdef", "sk-env-openai-abcdef"] {
                XCTAssertFalse(text.contains(secret), "key leaked in: \(text.prefix(300))")
            }
        }
        XCTAssertTrue(dumped.contains("<redacted>") || "\(c)".contains("<redacted>"))
    }
}

/// SHA-256 against published test vectors and against `sha256sum` for many lengths.
final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func testAgreesWithSha256sumAcrossBlockBoundaries() throws {
        let dir = try temporaryDirectory(self)
        var rng = SystemRandomNumberGenerator()
        for length in [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let path = dir + "/in\(length)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            p.arguments = [path]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            p.waitUntilExit()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(SHA256.hex(bytes), String(out.prefix(64)), "length \(length)")
        }
    }
}

/// Backoff arithmetic.
final class RetryPolicyTests: XCTestCase {
    func testBackoffDoublesAndIsCapped() {
        let p = RetryPolicy(maxAttempts: 6, baseDelay: 0.5, maxDelay: 3, maxRetryAfter: 10)
        // Lowest and highest jitter draws bound each wait: [ceiling/2, ceiling].
        XCTAssertEqual(p.backoff(afterAttempt: 1, random: 0), 0.25)
        XCTAssertEqual(p.backoff(afterAttempt: 1, random: 1), 0.5)
        XCTAssertEqual(p.backoff(afterAttempt: 2, random: 1), 1.0)
        XCTAssertEqual(p.backoff(afterAttempt: 3, random: 1), 2.0)
        XCTAssertEqual(p.backoff(afterAttempt: 4, random: 1), 3.0)
        XCTAssertEqual(p.backoff(afterAttempt: 40, random: 0), 1.5)
    }

    func testRetryAfterWinsWhenLongerAndGivesUpBeyondCap() {
        let p = RetryPolicy(maxAttempts: 3, baseDelay: 0.1, maxDelay: 1, maxRetryAfter: 10)
        XCTAssertEqual(p.wait(afterAttempt: 1, retryAfter: 4, random: 1), 4)
        XCTAssertEqual(p.wait(afterAttempt: 1, retryAfter: 0, random: 1), 0.1)
        XCTAssertNil(p.wait(afterAttempt: 1, retryAfter: 11, random: 1))
    }
}

extension ConfigTests {
    func testScalarWhereMappingExpected() { assertConfigError("retry: 3", "s.yaml: expected a mapping at retry") }
    func testInvalidYAML() {
        XCTAssertThrowsError(try LLMConfigLoader.parse("providers: [unclosed", source: "s.yaml", environment: [:])) { e in
            XCTAssertTrue("\(e)".hasPrefix("s.yaml: invalid YAML"), "\(e)")
        }
    }
}

extension SHA256Tests {
    func testIncrementalUpdatesMatchOneShot() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let oneShot = SHA256.hex(data)
        for chunk in [1, 3, 63, 64, 65, 200] {
            var h = SHA256()
            var i = 0
            while i < data.count { h.update(data[i..<min(i + chunk, data.count)]); i += chunk }
            XCTAssertEqual(h.finalize().map { String(format: "%02x", $0) }.joined(), oneShot, "chunk \(chunk)")
        }
    }
}

extension ConfigTests {
    func testCircuitBreakerSettings() throws {
        let base = "providers:\n  - {name: a, model: m, auth: none, base_url: http://127.0.0.1:1/v1}\n"
        XCTAssertEqual(try LLMConfigLoader.parse(base, source: "s", environment: [:]).breaker, BreakerPolicy(failures: 5, cooldown: 30))
        let set = try LLMConfigLoader.parse(base + "circuit_breaker: {failures: 2, cooldown_s: 0}\n", source: "s", environment: [:])
        XCTAssertEqual(set.breaker, BreakerPolicy(failures: 2, cooldown: 0))
        XCTAssertThrowsError(try LLMConfigLoader.parse(base + "circuit_breaker: {failures: 0}\n", source: "s", environment: [:])) { e in
            XCTAssertTrue("\(e)".contains("circuit_breaker.failures"), "\(e)")
        }
    }
}
