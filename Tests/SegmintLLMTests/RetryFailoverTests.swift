import Foundation
import XCTest
@testable import SegmintLLM
import SegmintTestSupport

/// `LLMClient` over real HTTP: which failures are retried, how long it waits, when it fails over,
/// and what it reports when everything fails.
final class RetryFailoverTests: XCTestCase {
    var a: FakeLLMServer!
    var b: FakeLLMServer!
    override func setUpWithError() throws { a = try FakeLLMServer(); b = try FakeLLMServer() }
    override func tearDown() { a.stop(); b.stop() }

    func client(_ providers: [ProviderSettings], retry: RetryPolicy = fastRetry, timeout: Double = 5, deadline: Double = 30,
                stages: [String: StageRoute] = [:]) -> LLMClient {
        LLMClient(config: LLMConfig(providers: providers, stages: stages, retry: retry, requestTimeout: timeout,
                                    deadline: deadline, cacheDirectory: "/nonexistent"))
    }

    let hi = LLMRequest(stage: "test", messages: [.user("hi")])

    func assertRetriedThenSucceeded(_ failure: FakeLLMServer.Reply, timeout: Double = 5, file: StaticString = #filePath, line: UInt = #line) async throws {
        a.enqueue(failure, .completion("second time lucky"))
        let r = try await client([settings("a", a)], timeout: timeout).complete(hi)
        XCTAssertEqual(r.text, "second time lucky", file: file, line: line)
        XCTAssertEqual(a.requests.count, 2, file: file, line: line)
    }

    func testRetriesRateLimit() async throws { try await assertRetriedThenSucceeded(.rateLimited(retryAfter: nil)) }
    func testRetriesServerError() async throws { try await assertRetriedThenSucceeded(.serverError(status: 500)) }
    func testRetriesBadGateway() async throws { try await assertRetriedThenSucceeded(.serverError(status: 502)) }
    func testRetriesTimeout() async throws { try await assertRetriedThenSucceeded(.hang, timeout: 0.3) }
    func testRetriesConnectionReset() async throws { try await assertRetriedThenSucceeded(.reset) }
    func testRetriesTruncatedBody() async throws { try await assertRetriedThenSucceeded(.truncated(body: "{\"id\":", declaredLength: 400)) }

    func testDoesNotRetryBadRequest() async {
        a.enqueue(.clientError(status: 400, message: "max_tokens is too large"), .completion("never sent"))
        let e = await expectLLMError { _ = try await self.client([settings("a", self.a)]).complete(self.hi) }
        XCTAssertEqual(e?.kind, .badRequest)
        XCTAssertEqual(e?.description, "a: bad request (HTTP 400): max_tokens is too large")
        XCTAssertEqual(a.requests.count, 1)
    }

    func testDoesNotRetryUnparseableBody() async {
        a.enqueue(.malformedJSON, .completion("never sent"))
        let e = await expectLLMError { _ = try await self.client([settings("a", self.a)]).complete(self.hi) }
        XCTAssertEqual(e?.kind, .unparseableBody)
        XCTAssertTrue(e?.description.hasPrefix("a: unparseable body (HTTP 200): not valid JSON") ?? false, "\(String(describing: e))")
        XCTAssertEqual(a.requests.count, 1)
    }

    func testGivesUpAfterMaxAttemptsWithTheLastClassifiedError() async {
        a.enqueue(.serverError(status: 500), .serverError(status: 503), .serverError(status: 500), .completion("never sent"))
        let e = await expectLLMError { _ = try await self.client([settings("a", self.a)]).complete(self.hi) }
        XCTAssertEqual(e?.kind, .serverError)
        XCTAssertEqual(e?.status, 500)
        XCTAssertEqual(e?.description, "a: server error (HTTP 500): The server had an error while processing your request (after 3 attempts)")
        XCTAssertEqual(a.requests.count, fastRetry.maxAttempts)
    }

    func testFailsOverToNextProviderAfterRetriesAreExhausted() async throws {
        a.enqueue(.rateLimited(retryAfter: nil), .rateLimited(retryAfter: nil), .rateLimited(retryAfter: nil))
        b.enqueue(.completion("from anthropic"))
        let r = try await client([settings("a", a), settings("b", b, kind: .anthropic, model: "claude-x")]).complete(hi)
        XCTAssertEqual(r.text, "from anthropic")
        XCTAssertEqual(r.provider, "b")
        XCTAssertEqual(a.requests.count, 3)
        XCTAssertEqual(b.requests.first?.path, "/v1/messages")
        XCTAssertEqual(b.requests.first?.json?["model"] as? String, "claude-x")
    }

