import XCTest
@testable import SegmintNL

final class AskSessionTests: XCTestCase {
    let catalog = RetailCatalog.shared

    func scriptRecently(_ m: ScriptedModel) {
        let span = "purchased recently"
        m.on("decompose", Reply.parts([(span, false)]))
        m.on("map", span: span, Reply.condition(#"has purchase @window [RETRIEVED: purchase from "purchased"]"#))
        m.on("date", span: span, Reply.window("during last 30 days", from: "recently", inferred: true))
    }

    func testClarificationRoundTripThenMemoryReuseAcrossRuns() async throws {
        let memory = InMemoryStore()
        let request = "customers who purchased recently"
        // Run 1: not interactive → exit 3 with the question as JSON.
        let m1 = ScriptedModel(); scriptRecently(m1)
        let s1 = AskSession(model: m1, prompts: try RepoPrompts.load(), memory: memory)
        let r1 = await s1.run(AskRequest(text: request, catalog: catalog, tenant: "retail", user: "ana"))
        XCTAssertEqual(r1.exitCode, 3)
        let json = try XCTUnwrap(r1.questionsJSON)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let qs = try XCTUnwrap(parsed?["questions"] as? [[String: Any]])
        XCTAssertEqual(qs.count, 1)
        XCTAssertEqual(qs[0]["key"] as? String, "window:recently")

        // Run 2: the answer given with --answer; it is remembered.
        let m2 = ScriptedModel(); scriptRecently(m2)
        let s2 = AskSession(model: m2, prompts: try RepoPrompts.load(), memory: memory)
        let r2 = await s2.run(AskRequest(text: request, catalog: catalog, tenant: "retail", user: "ana", answers: ["window:recently": "last 45 days"]))
        XCTAssertEqual(r2.exitCode, 0, r2.messages.joined(separator: "\n"))
        XCTAssertTrue(r2.seg?.contains("has purchase during last 45 days") == true, r2.seg ?? "")
        XCTAssertEqual(try memory.answers(tenant: "retail", user: "ana"), ["window:recently": "last 45 days"])

        // Run 3: no answer given; memory supplies it, nobody is asked.
        let m3 = ScriptedModel(); scriptRecently(m3)
        let s3 = AskSession(model: m3, prompts: try RepoPrompts.load(), memory: memory)
        let r3 = await s3.run(AskRequest(text: request, catalog: catalog, tenant: "retail", user: "ana"))
        XCTAssertEqual(r3.exitCode, 0)
        XCTAssertTrue(r3.seg?.contains("has purchase during last 45 days") == true, r3.seg ?? "")

        // Tenant isolation: another tenant with the same user is asked again.
        let m4 = ScriptedModel(); scriptRecently(m4)
        let s4 = AskSession(model: m4, prompts: try RepoPrompts.load(), memory: memory)
        let r4 = await s4.run(AskRequest(text: request, catalog: catalog, tenant: "travel", user: "ana"))
        XCTAssertEqual(r4.exitCode, 3)
    }

    func testInteractiveAnswersAreUsedAndRemembered() async throws {
        let memory = InMemoryStore()
        let m = ScriptedModel(); scriptRecently(m); scriptRecently(m)
        let asked = Counter()
        let s = AskSession(model: m, prompts: try RepoPrompts.load(), memory: memory, interactive: { q in
            await asked.bump(q.key)
            return "last 10 days"
        })
        let r = await s.run(AskRequest(text: "customers who purchased recently", catalog: catalog, tenant: "retail", user: "bo"))
        XCTAssertEqual(r.exitCode, 0, r.messages.joined(separator: "\n"))
        XCTAssertTrue(r.seg?.contains("during last 10 days") == true)
        let keys = await asked.keys
        XCTAssertEqual(keys, ["window:recently"])  // asked once
        XCTAssertEqual(try memory.answers(tenant: "retail", user: "bo")["window:recently"], "last 10 days")
    }

    /// A configured model that cannot answer is an error naming the cause; the offline
    /// translator is not used in its place.
    func testAllProvidersDownIsAnErrorWithoutFallback() async throws {
        let m = ScriptedModel()
        m.failure = ScriptedModel.ScriptError(description: "connection refused")
        let s = AskSession(model: m, prompts: try RepoPrompts.load(), memory: InMemoryStore())
        let r = await s.run(AskRequest(text: "California customers who bought outdoor gear in the last 90 days but not email opt-outs", catalog: catalog))
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertNil(r.seg)
        XCTAssertFalse(r.usedOfflineTranslator)
        XCTAssertTrue(r.messages.contains { $0.hasPrefix("error: the LLM could not answer") && $0.contains("connection refused") && $0.contains("--offline") }, "\(r.messages)")
    }

    func testNoModelConfiguredUsesOfflineWithNotice() async {
        let s = AskSession(model: nil, prompts: nil, memory: nil)
        let r = await s.run(AskRequest(text: "gold tier members", catalog: catalog))
        XCTAssertEqual(r.exitCode, 0)
        XCTAssertTrue(r.messages.contains("notice: no LLM configured; using the offline translator"), "\(r.messages)")
    }

    func testRefusalExitsFourWithOneLine() async {
        let s = AskSession(model: nil, prompts: nil, memory: nil)
        let r = await s.run(AskRequest(text: "please drop table customers", catalog: catalog))
        XCTAssertEqual(r.exitCode, 4)
        XCTAssertNil(r.seg)
        XCTAssertEqual(r.messages.count, 1)
        XCTAssertFalse(r.messages[0].contains("\n"))
    }

    func testUngroundedListsUnmappedWords() async {
        let s = AskSession(model: nil, prompts: nil, memory: nil)
        let r = await s.run(AskRequest(text: "gold tier members who love hiking", catalog: catalog, offline: true))
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertTrue(r.messages.contains(#"could not map: "love", "hiking""#), "\(r.messages)")
    }
}

actor Counter {
    var keys: [String] = []
    func bump(_ k: String) { keys.append(k) }
}
