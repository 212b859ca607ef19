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

    func testJSONReportParses() async throws {
        let dir = try writeConfig()
        ok.enqueue(.completion("pong", model: "llama-test"))
        limited.enqueue(.rateLimited(retryAfter: "30"))
        let r = await LLMPing.run(configPath: nil, provider: nil, environment: ["ANTHROPIC_API_KEY": "sk-ant-ping-secret-42"],
                                  workingDirectory: dir, json: true)
        XCTAssertEqual(r.exitCode, 2)
        let j = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], r.stdout)
        XCTAssertEqual(j["config"] as? String, "\(dir)/segmint.yaml")
        XCTAssertEqual(j["failed"] as? Int, 1)
        let providers = try XCTUnwrap(j["providers"] as? [[String: Any]])
        XCTAssertEqual(providers.map { $0["provider"] as? String }, ["local", "claude"])
        XCTAssertEqual(providers.map { $0["ok"] as? Bool }, [true, false])
        XCTAssertEqual(providers[0]["reply"] as? String, "pong")
        XCTAssertTrue(providers[1]["reply"] is NSNull)
        XCTAssertTrue((providers[1]["error"] as? String ?? "").contains("rate limited (HTTP 429)"), "\(providers[1])")
        XCTAssertFalse(r.stdout.contains("sk-ant-ping-secret-42"))
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
        XCTAssertEqual(r.stderr, "segmint: error[E1106]: no provider named 'claud' in \(dir)/segmint.yaml\n  = help: did you mean 'claude'?\n")
    }

    func testNothingConfigured() async throws {
        let dir = try temporaryDirectory(self)
        let r = await LLMPing.run(configPath: nil, provider: nil, environment: ["HOME": dir], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertTrue(r.stderr.hasPrefix("segmint: error[E1106]: no LLM provider configured in environment\n"), r.stderr)
    }

    func testBadConfigFile() async throws {
        let dir = try temporaryDirectory(self)
        try "providers: [{name: x, kind: palm, model: m}]\n".write(toFile: dir + "/segmint.yaml", atomically: true, encoding: .utf8)
        let r = await LLMPing.run(configPath: nil, provider: nil, environment: [:], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.stderr, "segmint: error[E1106]: \(dir)/segmint.yaml: providers[0] (x): unknown kind 'palm' (expected openai or anthropic)\n")
    }

    func testUnreachableProvider() async throws {
        let dir = try writeConfig()
        ok.stop()
        let r = await LLMPing.run(configPath: nil, provider: "local", environment: [:], workingDirectory: dir)
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertTrue(r.stdout.contains("FAILED") && r.stdout.contains("connection failed"), r.stdout)
    }
}

/// The `segmint llm ping` executable end to end (argument parsing, driver, exit code), when the
/// build placed it beside the test bundle.
final class PingCommandTests: XCTestCase {
    func segmintBinary() throws -> String {
        let bundle = try XCTUnwrap(ProcessInfo.processInfo.arguments.first)
        let path = URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("segmint").path
        guard FileManager.default.isExecutableFile(atPath: path) else { throw XCTSkip("segmint executable not built at \(path)") }
        return path
    }

    func run(_ args: [String], cwd: String, env: [String: String]) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try segmintBinary())
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: cwd)
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func testPingCommandAgainstFakeServer() throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        server.enqueue(.completion("pong"))
        let dir = try temporaryDirectory(self)
        let (code, out, err) = try run(["llm", "ping"], cwd: dir,
                                       env: ["HOME": dir, "OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-cli-secret-777"])
        XCTAssertEqual(code, 0, err)
        XCTAssertTrue(out.contains("openai  openai     fake-model  ok"), out)  // the model that answered
        XCTAssertFalse(out.contains("sk-cli-secret-777") || err.contains("sk-cli-secret-777"))
        XCTAssertEqual(server.requests.first?.headers["authorization"], "Bearer sk-cli-secret-777")
    }

    func testPingCommandUnknownProvider() throws {
        let dir = try temporaryDirectory(self)
        let (code, _, err) = try run(["llm", "ping", "--provider", "antropic"], cwd: dir, env: ["HOME": dir, "ANTHROPIC_API_KEY": "sk-ant-xyz123"])
        XCTAssertEqual(code, 2)
        XCTAssertEqual(err, "segmint: error[E1106]: no provider named 'antropic' in environment\n  = help: did you mean 'anthropic'?\n")
    }
}
