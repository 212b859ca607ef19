import Foundation
import XCTest
@testable import SegmintLLM
import SegmintTestSupport

/// Cancellation, the fake server's own shutdown, and the less common classifications.
final class TransportEdgeTests: XCTestCase {
    var server: FakeLLMServer!
    override func setUpWithError() throws { server = try FakeLLMServer() }
    override func tearDown() { server.stop() }

    var provider: OpenAIProvider { OpenAIProvider(settings: settings("a", server)) }
    let hi = LLMRequest(messages: [.user("hi")])

    func waitForRequests(_ n: Int) async throws {
        for _ in 0..<400 where server.requests.count < n { try await Task.sleep(nanoseconds: 5_000_000) }
        XCTAssertEqual(server.requests.count, n)
    }

    func testCancellingTheTaskAbortsTheTransfer() async throws {
        server.enqueue(.hang)
        let p = provider, hi = hi
        let task = Task { try await p.attempt(hi, timeoutSeconds: 30) }
        try await waitForRequests(1)
        let start = Date()
        task.cancel()
        do {
            _ = try await task.value
            XCTFail("a hanging request cannot succeed")
        } catch is CancellationError {
            // curl polls its progress callback at least once a second.
            XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        }
    }

    func testCancellingTheClientDuringBackoffStopsRetrying() async throws {
        server.enqueue(.serverError(status: 500), .completion("never asked"))
        let client = LLMClient(config: LLMConfig(providers: [settings("a", server)],
                                                 retry: RetryPolicy(maxAttempts: 3, baseDelay: 20, maxDelay: 20),
                                                 cacheDirectory: "/nonexistent"))
        let hi = hi
        let task = Task { try await client.complete(hi) }
        try await waitForRequests(1)
        task.cancel()
        do { _ = try await task.value; XCTFail("cancelled") } catch is CancellationError {}
        XCTAssertEqual(server.requests.count, 1)
    }

    func testStopEndsAHangingConnectionAndRefusesNewOnes() async throws {
        server.enqueue(.hang)
        let p = provider, hi = hi
        let task = Task { try await p.attempt(hi, timeoutSeconds: 30) }
        try await waitForRequests(1)
        let start = Date()
        server.stop()
        XCTAssertLessThan(Date().timeIntervalSince(start), 2, "stop must not wait for the client's timeout")
        do { _ = try await task.value; XCTFail("no reply was scripted") } catch let e as LLMError {
            XCTAssertEqual(e.kind, .connectionFailed, "\(e)")
        }
        do { _ = try await p.attempt(hi, timeoutSeconds: 2); XCTFail("server is stopped") } catch let e as LLMError {
            XCTAssertEqual(e.kind, .connectionFailed, "\(e)")
        }
    }

    func testUnscriptedRequestGetsA500() async {
        let e = await expectLLMError { _ = try await self.provider.attempt(self.hi, timeoutSeconds: 5) }
        XCTAssertEqual(e?.description, "a: server error (HTTP 500): fake server: no scripted reply")
    }

    func testDelayedReplyArrivesAfterTheDelay() async throws {
        server.enqueue(.delayed(0.3, .completion("slow")))
        let start = Date()
        let r = try await provider.attempt(hi, timeoutSeconds: 5)
        XCTAssertEqual(r.text, "slow")
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.3)
    }

    func testAnthropicOverloaded529IsARetriedServerError() async throws {
        server.enqueue(.serverError(status: 529), .completion("recovered"))
        let client = LLMClient(config: LLMConfig(providers: [settings("c", server, kind: .anthropic)], retry: fastRetry, cacheDirectory: "/nonexistent"))
        let r = try await client.complete(hi)
        XCTAssertEqual(r.text, "recovered")
        XCTAssertEqual(server.requests.map(\.path), ["/v1/messages", "/v1/messages"])
    }

    func testAnthropicErrorBodyMessageIsUsed() async {
        server.enqueue(.clientError(status: 400, message: "max_tokens: field required"))
        let p = AnthropicProvider(settings: settings("c", server, kind: .anthropic))
        let e = await expectLLMError { _ = try await p.attempt(self.hi, timeoutSeconds: 5) }
        XCTAssertEqual(e?.description, "c: bad request (HTTP 400): max_tokens: field required")
    }

    func testRequestTimeout408IsATimeout() async {
        server.enqueue(.raw(status: 408, body: "", headers: [:]))
        let e = await expectLLMError { _ = try await self.provider.attempt(self.hi, timeoutSeconds: 5) }
        XCTAssertEqual(e?.kind, .timeout)
        XCTAssertEqual(e?.isRetryable, true)
    }

    func testRetryAfterMillisecondsHeader() async {
        server.enqueue(.raw(status: 429, body: "{}", headers: ["retry-after-ms": "250", "Retry-After": "1"]))
        let e = await expectLLMError { _ = try await self.provider.attempt(self.hi, timeoutSeconds: 5) }
        XCTAssertEqual(e?.retryAfterSeconds, 0.25)
    }

    func testNonNumericRetryAfterIsIgnored() async {
        server.enqueue(.raw(status: 429, body: "{}", headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"]))
        let e = await expectLLMError { _ = try await self.provider.attempt(self.hi, timeoutSeconds: 5) }
        XCTAssertEqual(e?.kind, .rateLimited)
        XCTAssertNil(e?.retryAfterSeconds)
    }

    func testNonHTTPURLIsRefusedBeforeSending() async {
        let p = OpenAIProvider(settings: ProviderSettings(name: "f", kind: .openai, baseURL: "file:///etc", model: "m"))
        let e = await expectLLMError { _ = try await p.attempt(self.hi, timeoutSeconds: 5) }
        XCTAssertEqual(e?.kind, .badRequest)
        XCTAssertTrue(e?.description.contains("unsupported URL file:///etc/chat/completions") ?? false, "\(String(describing: e))")
    }

    func testEmptyChoicesIsUnparseable() async {
        server.enqueue(.raw(status: 200, body: #"{"choices":[]}"#, headers: [:]))
        let e = await expectLLMError { _ = try await self.provider.attempt(self.hi, timeoutSeconds: 5) }
        XCTAssertEqual(e?.description, "a: unparseable body: the response has no choices")
    }
}
