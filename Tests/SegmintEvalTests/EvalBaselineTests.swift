import XCTest
@testable import SegmintEval

final class EvalBaselineTests: XCTestCase {
    func report(_ cases: [EvalCaseResult]) -> EvalReport {
        EvalReport(suite: "s", catalog: "retail@3", asOf: "2026-03-01", runs: [EvalRun(translator: "offline", llm: "none", cases: cases)])
    }

    let base = [
        EvalFixtures.result("a", passed: true, exec: true, exact: true),
        EvalFixtures.result("b", passed: false, exec: false, exact: false),
        EvalFixtures.result("c", passed: true, exec: true, exact: false),
    ]

    func testFlagsARegressionAndFailsTheGate() {
        var cur = base
        cur[0] = EvalFixtures.result("a", passed: false, exec: false, exact: false, grounding: 1)
        let cmp = EvalComparison.compare(current: report(cur), baseline: report(base))
        let run = cmp.runs[0]
        let exec = run.metrics.first { $0.metric == "execution_accuracy" }
        XCTAssertEqual(exec?.status, .regression)
        XCTAssertEqual(exec?.baseline, 0.6667)
        XCTAssertEqual(exec?.current, 0.3333)
        XCTAssertEqual(run.metrics.first { $0.metric == "grounding_rate" }?.status, .regression)
        XCTAssertEqual(run.cases.map(\.id), ["a"])
        XCTAssertEqual(run.cases.first?.status, .regression)
        XCTAssertTrue(run.cases.first?.changes.contains("passed yes -> no") ?? false)
        XCTAssertTrue(cmp.gateFailed)
        XCTAssertTrue(EvalTable.render(cmp).contains("gate: FAILED (offline execution_accuracy 0.6667 -> 0.3333"), EvalTable.render(cmp))
    }

    func testTagLevelChangesAreListed() {
        let tagged = [
            EvalFixtures.result("a", passed: true, exec: true, exact: true, tags: ["fiscal"]),
            EvalFixtures.result("b", passed: true, exec: true, exact: true, tags: ["synonym"]),
        ]
        var cur = tagged
        cur[0] = EvalFixtures.result("a", passed: false, exec: false, exact: false, tags: ["fiscal"])
        let cmp = EvalComparison.compare(current: report(cur), baseline: report(tagged))
        XCTAssertEqual(cmp.runs[0].tags, [EvalTagChange(tag: "fiscal", baseline: EvalTagScore(run: 1, passed: 1),
                                                       current: EvalTagScore(run: 1, passed: 0), status: .regression)])
        XCTAssertTrue(EvalTable.render(cmp).contains("  tag fiscal: passed 1/1 -> 0/1  regression\n"), EvalTable.render(cmp))
    }

    func testFlagsAnImprovementAndPassesTheGate() {
        var cur = base
        cur[1] = EvalFixtures.result("b", passed: true, exec: true, exact: true)
        let cmp = EvalComparison.compare(current: report(cur), baseline: report(base))
        let run = cmp.runs[0]
        XCTAssertEqual(run.metrics.first { $0.metric == "execution_accuracy" }?.status, .improvement)
        XCTAssertEqual(run.metrics.first { $0.metric == "exact_accuracy" }?.status, .improvement)
        XCTAssertEqual(run.cases, [EvalCaseChange(id: "b", status: .improvement, changes: ["passed no -> yes", "execution no -> yes", "exact no -> yes"])])
        XCTAssertFalse(cmp.gateFailed)
        XCTAssertTrue(EvalTable.render(cmp).hasSuffix("gate: passed\n"))
    }

    func testUnchangedReportPassesAndLatencyAloneIsNoChange() {
        var cur = base
        cur[0].latencyMs = 500
        cur[2].latencyMs = 500
        let cmp = EvalComparison.compare(current: report(cur), baseline: report(base))
        XCTAssertTrue(cmp.runs[0].cases.isEmpty)
        XCTAssertEqual(cmp.runs[0].metrics.first { $0.metric == "latency_ms_p50" }?.status, .changed)
        XCTAssertFalse(cmp.gateFailed)
    }

    func testFewerCasesRunIsAGatedRegressionEvenIfRatesRise() {
        var cur = base
        cur[1] = EvalCaseResult(id: "b", expect: "segment", tags: [], outcome: "skipped")
        let cmp = EvalComparison.compare(current: report(cur), baseline: report(base))
        XCTAssertEqual(cmp.runs[0].metrics.first { $0.metric == "run" }?.status, .regression)
        XCTAssertEqual(cmp.runs[0].cases.first?.changes.first, "now skipped")
        XCTAssertTrue(cmp.gateFailed)
    }

    func testNewUnsafeOutputFailsTheGate() {
        var cur = base
        cur[1] = EvalFixtures.result("b", passed: false, exec: false, exact: false, unsafe: true)
        let cmp = EvalComparison.compare(current: report(cur), baseline: report(base))
        XCTAssertEqual(cmp.runs[0].gateFailures.map(\.metric), ["unsafe"])
    }

    func testMissingRunFailsTheGate() {
        let current = EvalReport(suite: "s", catalog: "retail@3", asOf: "2026-03-01", runs: [])
        let cmp = EvalComparison.compare(current: current, baseline: report(base))
        XCTAssertEqual(cmp.missingRuns, ["offline"])
        XCTAssertTrue(cmp.gateFailed)
    }
}
