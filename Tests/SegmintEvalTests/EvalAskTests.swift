import XCTest
import SegmintCore
import SegmintNL
@testable import SegmintEval

/// The eval's adapter over `ask`'s session: cassette replay, recording, fallback detection.
final class EvalAskTests: XCTestCase {
    func prompts() throws -> PromptSet { try PromptSet.load(directory: EvalFixtures.root + "/prompts") }
    let asOf = CivilDate(year: 2026, month: 3, day: 1)!

    func goldenCase(_ id: String) throws -> EvalCase {
        try EvalSuiteLoader.loadCase(id: id, directory: EvalFixtures.golden + "/cases/" + id)
    }

    /// A copy of a golden case in a temporary directory (so recording never touches the set).
    func copyCase(_ id: String, withCassette: Bool) throws -> EvalCase {
        let dir = EvalFixtures.tempDir() + "/" + id
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for f in ["request.txt", "case.json", "reference.seg"] + (withCassette ? ["cassette.json"] : []) {
            let src = EvalFixtures.golden + "/cases/\(id)/" + f
            if FileManager.default.fileExists(atPath: src) { try FileManager.default.copyItem(atPath: src, toPath: dir + "/" + f) }
        }
        return try EvalSuiteLoader.loadCase(id: id, directory: dir)
    }

    func testCassetteReplayThroughThePipelineIsDeterministic() async throws {
        let c = try goldenCase("060-demo-request")
        var outcomes: [EvalAttempt] = []
        for _ in 0..<5 {
            let t = AskTranslator(name: "pipeline", mode: .cassette, catalog: try EvalFixtures.catalog(), prompts: try prompts())
            outcomes.append(await t.translate(c, answers: [:], asOf: asOf))
        }
        guard case .segment(let text) = outcomes[0].outcome else { return XCTFail("\(outcomes[0])") }
        XCTAssertTrue(text.contains("state = \"CA\""), text)
        XCTAssertTrue(text.contains("email_opt_out = true"), text)
        XCTAssertEqual(outcomes[0].llmCalls, 7, "decompose + map and date for three parts")
        for o in outcomes.dropFirst() { XCTAssertEqual(o, outcomes[0]) }
    }

    func testACassetteMissIsAFailureNotAnOfflineAnswer() async throws {
        let c = try copyCase("060-demo-request", withCassette: true)
        var cassette = try EvalCassette.load(path: try XCTUnwrap(c.cassettePath))
        cassette.interactions.removeAll { $0.stage == "date" && $0.span == "California customers" }
        try cassette.save(path: try XCTUnwrap(c.cassettePath), force: true)
        let t = AskTranslator(name: "pipeline", mode: .cassette, catalog: try EvalFixtures.catalog(), prompts: try prompts())
        let a = await t.translate(c, answers: [:], asOf: asOf)
        guard case .failure(let message) = a.outcome else { return XCTFail("\(a.outcome)") }
        XCTAssertTrue(message.hasPrefix("the LLM could not answer"), message)
        XCTAssertTrue(message.contains("cassette has no date response for span \"California customers\""), message)
    }

