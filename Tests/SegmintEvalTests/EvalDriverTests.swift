import XCTest
import SegmintCore
import SegmintCatalog
@testable import SegmintEval

/// Answers every case the way the golden set expects: the reference itself for segment cases.
/// Run over the real golden set and demo data it proves the references check, compile and run.
struct EchoTranslator: EvalTranslator {
    var name = "echo"
    func canRun(_ c: EvalCase) -> Bool { true }
    func translate(_ c: EvalCase, answers: [String: String], asOf: CivilDate) async -> EvalAttempt {
        switch c.expect {
        case .segment: return EvalAttempt(outcome: .segment(c.reference ?? ""))
        case .clarify:
            if !answers.isEmpty, let a = c.answered { return EvalAttempt(outcome: .segment(a)) }
            return EvalAttempt(outcome: .clarify(c.clarify.map { EvalQuestion(key: "\($0.kind):\($0.span)", span: $0.span, kind: $0.kind) }))
        case .refuse: return EvalAttempt(outcome: .refuse(reason: "out of scope"))
        case .ungrounded: return EvalAttempt(outcome: .ungrounded(words: c.unmapped, message: ""))
        }
    }
}

final class EvalDriverTests: XCTestCase {
    func environment(_ translators: [(EvalTranslator, llm: String)], database: Bool = true) -> EvalEnvironment {
        EvalEnvironment(
            translators: { _, _, _ in translators },
            executor: { _, _, _ in database ? try EvalFixtures.demoExecutor() : nil })
    }

    func testReferencesRunOnTheDemoDataAndScorePerfectly() async throws {
        var o = EvalOptions(suiteDirectory: EvalFixtures.golden)
        let dir = EvalFixtures.tempDir()
        o.outPath = dir + "/report.json"
        let out = await EvalDriver.run(o, environment: environment([(EchoTranslator(), llm: "none")]))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let report = try EvalReport.decode(try FileInput.read(dir + "/report.json"), path: "report.json")
        let run = try XCTUnwrap(report.run(named: "echo"))
        for c in run.cases where !c.passed { XCTFail("\(c.id): \(c.detail)") }
        XCTAssertEqual(run.summary.executionAccuracy, 1)
        XCTAssertEqual(run.summary.exactAccuracy, 1)
        XCTAssertEqual(run.summary.segmentCases, 69)
        XCTAssertEqual(run.summary.unsafeCases, 0)
        // The references are hand-written without tags: as LLM output every one is ungrounded.
        XCTAssertEqual(run.summary.groundedSegments, 0)
        // A reference that selects nobody proves little by execution.
        let empty = run.cases.filter { $0.referenceRows == 0 }.map(\.id)
        XCTAssertEqual(empty, ["119-injection-value"], "only the injection case, whose point is safety, selects nobody")
        XCTAssertTrue(out.stdout.contains("echo: passed 88/88 (100.0%), execution 69/69 (100.0%)"), out.stdout)
    }

    func testExecutionMatchSeesTwoValuedLogicOnTheDemoData() throws {
        let suite = try EvalSuiteLoader.load(directory: EvalFixtures.golden)
        let catalog = try EvalFixtures.catalog()
        let executor = try EvalFixtures.demoExecutor()
        let scorer = EvalScorer(catalog: catalog, executor: executor)
        let c = try XCTUnwrap(suite.cases.first { $0.id == "075-except-states" })
        // Drops customers with no state, which the exclusion keeps.
        let notIn = scorer.score(c, attempt: EvalAttempt(outcome: .segment("segment s { include { state not in [\"AK\", \"HI\"] } }")), latencyMs: 1)
        XCTAssertEqual(notIn.executionMatch, false, "\(notIn.detail)")
        XCTAssertLessThan(notIn.producedRows ?? 0, notIn.referenceRows ?? 0)
        // `not state in [...]` is true when state is missing: the same customers as the exclusion.
        let not = scorer.score(c, attempt: EvalAttempt(outcome: .segment("segment s { include { not state in [\"AK\", \"HI\"] } }")), latencyMs: 1)
        XCTAssertEqual(not.executionMatch, true, "\(not.detail)")
        XCTAssertEqual(not.exactMatch, false)
    }

