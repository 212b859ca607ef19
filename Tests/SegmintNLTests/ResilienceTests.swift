import XCTest
import Foundation
import SegmintLLM
import SegmintTestSupport
@testable import SegmintNL

/// The LLM layer under a whole ask: caching only accepted answers, the circuit breaker, one
/// deadline for the ask, failover named on stderr, every attempt in the trace.
final class ResilienceTests: XCTestCase {
    var m: ScriptedHTTPModel!
    let catalog = TestCatalogs.streaming
    static let request = "premium plan subscribers who streamed drama in the last 30 days"

    override func setUpWithError() throws { m = try ScriptedHTTPModel() }
    override func tearDown() { m.stop() }

    func scriptGood() {
        m.on("decompose", Reply.parts([("premium plan", false), ("streamed drama in the last 30 days", false)]))
        m.on("map", span: "premium plan", Reply.condition(IntegrityTests.premium))
        m.on("date", span: "premium plan", Reply.noWindow)
        m.on("map", span: "streamed drama in the last 30 days", Reply.condition(IntegrityTests.drama))
        m.on("date", span: "streamed drama in the last 30 days", Reply.window("during last 30 days", from: "in the last 30 days"))
    }

    func ask(_ c: LLMClient, timeout: Double? = nil) async throws -> AskOutcome {
        await try m.session(c).run(AskRequest(text: Self.request, catalog: catalog, timeout: timeout))
    }

