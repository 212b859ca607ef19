import XCTest
@testable import SegmintEval

final class EvalReportTests: XCTestCase {
    /// Four cases: a full match, a wrong segment with grounding problems, a correct refusal and a
    /// case that was not run. The expected numbers are counted by hand from that list.
    func results() -> [EvalCaseResult] {
        [
            EvalFixtures.result("a", passed: true, exec: true, exact: true, tags: ["single", "enum"], latency: 4, llmCalls: 3),
            EvalFixtures.result("b", passed: false, exec: false, exact: false, grounding: 2, tags: ["multi", "enum"], latency: 10, llmCalls: 5),
            EvalFixtures.result("c", expect: "refuse", outcome: "refuse", passed: true, tags: ["refuse"], latency: 2, llmCalls: 1),
            EvalCaseResult(id: "d", expect: "segment", tags: ["single"], outcome: "skipped"),
        ]
    }

    func testSummaryCountsOnlyCasesThatRan() {
        let s = EvalSummary.compute(results())
        XCTAssertEqual(s.cases, 4)
        XCTAssertEqual(s.run, 3)
        XCTAssertEqual(s.skipped, 1)
        XCTAssertEqual(s.passed, 2)
        XCTAssertEqual(s.accuracy, 0.6667)
        XCTAssertEqual(s.segmentCases, 2)
        XCTAssertEqual(s.executionMatches, 1)
        XCTAssertEqual(s.executionAccuracy, 0.5)
        XCTAssertEqual(s.exactAccuracy, 0.5)
        XCTAssertEqual(s.producedSegments, 2)
        XCTAssertEqual(s.groundedSegments, 1)
        XCTAssertEqual(s.groundingRate, 0.5)
        XCTAssertEqual(s.groundingViolations, 2)
        XCTAssertEqual(s.llmCalls, 9)
        XCTAssertEqual(s.latencyMsTotal, 16)
        XCTAssertEqual(s.latencyMsP50, 4)
        XCTAssertEqual(s.latencyMsMax, 10)
        XCTAssertEqual(s.unsafeCases, 0)
    }

    func testGroundingRateIsPerfectWhenNothingWasProduced() {
        let s = EvalSummary.compute([EvalFixtures.result("r", expect: "refuse", outcome: "refuse", passed: true)])
        XCTAssertEqual(s.producedSegments, 0)
        XCTAssertEqual(s.groundingRate, 1)
        XCTAssertEqual(s.executionAccuracy, 0, "no segment case: nothing to be accurate about")
    }

    func testTagScores() {
        let t = EvalTagScore.compute(results())
        XCTAssertEqual(t["enum"], EvalTagScore(run: 2, passed: 1))
        XCTAssertEqual(t["single"], EvalTagScore(run: 1, passed: 1), "the skipped case is not counted")
        XCTAssertEqual(t["refuse"], EvalTagScore(run: 1, passed: 1))
    }

    func testReportJSONRoundTripsWithSnakeCaseKeys() throws {
        let report = EvalReport(suite: "golden/nl", catalog: "retail@3", asOf: "2026-03-01",
                                prompts: ["map": "1"], runs: [EvalRun(translator: "offline", llm: "none", cases: results())])
        let json = try report.json()
        XCTAssertTrue(json.contains("\"execution_accuracy\" : 0.5"), json)
        XCTAssertTrue(json.contains("\"outcome_ok\""))
        XCTAssertTrue(json.contains("\"by_tag\""))
        XCTAssertTrue(json.contains("\"unsafe\" : false"))
        let back = try EvalReport.decode(Array(json.utf8), path: "r.json")
        XCTAssertEqual(back, report)
        XCTAssertEqual(try back.json(), json, "encoding is deterministic")
    }

    func testDecodeRejectsOtherFormats() {
        XCTAssertThrowsError(try EvalReport.decode(Array("{\"format\": \"x\"}".utf8), path: "b.json")) { e in
            XCTAssertTrue("\(e)".contains("b.json"), "\(e)")
        }
        XCTAssertThrowsError(try EvalReport.decode(Array("not json".utf8), path: "c.json")) { e in
            XCTAssertTrue("\(e)".contains("c.json: not an eval report"), "\(e)")
        }
    }

    func testTableHasOneSummaryLinePerRunAndNamesTheOfflineTranslator() {
        let report = EvalReport(suite: "golden/nl", catalog: "retail@3", asOf: "2026-03-01", runs: [
            EvalRun(translator: "pipeline", llm: "cassette", cases: results()),
            EvalRun(translator: "offline", llm: "none", cases: results()),
        ])
        let text = EvalTable.render(report)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("offline translator: passed 2/3 (66.7%), execution 1/2 (50.0%)") }, text)
        XCTAssertTrue(lines.contains { $0.hasPrefix("pipeline: passed 2/3 (66.7%)") }, text)
        XCTAssertTrue(text.contains("1 skipped"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("b ") && $0.contains(" no ") }, text)
    }
}
