import XCTest
import Foundation
import SegmintCatalog
@testable import SegmintNL

/// `segmint ask --offline` end to end through `AskSession`: exit codes, question JSON, answers.
final class OfflineAskTests: XCTestCase {
    func ask(_ text: String, _ catalog: Catalog, answers: [String: String] = [:]) async -> AskOutcome {
        await AskSession(model: nil, prompts: nil, memory: nil)
            .run(AskRequest(text: text, catalog: catalog, offline: true, answers: answers))
    }

    func questions(_ o: AskOutcome) throws -> [[String: Any]] {
        let json = try XCTUnwrap(o.questionsJSON)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try XCTUnwrap(parsed?["questions"] as? [[String: Any]])
    }

    /// A word only a description mentions is asked about (exit 3), naming the nearest catalog
    /// item; the answer completes the segment, quoting the user's own word.
    func testUnmappedWordIsAQuestionAndTheAnswerCompletesIt() async throws {
        let first = await ask("devices with charge under 20", DomainCatalogs.devices)
        XCTAssertEqual(first.exitCode, 3, first.messages.joined(separator: "\n"))
        let qs = try questions(first)
        XCTAssertEqual(qs.count, 1)
        XCTAssertEqual(qs[0]["key"] as? String, "term:charge")
        XCTAssertEqual((qs[0]["options"] as? [String])?.first, "battery_level")
        let done = await ask("devices with charge under 20", DomainCatalogs.devices, answers: ["term:charge": "battery_level"])
        XCTAssertEqual(done.exitCode, 0, done.messages.joined(separator: "\n"))
        XCTAssertTrue(done.seg?.contains("battery_level < 20") == true, done.seg ?? "")
        XCTAssertTrue(done.seg?.contains(#"[RETRIEVED: battery_level from "charge"]"#) == true, done.seg ?? "")
        XCTAssertTrue(done.seg?.contains(#"# answer: term:charge = "battery_level""#) == true, done.seg ?? "")
    }

    /// "ignore" leaves the words out on purpose, and the header says so.
    func testIgnoreAnswerIsRecorded() async throws {
        let first = await ask("online devices with charge", DomainCatalogs.devices)
        XCTAssertEqual(first.exitCode, 3)
        let keys = try questions(first).compactMap { $0["key"] as? String }
        XCTAssertEqual(keys, ["term:charge"])
        let done = await ask("online devices with charge", DomainCatalogs.devices, answers: ["term:charge": "ignore"])
        XCTAssertEqual(done.exitCode, 0, done.messages.joined(separator: "\n"))
        XCTAssertTrue(done.seg?.contains(#"# answer: term:charge = "ignore""#) == true, done.seg ?? "")
    }

    /// Words with nothing near them in the catalog are reported (exit 1), never dropped.
    func testWordsWithNothingNearAreUngrounded() async {
        let o = await ask("devices whose favourite colour is blue", DomainCatalogs.devices)
        XCTAssertEqual(o.exitCode, 1)
        XCTAssertTrue(o.messages.contains { $0.hasPrefix("could not map:") && $0.contains("favourite") }, o.messages.joined(separator: "\n"))
    }

    /// Vague words ask offline too, with the candidate facet and a suggested threshold.
    func testVagueRequestAsksWithCandidates() async throws {
        let o = await ask("big spenders who stream drama", DomainCatalogs.streaming)
        XCTAssertEqual(o.exitCode, 3, o.messages.joined(separator: "\n"))
        let q = try XCTUnwrap(try questions(o).first)
        XCTAssertEqual(q["key"] as? String, "number:big spenders")
        XCTAssertEqual(q["options"] as? [String], ["lifetime_revenue"])
        XCTAssertEqual(q["example"] as? String, ">= 1000")
    }

    func testOffTopicRequestIsRefused() async {
        let o = await ask("write me a short poem about our subscribers", DomainCatalogs.streaming)
        XCTAssertEqual(o.exitCode, 4)
        XCTAssertNil(o.seg)
        let w = await ask("what's the weather in Germany tomorrow?", DomainCatalogs.devices)
        XCTAssertEqual(w.exitCode, 4)
    }

    /// An ambiguous period asks; the answer is applied by the translator.
    func testBareLastYearAsksThenUsesTheAnswer() async throws {
        let o = await ask("subscribers who paid last year", DomainCatalogs.streaming)
        XCTAssertEqual(o.exitCode, 3)
        XCTAssertEqual(try questions(o).first?["key"] as? String, "window:last year")
        let done = await ask("subscribers who paid last year", DomainCatalogs.streaming, answers: ["window:last year": "2025-01-01 to 2025-12-31"])
        XCTAssertEqual(done.exitCode, 0, done.messages.joined(separator: "\n"))
        XCTAssertTrue(done.seg?.contains("has payment during 2025-01-01 to 2025-12-31") == true, done.seg ?? "")
    }
}