    /// Measured: rejected answers were cached, so a re-run replayed the failure with 0 requests.
    func testOnlyAcceptedAnswersAreCached() async throws {
        let bad = #"has stream where genre = "drama" @window [RETRIEVED: stream from "streamed"] [RETRIEVED: nonsense_facet]"#
        m.on("map", span: "streamed drama in the last 30 days", Reply.condition(bad))
        m.on("repair", span: "streamed drama in the last 30 days", Reply.condition(bad))
        scriptGood()
        let c = try m.client(cache: true)
        // The map answer is rejected; both repairs too (the script repeats the bad one).
        let first = try await ask(c)
        XCTAssertEqual(first.exitCode, 1, "\(first.messages)")
        let repairs = m.requests("repair").map { ScriptedHTTPModel.messages($0).user }
        XCTAssertEqual(repairs.map { $0["attempt"] as? Int }, [1, 2], "each re-ask says which attempt it is")
        // The re-run asks the model again for the rejected part (no cache hit), the accepted ones come from the cache.
        let before = m.requestCount
        // The model's next answer (the script's good one) now gets through: a re-run can change.
        let second = try await ask(c)
        XCTAssertEqual(second.exitCode, 0, "\(second.messages)")
        XCTAssertTrue(second.seg?.contains(#"genre = "drama" during last 30 days"#) == true, second.seg ?? "")
        let mapsAgain = m.requests("map").filter { ScriptedHTTPModel.messages($0).user["span"] as? String == "streamed drama in the last 30 days" }
        XCTAssertEqual(mapsAgain.count, 2, "the rejected map answer was not cached")
        XCTAssertGreaterThan(m.requestCount, before)
        XCTAssertTrue(second.trace.contains { $0.stage == "decompose" && $0.cacheHit }, "the accepted decompose answer was cached")
        XCTAssertTrue(second.trace.contains { $0.stage == "map" && $0.cacheHit }, "the accepted map answer of the other part was cached")
    }

    func testAWholeAcceptedAskIsServedFromTheCache() async throws {
        scriptGood()
        let c = try m.client(cache: true)
        let first = try await ask(c)
        XCTAssertEqual(first.exitCode, 0, "\(first.messages)")
        let before = m.requestCount
        let second = try await ask(c)
        XCTAssertEqual(second.seg, first.seg)
        XCTAssertEqual(m.requestCount, before)
        XCTAssertTrue(second.trace.allSatisfy(\.cacheHit))
    }

    /// Measured: a dead provider got every retry of every call (28 requests). With the breaker it
    /// gets `failures` attempts, then the ask fails over, stderr names who answered, and another
    /// process sharing the cache directory skips the dead provider during the cooldown.
    func testCircuitBreakerSkipsADeadProviderAndSaysWhoAnswered() async throws {
        scriptGood()
        m.openai.respond { _ in .serverError(status: 503) }
        let trace = NSTemporaryDirectory() + "segmint-trace-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let breaker = BreakerPolicy(failures: 3, cooldown: 60)
        let c = try m.client(failover: true, cache: true, attempts: 2, breaker: breaker, trace: trace)
        let r = try await ask(c)
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        // Without the breaker: 2 attempts × 5 calls = 10. With it: 2 for decompose, then the four
        // parallel map/date calls already in flight when it opens, and nothing after.
        XCTAssertLessThanOrEqual(m.openai.requests.count, 6)
        XCTAssertTrue(r.messages.contains { $0.hasPrefix("notice: the ") && $0.contains("answered by backup-anthropic after failover") && $0.contains("primary-openai") }, "\(r.messages)")
        // --trace shows every attempt, failed ones and skipped ones included; no key in it.
        let lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.contains(#""provider":"primary-openai""#) && $0.contains(#""outcome":"server_error""#) })
        XCTAssertTrue(lines.contains { $0.contains(#""provider":"backup-anthropic""#) && $0.contains(#""outcome":"ok""#) })
        XCTAssertFalse(lines.contains { $0.contains("sk-ant-test-key") })

        // Another client (as another process would) over the same cache directory, with the cache
        // of answers gone: the dead provider is not asked at all during the cooldown.
        try? FileManager.default.removeItem(atPath: m.cacheDir + "/llm-cache.sqlite3")
        let before = m.openai.requests.count
        let trace2 = trace + ".2"
        defer { try? FileManager.default.removeItem(atPath: trace2) }
        let other = try m.client(failover: true, cache: true, attempts: 2, breaker: breaker, trace: trace2)
        let again = try await ask(other)
        XCTAssertEqual(again.exitCode, 0, "\(again.messages)")
        XCTAssertEqual(m.openai.requests.count, before, "skipped across processes")
        let skipped = try String(contentsOfFile: trace2, encoding: .utf8)
        XCTAssertTrue(skipped.contains(#""outcome":"circuit_open""#) && skipped.contains("skipped for"), skipped)
    }

    /// Measured: with `deadline_s: 6` an ask took 11.2 s (a deadline per call). One deadline now
    /// covers the whole ask, also given as `--timeout`.
    func testOneDeadlineForTheWholeAsk() async throws {
        m.on("decompose", replies: [.delayed(0.5, .completion(Reply.parts([("premium plan", false), ("streamed drama in the last 30 days", false)]), model: "m"))])
        m.on("map", replies: [.delayed(0.5, .completion(Reply.condition(IntegrityTests.premium), model: "m"))])
        m.on("date", replies: [.delayed(0.5, .completion(Reply.noWindow, model: "m"))])
        let started = Date()
        let r = try await ask(try m.client(deadline: 0.8))
        let took = Date().timeIntervalSince(started)
        XCTAssertEqual(r.exitCode, 2, "\(r.messages)")
        XCTAssertTrue(r.messages.contains { $0.contains("deadline exceeded") }, "\(r.messages)")
        XCTAssertLessThan(took, 1.6, "the ask stopped at its deadline (each call alone was within it)")
        // --timeout overrides deadline_s for the ask.
        let t0 = Date()
        let short = try await ask(try m.client(deadline: 60), timeout: 0.3)
        XCTAssertEqual(short.exitCode, 2)
        XCTAssertLessThan(Date().timeIntervalSince(t0), 1.0)
    }

    /// A provider that only ever answers with garbage ends the ask with exit 2 and the class of
    /// the failure, never a segment.
    func testMalformedBodiesEndTheAskWithAClearError() async throws {
        m.openai.respond { _ in .malformedJSON }
        let r = try await ask(try m.client())
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertNil(r.seg)
        XCTAssertTrue(r.messages.contains { $0.contains("unparseable body") }, "\(r.messages)")
    }
}
