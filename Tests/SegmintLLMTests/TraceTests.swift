import Foundation
import XCTest
@testable import SegmintLLM
import SegmintTestSupport

/// The JSON-lines trace: one line per attempt with the documented fields, never a key.
final class TraceTests: XCTestCase {
    var server: FakeLLMServer!
    override func setUpWithError() throws { server = try FakeLLMServer() }
    override func tearDown() { server.stop() }

    func testOneLinePerAttemptWithFields() async throws {
        let dir = try temporaryDirectory(self)
        let tracePath = dir + "/trace.jsonl"
        let s = settings("a", server, model: "m-1")
        let trace = try TraceWriter(path: tracePath, secrets: [s.apiKey].compactMap { $0 })
        let client = LLMClient(config: LLMConfig(providers: [s], retry: fastRetry, cacheDirectory: dir), trace: trace)
        server.enqueue(.serverError(status: 503), .completion("done", promptTokens: 12, completionTokens: 6))
        _ = try await client.complete(LLMRequest(stage: "decompose", messages: [.user("q")]))
        let lines = try traceLines(tracePath)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0]["provider"] as? String, "a")
        XCTAssertEqual(lines[0]["model"] as? String, "m-1")
        XCTAssertEqual(lines[0]["stage"] as? String, "decompose")
        XCTAssertEqual(lines[0]["attempt"] as? Int, 1)
        XCTAssertEqual(lines[0]["status"] as? Int, 503)
        XCTAssertEqual(lines[0]["outcome"] as? String, "server_error")
        XCTAssertEqual(lines[0]["cache_hit"] as? Bool, false)
        XCTAssertTrue((lines[0]["error"] as? String)?.hasPrefix("a: server error (HTTP 503)") ?? false)
        XCTAssertNotNil(lines[0]["latency_ms"] as? Int)
        XCTAssertEqual(lines[1]["attempt"] as? Int, 2)
        XCTAssertEqual(lines[1]["outcome"] as? String, "ok")
        XCTAssertEqual(lines[1]["prompt_tokens"] as? Int, 12)
        XCTAssertEqual(lines[1]["completion_tokens"] as? Int, 6)
        XCTAssertTrue(lines[1]["error"] == nil)
    }

    func testAppendsAcrossWriters() throws {
        let dir = try temporaryDirectory(self)
        let path = dir + "/t.jsonl"
        let event = TraceEvent(provider: "p", model: "m", stage: "s", attempt: 1, latencyMs: 5, httpStatus: 200, outcome: "ok",
                               promptTokens: nil, completionTokens: nil, cacheHit: false, error: nil)
        try TraceWriter(path: path).record(event)
        try TraceWriter(path: path).record(event)
        let lines = try traceLines(path)
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(lines[0]["prompt_tokens"] is NSNull)
    }

    func testUnwritableTracePathIsAClearError() {
        XCTAssertThrowsError(try TraceWriter(path: "/nonexistent-dir/t.jsonl")) { e in
            XCTAssertTrue("\(e)".hasPrefix("cannot open trace file /nonexistent-dir/t.jsonl"), "\(e)")
        }
    }

    /// Every path that writes text derived from a provider: errors echoing the key, failover,
    /// success. Neither the trace nor the thrown messages may contain any key.
    func testKeysNeverReachTracesOrErrors() async throws {
        let dir = try temporaryDirectory(self)
        let tracePath = dir + "/trace.jsonl"
        let second = try FakeLLMServer()
        defer { second.stop() }
        let k1 = "sk-live-AAAA-1111-very-secret", k2 = "sk-ant-BBBB-2222-very-secret"
        let p1 = settings("a", server, key: k1), p2 = settings("b", second, kind: .anthropic, key: k2)
        let config = LLMConfig(providers: [p1, p2], retry: fastRetry, cacheDirectory: dir)
        let client = LLMClient(config: config, trace: try TraceWriter(path: tracePath, secrets: config.secrets))
        server.enqueue(.clientError(status: 401, message: "Incorrect API key provided: \(k1)"))
        second.enqueue(.raw(status: 500, body: "upstream said \(k2) is bad", headers: [:]), .clientError(status: 400, message: "key \(k2) rejected"))
        let e = await expectLLMError { _ = try await client.complete(LLMRequest(messages: [.user("q")])) }
        server.enqueue(.completion("fine"))
        _ = try await client.complete(LLMRequest(messages: [.user("q2")]))
        let trace = try String(contentsOfFile: tracePath, encoding: .utf8)
        XCTAssertEqual(trace.split(separator: "\n").count, 4)
        for text in [trace, e?.description ?? ""] {
            XCTAssertFalse(text.contains(k1), text)
            XCTAssertFalse(text.contains(k2), text)
            XCTAssertTrue(text.contains("<redacted>"), text)
        }
        // The keys were really sent, just never written down.
        XCTAssertEqual(server.requests.first?.headers["authorization"], "Bearer \(k1)")
        XCTAssertEqual(second.requests.first?.headers["x-api-key"], k2)
    }
}

extension TraceTests {
    func testBuiltRequestsPrintWithoutTheKey() throws {
        let p = OpenAIProvider(settings: settings("a", server, key: "sk-print-me-not-123"))
        let request = try p.httpRequest(for: LLMRequest(messages: [.user("q")]), timeoutSeconds: 1)
        XCTAssertTrue(request.headers.contains(HTTPHeader("Authorization", "Bearer sk-print-me-not-123")))
        var dumped = ""
        dump(request, to: &dumped)
        for text in ["\(request)", String(reflecting: request), dumped, "\(request.headers)"] {
            XCTAssertFalse(text.contains("sk-print-me-not-123"), text)
        }
        XCTAssertTrue("\(request.headers)".contains("Authorization: <redacted>"))
    }
}