    func testFiscalQuarterAndItsDatesAreAnExecutionMatch() throws {
        let suite = try EvalSuiteLoader.load(directory: EvalFixtures.golden)
        let catalog = try EvalFixtures.catalog()
        let executor = try EvalFixtures.demoExecutor()
        let scorer = EvalScorer(catalog: catalog, executor: executor)
        let c = try XCTUnwrap(suite.cases.first { $0.id == "048-fq1-as-dates" })
        let fq = scorer.score(c, attempt: EvalAttempt(outcome: .segment("segment s { include { has purchase during fiscal_quarter 2026 Q1 } }")), latencyMs: 1)
        XCTAssertEqual(fq.executionMatch, true, "\(fq.detail)")
        XCTAssertEqual(fq.exactMatch, false)
        // Calendar Q1 2025 is not fiscal Q1 2026.
        let cal = scorer.score(c, attempt: EvalAttempt(outcome: .segment("segment s { include { has purchase during 2025-01-01 to 2025-03-31 } }")), latencyMs: 1)
        XCTAssertEqual(cal.executionMatch, false)
    }

    /// A translator that gets one named case wrong (a different state), else echoes.
    struct OneWrong: EvalTranslator {
        var name = "echo"
        var wrong: String
        func canRun(_ c: EvalCase) -> Bool { true }
        func translate(_ c: EvalCase, answers: [String: String], asOf: CivilDate) async -> EvalAttempt {
            if c.id == wrong { return EvalAttempt(outcome: .segment("segment s { include { state = \"TX\" } }")) }
            return await EchoTranslator().translate(c, answers: answers, asOf: asOf)
        }
    }

    func testBaselineGateFailsOnARegressionAndPassesOnTheSameRun() async throws {
        let dir = EvalFixtures.tempDir()
        var o = EvalOptions(suiteDirectory: EvalFixtures.golden)
        o.filter = "00"   // cases 001..009: quick
        o.outPath = dir + "/baseline.json"
        let first = await EvalDriver.run(o, environment: environment([(EchoTranslator(), llm: "none")]))
        XCTAssertEqual(first.exitCode, 0, first.stderr)

        var again = o
        again.outPath = nil
        again.baselinePath = dir + "/baseline.json"
        let same = await EvalDriver.run(again, environment: environment([(EchoTranslator(), llm: "none")]))
        XCTAssertEqual(same.exitCode, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("gate: passed"), same.stdout)

        let worse = await EvalDriver.run(again, environment: environment([(OneWrong(wrong: "001-state-california"), llm: "none")]))
        XCTAssertEqual(worse.exitCode, 1)
        XCTAssertTrue(worse.stdout.contains("regression 001-state-california: passed yes -> no"), worse.stdout)
        XCTAssertTrue(worse.stdout.contains("execution_accuracy: 1 -> 0.8889  REGRESSION (gated)"), worse.stdout)
        XCTAssertTrue(worse.stdout.contains("gate: FAILED"), worse.stdout)
    }

    func testUsageAndIOErrorsExitTwo() async throws {
        let env = environment([(EchoTranslator(), llm: "none")], database: false)
        var o = EvalOptions(suiteDirectory: EvalFixtures.golden)
        o.noPipeline = true
        var out = await EvalDriver.run(o, environment: env)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertEqual(out.stderr, "segmint: error: --no-pipeline needs --offline-translator (nothing would run)\n")

        o = EvalOptions(suiteDirectory: EvalFixtures.golden)
        o.baselinePath = "/nonexistent/baseline.json"
        out = await EvalDriver.run(o, environment: env)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.hasPrefix("segmint: error: cannot read /nonexistent/baseline.json"), out.stderr)

        o = EvalOptions(suiteDirectory: EvalFixtures.golden)
        o.filter = "no-such-case"
        out = await EvalDriver.run(o, environment: env)
        XCTAssertEqual(out.exitCode, 2)

        o = EvalOptions(suiteDirectory: "/nonexistent")
        out = await EvalDriver.run(o, environment: env)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("/nonexistent/suite.json"), out.stderr)
    }

    func testWithoutADatabaseTheExactMatchDecidesAndTheNoteSaysSo() async throws {
        var o = EvalOptions(suiteDirectory: EvalFixtures.golden)
        o.filter = "00"
        o.json = true
        let out = await EvalDriver.run(o, environment: environment([(EchoTranslator(), llm: "none")], database: false))
        XCTAssertEqual(out.exitCode, 0)
        XCTAssertTrue(out.stderr.contains("no database; execution match not measured"), out.stderr)
        let report = try EvalReport.decode(Array(out.stdout.utf8), path: "stdout")
        XCTAssertEqual(report.runs.first?.summary.exactAccuracy, 1)
        XCTAssertEqual(report.runs.first?.summary.executionMatches, 0)
        XCTAssertEqual(report.asOf, "2026-03-01")
        XCTAssertEqual(report.catalog, "retail@3")
    }
}
