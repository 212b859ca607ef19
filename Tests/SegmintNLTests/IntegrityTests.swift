import XCTest
import Foundation
import SegmintLLM
import SegmintTestSupport
@testable import SegmintNL

/// Every way a model answer can lose part of a request, scripted over real HTTP (both wire
/// formats): each part ends as a condition, a question, or an error naming it — never dropped.
final class IntegrityTests: XCTestCase {
    var m: ScriptedHTTPModel!
    let catalog = TestCatalogs.streaming

    override func setUpWithError() throws { m = try ScriptedHTTPModel() }
    override func tearDown() { m.stop() }

    func ask(_ request: String, answers: [String: String] = [:], client: LLMClient? = nil, timeout: Double? = nil) async throws -> AskOutcome {
        let c = try client ?? m.client()
        return await try m.session(c).run(AskRequest(text: request, catalog: catalog, answers: answers, timeout: timeout))
    }

    static let premium = #"plan = "premium" [RETRIEVED: plan from "plan"] [RETRIEVED: "premium" from "premium"]"#
    static let drama = #"has stream where genre = "drama" @window [RETRIEVED: stream from "streamed"] [RETRIEVED: stream.genre from "drama"] [RETRIEVED: "drama" from "drama"]"#

    /// "premium plan subscribers who streamed drama in the last 30 days" as a good model answers it.
    func scriptGood(window: String = Reply.window("during last 30 days", from: "in the last 30 days")) {
        m.on("decompose", Reply.parts([("premium plan", false), ("streamed drama in the last 30 days", false)]))
        m.on("map", span: "premium plan", Reply.condition(Self.premium))
        m.on("date", span: "premium plan", Reply.noWindow)
        m.on("map", span: "streamed drama in the last 30 days", Reply.condition(Self.drama))
        m.on("date", span: "streamed drama in the last 30 days", window)
    }
    static let request = "premium plan subscribers who streamed drama in the last 30 days"