    func testRecordWritesACassetteThatReplaysTheSameAndRefusesToOverwriteWithoutForce() async throws {
        let golden = try goldenCase("063-event-two-fields")
        let c = try copyCase("063-event-two-fields", withCassette: false)
        // The "live" model here is the scripted cassette: recording must capture what it said.
        let live = CassetteStageModel(player: EvalCassettePlayer(try EvalCassette.load(path: try XCTUnwrap(golden.cassettePath))))
        let recorder = AskTranslator(name: "pipeline", mode: .live(live), catalog: try EvalFixtures.catalog(), prompts: try prompts(), record: true)
        let recorded = await recorder.translate(c, answers: [:], asOf: asOf)
        let path = c.directory + "/cassette.json"
        let cassette = try EvalCassette.load(path: path)
        XCTAssertEqual(cassette.provenance, "recorded")
        XCTAssertEqual(cassette.interactions.count, 5)
        XCTAssertTrue(cassette.interactions.allSatisfy { $0.requestSHA256?.count == 64 && $0.user != nil })
        XCTAssertEqual(recorded.llmCalls, 5)

        var replayCase = c
        replayCase.cassettePath = path
        let player = AskTranslator(name: "pipeline", mode: .cassette, catalog: try EvalFixtures.catalog(), prompts: try prompts())
        let replayed = await player.translate(replayCase, answers: [:], asOf: asOf)
        XCTAssertEqual(replayed.outcome, recorded.outcome)

        let before = try String(contentsOfFile: path, encoding: .utf8)
        let again = AskTranslator(name: "pipeline", mode: .live(live), catalog: try EvalFixtures.catalog(), prompts: try prompts(), record: true)
        let refused = await again.translate(c, answers: [:], asOf: asOf)
        XCTAssertEqual(refused.outcome, .failure("\(path) exists; pass --force to overwrite a recorded cassette"))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), before)

        let fresh = CassetteStageModel(player: EvalCassettePlayer(try EvalCassette.load(path: try XCTUnwrap(golden.cassettePath))))
        let forced = AskTranslator(name: "pipeline", mode: .live(fresh), catalog: try EvalFixtures.catalog(), prompts: try prompts(), record: true, force: true)
        let overwritten = await forced.translate(c, answers: [:], asOf: asOf)
        XCTAssertEqual(overwritten.outcome, recorded.outcome)
        XCTAssertEqual(try EvalCassette.load(path: path).interactions.count, 5)
    }

    func testReplayAfterAPromptEditSaysTheCassetteIsStale() async throws {
        let golden = try goldenCase("001-state-california")
        let c = try copyCase("001-state-california", withCassette: false)
        let live = CassetteStageModel(player: EvalCassettePlayer(try EvalCassette.load(path: try XCTUnwrap(golden.cassettePath))))
        _ = await AskTranslator(name: "pipeline", mode: .live(live), catalog: try EvalFixtures.catalog(), prompts: try prompts(), record: true)
            .translate(c, answers: [:], asOf: asOf)
        var replayCase = c
        replayCase.cassettePath = c.directory + "/cassette.json"
        // The same prompts: nothing stale.
        let same = await AskTranslator(name: "pipeline", mode: .cassette, catalog: try EvalFixtures.catalog(), prompts: try prompts())
            .translate(replayCase, answers: [:], asOf: asOf)
        XCTAssertEqual(same.notes, [])
        // An edited map prompt: the map call's request hash no longer matches the recording.
        let dir = EvalFixtures.tempDir()
        for stage in PromptSet.stages {
            var text = try String(contentsOfFile: EvalFixtures.root + "/prompts/\(stage).prompt", encoding: .utf8)
            if stage == "map" { text += "\nAlways answer in JSON.\n" }
            try text.write(toFile: dir + "/\(stage).prompt", atomically: true, encoding: .utf8)
        }
        let edited = await AskTranslator(name: "pipeline", mode: .cassette, catalog: try EvalFixtures.catalog(), prompts: try PromptSet.load(directory: dir))
            .translate(replayCase, answers: [:], asOf: asOf)
        XCTAssertEqual(edited.outcome.kind, .segment, "still answered; only the header names the new prompt hash")
        XCTAssertEqual(edited.notes, ["1 replay(s) answered a request that changed since recording (prompt edited?); re-record"])
    }

    struct DeadModel: StageModel {
        func complete(_ call: StageCall) async throws -> StageReply { throw EvalSuiteError("connection refused") }
    }

    func testRecordingAgainstADeadProviderFailsAndWritesNothing() async throws {
        let c = try copyCase("001-state-california", withCassette: false)
        let t = AskTranslator(name: "pipeline", mode: .live(DeadModel()), catalog: try EvalFixtures.catalog(), prompts: try prompts(), record: true)
        let a = await t.translate(c, answers: [:], asOf: asOf)
        guard case .failure(let message) = a.outcome else { return XCTFail("\(a.outcome)") }
        XCTAssertTrue(message.contains("connection refused"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: c.directory + "/cassette.json"))
    }

    func testOfflineTranslatorRunsWithoutAnyModel() async throws {
        let t = AskTranslator(name: "offline", mode: .offline, catalog: try EvalFixtures.catalog(), prompts: nil)
        let a = await t.translate(try goldenCase("001-state-california"), answers: [:], asOf: asOf)
        guard case .segment(let text) = a.outcome else { return XCTFail("\(a.outcome)") }
        XCTAssertTrue(text.contains("state = \"CA\""))
        XCTAssertEqual(a.llmCalls, 0)
        let refused = await t.translate(try goldenCase("110-delete-ca"), answers: [:], asOf: asOf)
        guard case .refuse = refused.outcome else { return XCTFail("\(refused.outcome)") }
    }

    func testParsingAskOutput() {
        XCTAssertEqual(AskTranslator.unmappedWords("error: x\ncould not map: \"favourite colour\", \"blue\""), ["favourite colour", "blue"])
        XCTAssertEqual(AskTranslator.unmappedWords("no such line"), [])
        let qs = AskTranslator.questions("{\"questions\": [{\"key\": \"window:recently\", \"kind\": \"window\", \"span\": \"recently\", \"question\": \"?\", \"example\": \"last 30 days\"}]}")
        XCTAssertEqual(qs, [EvalQuestion(key: "window:recently", span: "recently", kind: "window")])
        XCTAssertEqual(AskTranslator.questions("not json"), [])
    }
}

/// The whole golden set through the standard environment, twice: the reports must agree on
/// everything but wall time.
final class EvalSuiteReplayTests: XCTestCase {
    func testTwoCassetteRunsOfTheGoldenSetGiveTheSameReport() async throws {
        var o = EvalOptions(suiteDirectory: EvalFixtures.golden)
        o.offlineTranslator = true
        o.promptsDirectory = EvalFixtures.root + "/prompts"
        o.json = true
        var env = EvalEnvironment.standard
        env.executor = { _, _, _ in try EvalFixtures.demoExecutor() }
        env.progress = { _ in }
        func run() async throws -> EvalReport {
            let out = await EvalDriver.run(o, environment: env)
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            var r = try EvalReport.decode(Array(out.stdout.utf8), path: "stdout")
            for i in r.runs.indices {
                for j in r.runs[i].cases.indices { r.runs[i].cases[j].latencyMs = 0 }
                r.runs[i].summary.latencyMsTotal = 0; r.runs[i].summary.latencyMsP50 = 0; r.runs[i].summary.latencyMsMax = 0
            }
            return r
        }
        let first = try await run()
        let second = try await run()
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.runs.map(\.translator), ["pipeline", "offline"])
        let pipeline = try XCTUnwrap(first.run(named: "pipeline"))
        XCTAssertGreaterThanOrEqual(pipeline.summary.run, 25, "cases with a cassette")
        XCTAssertEqual(pipeline.summary.unsafeCases, 0)
        XCTAssertFalse(pipeline.cases.contains { $0.outcome == "failure" }, "\(pipeline.cases.filter { $0.outcome == "failure" }.map(\.detail))")
        XCTAssertEqual(first.prompts["map"]?.hasPrefix("v"), true)
    }
}