    func testFailsOverAfterNonRetryableError() async throws {
        a.enqueue(.clientError(status: 404, message: "model not found"))
        b.enqueue(.completion("b answered"))
        let r = try await client([settings("a", a), settings("b", b)]).complete(hi)
        XCTAssertEqual(r.text, "b answered")
        XCTAssertEqual(a.requests.count, 1)
    }

    func testAllProvidersFailedListsEachProvidersLastError() async {
        a.enqueue(.clientError(status: 400, message: "bad thing"))
        b.enqueue(.serverError(status: 500), .serverError(status: 500), .serverError(status: 502))
        let e = await expectLLMError { _ = try await self.client([settings("a", self.a), settings("b", self.b)]).complete(self.hi) }
        XCTAssertEqual(e?.kind, .allProvidersFailed)
        XCTAssertEqual(e?.description, "all providers failed: a: bad request (HTTP 400): bad thing; b: server error (HTTP 502): The server had an error while processing your request (after 3 attempts)")
    }

    func testHonoursRetryAfter() async throws {
        a.enqueue(.rateLimited(retryAfter: "1"), .completion("after waiting"))
        let r = try await client([settings("a", a)]).complete(hi)
        XCTAssertEqual(r.text, "after waiting")
        let times = a.requests.map(\.receivedAt)
        XCTAssertEqual(times.count, 2)
        // The backoff alone would be at most 40 ms; the header asked for one second.
        XCTAssertGreaterThanOrEqual(times[1] - times[0], 1.0)
    }

    func testRetryAfterBeyondTheCapFailsOverInsteadOfWaiting() async throws {
        a.enqueue(.rateLimited(retryAfter: "120"))
        b.enqueue(.completion("no waiting"))
        let start = Date()
        let r = try await client([settings("a", a), settings("b", b)]).complete(hi)
        XCTAssertEqual(r.text, "no waiting")
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(a.requests.count, 1)
    }

    func testOverallDeadlineStopsRetriesAndFailover() async {
        a.enqueue(.hang, .hang, .hang)
        b.enqueue(.completion("too late to ask"))
        let start = Date()
        let e = await expectLLMError {
            _ = try await self.client([settings("a", self.a), settings("b", self.b)], timeout: 10, deadline: 0.4).complete(self.hi)
        }
        XCTAssertEqual(e?.kind, .deadlineExceeded)
        XCTAssertTrue(e?.description.contains("last failure: a: timeout") ?? false, "\(String(describing: e))")
        XCTAssertLessThan(Date().timeIntervalSince(start), 3)
        XCTAssertEqual(b.requests.count, 0)
    }

    func testPerStageRoutingPicksProviderAndModel() async throws {
        a.enqueue(.completion("from a"))
        b.enqueue(.completion("from b"))
        let c = client([settings("a", a, model: "big-model"), settings("b", b, model: "b-default")],
                       stages: ["decompose": StageRoute(provider: "b", model: "cheap-model")])
        let routed = try await c.complete(LLMRequest(stage: "decompose", messages: [.user("split this")]))
        let plain = try await c.complete(LLMRequest(stage: "ground", messages: [.user("ground this")]))
        XCTAssertEqual(routed.provider, "b")
        XCTAssertEqual(b.requests.first?.json?["model"] as? String, "cheap-model")
        XCTAssertEqual(plain.provider, "a")
        XCTAssertEqual(a.requests.first?.json?["model"] as? String, "big-model")
    }

    func testRoutedStageFailsOverToTheOtherProvidersWithTheirOwnModel() async throws {
        b.enqueue(.clientError(status: 400, message: "no"))
        a.enqueue(.completion("a saves the day"))
        let c = client([settings("a", a, model: "big-model"), settings("b", b)], stages: ["decompose": StageRoute(provider: "b", model: "cheap-model")])
        let r = try await c.complete(LLMRequest(stage: "decompose", messages: [.user("x")]))
        XCTAssertEqual(r.provider, "a")
        XCTAssertEqual(a.requests.first?.json?["model"] as? String, "big-model")
    }

    func testNoProvidersConfigured() async {
        let e = await expectLLMError { _ = try await self.client([]).complete(self.hi) }
        XCTAssertEqual(e?.kind, .notConfigured)
    }

    func testParallelRequestsFromConcurrentTasks() async throws {
        for i in 0..<8 { a.enqueue(.delayed(0.5, .completion("answer \(i)"))) }
        let c = client([settings("a", a)])
        let start = Date()
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<8 { group.addTask { try await c.complete(LLMRequest(stage: "s\(i)", messages: [.user("q\(i)")])).text } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        XCTAssertEqual(Set(texts), Set((0..<8).map { "answer \($0)" }))
        // All eight 500 ms replies overlap; two at a time (a pool sized to 2 cores) would take 2 s.
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.5)
    }
}