    func testGoodAnswersGiveTheWholeSegmentOnBothWireFormats() async throws {
        scriptGood()
        for wire in [ScriptedHTTPModel.Wire.openai, .anthropic] {
            let r = try await ask(Self.request, client: try m.client(wire))
            XCTAssertEqual(r.exitCode, 0, "\(wire): \(r.messages)")
            let seg = try XCTUnwrap(r.seg)
            XCTAssertTrue(seg.contains(#"plan = "premium""#), seg)
            XCTAssertTrue(seg.contains(#"has stream where genre = "drama" during last 30 days"#), seg)
        }
        XCTAssertGreaterThan(m.openai.requests.count, 0)
        XCTAssertGreaterThan(m.anthropic.requests.count, 0)
    }

    /// Measured: a date answer that is not JSON was dropped (exit 0 without the window). Now it is
    /// asked again with the reason, and the window is in the segment.
    func testUnreadableDateAnswerIsReaskedNotDropped() async throws {
        m.on("date", span: "streamed drama in the last 30 days", "Sure! The window is the last 30 days.")
        scriptGood()
        let r = try await ask(Self.request)
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        XCTAssertTrue(r.seg?.contains("during last 30 days") == true, r.seg ?? "")
        let dates = m.requests("date").filter { ScriptedHTTPModel.messages($0).user["span"] as? String == "streamed drama in the last 30 days" }
        XCTAssertEqual(dates.count, 2)
        let second = ScriptedHTTPModel.messages(dates[1]).user
        XCTAssertEqual(second["attempt"] as? Int, 2)
        XCTAssertEqual(second["rejected"] as? String, "Sure! The window is the last 30 days.")
        XCTAssertTrue((second["feedback"] as? String)?.contains("not a JSON object") == true, "\(second)")
    }

    func testDateAnswerThatNeverParsesFailsNamingThePart() async throws {
        let bad = Reply.window("sometime around last month-ish", from: "in the last 30 days")
        m.on("date", span: "streamed drama in the last 30 days", bad, bad, bad)  // every attempt
        scriptGood()
        let r = try await ask(Self.request)
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertNil(r.seg)
        XCTAssertTrue(r.messages.contains { $0.contains(#"part "streamed drama in the last 30 days""#) && $0.contains("no usable window") }, "\(r.messages)")
    }

    /// Measured: "during the last 30 days" was dropped; it is read by parsing.
    func testWindowPhrasedInEnglishIsParsed() async throws {
        scriptGood(window: Reply.window("during the last 30 days", from: "in the last 30 days"))
        let r = try await ask(Self.request)
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        XCTAssertTrue(r.seg?.contains(#"genre = "drama" during last 30 days"#) == true, r.seg ?? "")
    }

    /// A date stage that says "no window" for a part that names one is not believed.
    func testMissingWindowForATimedPartIsNotBelieved() async throws {
        m.on("date", span: "streamed drama in the last 30 days", Reply.noWindow)
        scriptGood()
        let r = try await ask(Self.request)
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        XCTAssertTrue(r.seg?.contains("during last 30 days") == true, r.seg ?? "")
    }

    /// A window with no place in the condition is repaired, not dropped.
    func testWindowWithoutAPlaceIsRepaired() async throws {
        m.on("map", span: "streamed drama in the last 30 days",
             Reply.condition(#"has stream where genre = "drama" during last 30 weeks [RETRIEVED: stream from "streamed"] [RETRIEVED: stream.genre from "drama"] [RETRIEVED: "drama" from "drama"]"#))
        m.on("repair", span: "streamed drama in the last 30 days", Reply.condition(Self.drama))
        scriptGood()
        let r = try await ask(Self.request)
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        XCTAssertTrue(r.seg?.contains("during last 30 days") == true, r.seg ?? "")
        XCTAssertFalse(r.seg?.contains("30 weeks") == true)
        let repair = ScriptedHTTPModel.messages(try XCTUnwrap(m.requests("repair").first)).user
        XCTAssertTrue((repair["diagnostic"] as? String)?.contains("has no place for it") == true, "\(repair)")
    }

    /// Measured: a condition plus "unmapped": ["US"] gave exit 0 without US. Now: a question;
    /// answering "ignore" sets it aside on purpose (recorded in the header).
    func testUnmappedWordsBecomeAQuestionThenAnAnswerSettlesThem() async throws {
        let request = "premium plan subscribers in the US"
        m.on("decompose", Reply.parts([("premium plan", false), ("in the US", false)]))
        m.on("map", span: "premium plan", Reply.condition(Self.premium))
        m.on("date", Reply.noWindow)
        m.on("map", span: "in the US", #"{"condition": null, "unmapped": ["US"]}"#)
        let r = try await ask(request)
        XCTAssertEqual(r.exitCode, 3, "\(r.messages)")
        XCTAssertNil(r.seg)
        let json = try XCTUnwrap(r.questionsJSON)
        XCTAssertTrue(json.contains(#""key": "term:us""#), json)
        let answered = try await ask(request, answers: ["term:US": "ignore"])
        XCTAssertEqual(answered.exitCode, 0, "\(answered.messages)")
        XCTAssertTrue(answered.seg?.contains(#"# answer: term:us = "ignore""#) == true, answered.seg ?? "")
        // An answer the model still cannot map is an error naming the words.
        let still = try await ask(request, answers: ["term:US": "the united states"])
        XCTAssertEqual(still.exitCode, 1)
        XCTAssertTrue(still.messages.contains { $0.contains(#"could not map "US" even with the answer"#) }, "\(still.messages)")
    }

    func testConditionWithLeftoverUnmappedWordIsAQuestion() async throws {
        let request = "premium plan subscribers who binge"
        m.on("decompose", Reply.parts([("premium plan subscribers who binge", false)]))
        m.on("map", #"{"condition": "plan = \"premium\" [RETRIEVED: plan from \"plan\"] [RETRIEVED: \"premium\" from \"premium\"]", "unmapped": ["binge"]}"#)
        m.on("date", Reply.noWindow)
        let r = try await ask(request)
        XCTAssertEqual(r.exitCode, 3, "\(r.messages)")
        XCTAssertTrue(r.questionsJSON?.contains(#""span": "binge""#) == true, r.questionsJSON ?? "")
    }

    /// Measured: "heavy watchers recently" exited 1; it asks instead (exit 3), about both.
    func testVaguePhraseWithNothingGroundedAsks() async throws {
        m.on("decompose", Reply.parts([("heavy watchers recently", false)]))
        m.on("map", #"{"condition": null, "unmapped": ["heavy watchers"]}"#)
        m.on("date", Reply.window("during last 30 days", from: "recently", inferred: true))
        let r = try await ask("heavy watchers recently")
        XCTAssertEqual(r.exitCode, 3, "\(r.messages)")
        let json = try XCTUnwrap(r.questionsJSON)
        XCTAssertTrue(json.contains(#""key": "term:heavy watchers""#) && json.contains(#""key": "window:recently""#), json)
    }

    /// Measured: the answer ">= 25" was recorded but the model's `monthly_fee > 20` stayed. The
    /// assembler now applies the user's threshold.
    func testNumericAnswerIsAppliedByTheAssembler() async throws {
        let request = "subscribers with a high monthly fee"
        m.on("decompose", Reply.parts([("high monthly fee", false)]))
        m.on("map", Reply.condition(#"monthly_fee > 20 [RETRIEVED: monthly_fee from "monthly fee"] [INFERRED: 20 from "high"]"#))
        m.on("date", Reply.noWindow)
        let asked = try await ask(request)
        XCTAssertEqual(asked.exitCode, 3)
        XCTAssertTrue(asked.questionsJSON?.contains(#""key": "number:high""#) == true, asked.questionsJSON ?? "")
        let r = try await ask(request, answers: ["number:high": ">= 25"])
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        let seg = try XCTUnwrap(r.seg)
        XCTAssertTrue(seg.contains(#"monthly_fee >= 25 [RETRIEVED: monthly_fee from "monthly fee"] [INFERRED: 25 from "high"]"#), seg)
        XCTAssertFalse(seg.contains("> 20"), seg)
        XCTAssertTrue(seg.contains(#"# answer: number:high = ">= 25""#), seg)
    }

    /// A number the user never wrote, untagged, is sent back; tagged INFERRED it becomes a question.
    func testUntaggedInventedNumberIsRepairedIntoAQuestion() async throws {
        m.on("decompose", Reply.parts([("high monthly fee", false)]))
        m.on("map", Reply.condition(#"monthly_fee > 20 [RETRIEVED: monthly_fee from "monthly fee"]"#))
        m.on("repair", Reply.condition(#"monthly_fee > 20 [RETRIEVED: monthly_fee from "monthly fee"] [INFERRED: 20 from "high"]"#))
        m.on("date", Reply.noWindow)
        let r = try await ask("subscribers with a high monthly fee")
        XCTAssertEqual(r.exitCode, 3, "\(r.messages)")
        let repair = ScriptedHTTPModel.messages(try XCTUnwrap(m.requests("repair").first)).user
        XCTAssertTrue((repair["diagnostic"] as? String)?.contains("the number 20 does not occur in the request") == true, "\(repair)")
        XCTAssertEqual(repair["attempt"] as? Int, 1)
    }

    /// Measured: `display_name contains "O'Brien'); DROP…"` passed; a free-text literal must be
    /// copied from the request, else repaired, else an error naming the part.
    func testFreeTextLiteralNotInTheRequestIsRejected() async throws {
        let request = "subscribers whose display name contains obrien"
        m.on("decompose", Reply.parts([("display name contains obrien", false)]))
        m.on("map", Reply.condition(#"display_name contains "O'Brien'); DROP TABLE subscribers; --" [RETRIEVED: display_name from "display name"]"#))
        m.on("repair", Reply.condition(#"display_name contains "O'Brien" [RETRIEVED: display_name from "display name"]"#))
        m.on("date", Reply.noWindow)
        let r = try await ask(request)
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertNil(r.seg)
        XCTAssertTrue(r.messages.contains { $0.contains(#"part "display name contains obrien""#) && $0.contains("does not occur in the request") }, "\(r.messages)")
        // Copied from the request (case aside, as `contains` ignores case), it is accepted.
        m.on("repair", Reply.condition(#"display_name contains "OBrien" [RETRIEVED: display_name from "display name"]"#))
        let fixed = try await ask(request)
        XCTAssertEqual(fixed.exitCode, 0, "\(fixed.messages)")
        XCTAssertTrue(fixed.seg?.contains(#"display_name contains "OBrien""#) == true, fixed.seg ?? "")
    }
}

extension IntegrityTests {
    /// Measured: "… in the US …" failed with `could not map: "US"` because retrieval dropped
    /// "us" as a stopword. Whatever retrieval offers, the US never silently vanishes: either the
    /// segment holds `country = "US"`, or the ask asks or fails naming the part.
    func testCountryCodeIsNeverDropped() async throws {
        let request = "premium plan subscribers in the US"
        m.on("decompose", Reply.parts([("premium plan", false), ("in the US", false)]))
        m.on("map", span: "premium plan", Reply.condition(Self.premium))
        m.on("map", span: "in the US", Reply.condition(#"country = "US" [RETRIEVED: country from "US"] [RETRIEVED: "US" from "US"]"#))
        m.on("repair", span: "in the US", #"{"condition": null, "unmapped": ["US"]}"#)
        m.on("date", Reply.noWindow)
        let r = try await ask(request)
        switch r.exitCode {
        case 0: XCTAssertTrue(r.seg?.contains(#"country = "US""#) == true, r.seg ?? "")
        case 3: XCTAssertTrue(r.questionsJSON?.contains(#""span": "US""#) == true, r.questionsJSON ?? "")
        default: XCTAssertTrue(r.messages.contains { $0.contains(#"part "in the US""#) }, "\(r.messages)")
        }
    }
}

extension IntegrityTests {
    /// A `term:` question answered with one of its options: the assembler writes that catalog
    /// item's condition itself (the model's guess plays no part).
    func testChoosingAnOptionIsAppliedByTheAssembler() async throws {
        let request = "premium plan subscribers who are fans of drama"
        m.on("decompose", Reply.parts([("premium plan", false), ("fans of drama", false)]))
        m.on("map", span: "premium plan", Reply.condition(Self.premium))
        m.on("map", span: "fans of drama", #"{"condition": null, "unmapped": ["fans of drama"]}"#)
        m.on("date", Reply.noWindow)
        let asked = try await ask(request)
        XCTAssertEqual(asked.exitCode, 3, "\(asked.messages)")
        let json = try XCTUnwrap(asked.questionsJSON)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let question = try XCTUnwrap((object["questions"] as? [[String: Any]])?.first)
        let options = question["options"] as? [String] ?? []
        let choice = try XCTUnwrap(options.first { $0.contains("drama") }, "options: \(options)")
        let r = try await ask(request, answers: ["term:fans of drama": choice])
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        let seg = try XCTUnwrap(r.seg)
        XCTAssertTrue(seg.contains(#"has stream where genre = "drama" [RETRIEVED: stream.genre from "fans of drama"] [RETRIEVED: "drama" from "fans of drama"]"#), seg)
        XCTAssertTrue(seg.contains(#"plan = "premium""#), seg)
        // An answer that is not one of the options and that the model cannot map is an error.
        let other = try await ask(request, answers: ["term:fans of drama": "films about nature"])
        XCTAssertEqual(other.exitCode, 1)
    }
}

extension IntegrityTests {
    /// A decomposition that leaves out a part: stderr names the catalog words in no part, so a
    /// smaller segment is never a silent one.
    func testDroppedPartIsNamedOnStderr() async throws {
        m.on("decompose", Reply.parts([("premium plan", false)]))
        m.on("map", span: "premium plan", Reply.condition(Self.premium))
        m.on("date", Reply.noWindow)
        let r = try await ask("premium plan subscribers with a monthly fee over 20 but no kids profile")
        XCTAssertEqual(r.exitCode, 0, "\(r.messages)")
        let notice = try XCTUnwrap(r.messages.first { $0.hasPrefix("notice:") && $0.contains("in no part") }, "\(r.messages)")
        XCTAssertTrue(notice.contains(#""monthly fee""#) && notice.contains(#""kids profile""#), notice)
        XCTAssertFalse(notice.contains("subscribers"), "the entity's own word is not a condition: \(notice)")
    }
}
