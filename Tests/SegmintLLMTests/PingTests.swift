import Foundation
import XCTest
@testable import SegmintLLM
import SegmintTestSupport

/// `segmint llm ping` against fake providers configured through a real segmint.yaml.
final class PingTests: XCTestCase {
    var ok: FakeLLMServer!
    var limited: FakeLLMServer!
    override func setUpWithError() throws { ok = try FakeLLMServer(); limited = try FakeLLMServer() }
    override func tearDown() { ok.stop(); limited.stop() }

    func writeConfig() throws -> String {
        let dir = try temporaryDirectory(self)
        try """
        providers:
          - name: local
            kind: openai
            base_url: \(ok.baseURL)
            model: llama-test
            auth: none
          - name: claude
            kind: anthropic
            base_url: \(limited.baseURL)
            model: claude-test
        """.write(toFile: dir + "/segmint.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    func testReportsLatencyAndClassifiedErrorPerProvider() async throws {
        let dir = try writeConfig()
        ok.enqueue(.completion("pong", model: "llama-test"))
        limited.enqueue(.rateLimited(retryAfter: "30"))
        let r = await LLMPing.run(configPath: nil, provider: nil, environment: ["ANTHROPIC_API_KEY": "sk-ant-ping-secret-42"], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, r.stdout)
        XCTAssertEqual(lines[0], "config: \(dir)/segmint.yaml")
        XCTAssertTrue(lines[1].hasPrefix("local   openai     llama-test   ok      "), lines[1])
        XCTAssertTrue(lines[1].hasSuffix(" ms  reply \"pong\""), lines[1])
        XCTAssertTrue(lines[2].hasPrefix("claude  anthropic  claude-test  FAILED  "), lines[2])
        XCTAssertTrue(lines[2].hasSuffix("rate limited (HTTP 429): Rate limit reached for requests"), lines[2])
        XCTAssertEqual(lines[3], "1 of 2 provider(s) failed")
        XCTAssertFalse(r.stdout.contains("sk-ant-ping-secret-42"))
        // One attempt each, despite the 429: ping reports rather than retries.
        XCTAssertEqual(limited.requests.count, 1)
        XCTAssertEqual(limited.requests.first?.headers["x-api-key"], "sk-ant-ping-secret-42")
        XCTAssertEqual(ok.requests.first?.json?["max_tokens"] as? Int, 8)
    }

    func testSingleProviderAllGood() async throws {
        let dir = try writeConfig()
        ok.enqueue(.completion("pong"))
        let r = await LLMPing.run(configPath: dir + "/segmint.yaml", provider: "local", environment: [:], workingDirectory: "/")
        XCTAssertEqual(r.exitCode, 0, r.stdout + r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("all 1 provider(s) reachable\n"), r.stdout)
        XCTAssertEqual(limited.requests.count, 0)
    }

    func testUnknownProviderSuggests() async throws {
        let dir = try writeConfig()
        let r = await LLMPing.run(configPath: nil, provider: "claud", environment: [:], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.stderr, "error: no provider named 'claud' in \(dir)/segmint.yaml\nhelp: did you mean 'claude'?\n")
    }

    func testNothingConfigured() async throws {
        let dir = try temporaryDirectory(self)
        let r = await LLMPing.run(configPath: nil, provider: nil, environment: ["HOME": dir], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertTrue(r.stderr.hasPrefix("error: no LLM provider configured in environment\n"), r.stderr)
    }

    func testBadConfigFile() async throws {
        let dir = try temporaryDirectory(self)
        try "providers: [{name: x, kind: palm, model: m}]\n".write(toFile: dir + "/segmint.yaml", atomically: true, encoding: .utf8)
        let r = await LLMPing.run(configPath: nil, provider: nil, environment: [:], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.stderr, "error: \(dir)/segmint.yaml: providers[0] (x): unknown kind 'palm' (expected openai or anthropic)\n")
    }

    func testUnreachableProvider() async throws {
        let dir = try writeConfig()
        ok.stop()
        let r = await LLMPing.run(configPath: nil, provider: "local", environment: [:], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertTrue(r.stdout.contains("FAILED") && r.stdout.contains("connection failed"), r.stdout)
    }
}
