import XCTest
import SegmintCore
import SegmintCatalog
@testable import SegmintEval

/// Several golden sets in one run: the held-out catalogs' sets (bank, game, iot) are sound
/// (their references score perfectly on their own demo data), the report has one line per
/// catalog with the first-run numbers beside the current ones, and each set is gated by its
/// own baseline.
final class EvalSuitesTests: XCTestCase {
    static let heldOut = ["nl-bank", "nl-game", "nl-iot"].map { EvalFixtures.root + "/golden/" + $0 }

    func environment(_ translator: EvalTranslator) -> EvalEnvironment {
        EvalEnvironment(translators: { _, _, _ in [(translator, llm: "none")] },
                        executor: { o, suite, catalog in try EvalEnvironment.demoExecutor(o, suite, catalog) })
    }

    func testHeldOutReferencesScorePerfectlyOnTheirOwnDemoData() async throws {
        var o = EvalOptions(suiteDirectories: Self.heldOut)
        let dir = EvalFixtures.tempDir()
        o.outPath = dir + "/all.json"
        let out = await EvalDriver.runSuites(o, environment: environment(EchoTranslator()))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let all = try JSONDecoder().decode(EvalSuitesReport.self, from: Data(try FileInput.read(dir + "/all.json")))
        XCTAssertEqual(all.format, "segmint-eval-suites/1")
        XCTAssertEqual(all.reports.map(\.catalog), ["bank@1", "game@1", "iot@1"])
        for report in all.reports {
            let run = try XCTUnwrap(report.run(named: "echo"))
            for c in run.cases where !c.passed { XCTFail("\(report.suite) \(c.id): \(c.detail)") }
            XCTAssertEqual(run.summary.executionAccuracy, 1, report.suite)
            let empty = run.cases.filter { $0.referenceRows == 0 }.count
            XCTAssertLessThanOrEqual(empty, 3, "\(report.suite): references selecting nobody prove little")
            let line = "\(report.catalog) (\(report.suite)) echo: passed \(run.summary.run)/\(run.summary.run) (100.0%)"
            XCTAssertTrue(out.stdout.contains(line), "missing per-catalog line \(line) in\n\(out.stdout)")
            XCTAssertTrue(out.stdout.contains("\(report.suite)) echo:") && out.stdout.contains("vague asked 5/5"), out.stdout)
        }
    }

    /// The sets are what the evaluation promises: at least 40 cases, about a tenth vague
    /// (questions expected), some refusals and some requests the catalog cannot express.
    func testHeldOutSetsHaveTheAgreedShape() throws {
        for dir in Self.heldOut {
            let suite = try EvalSuiteLoader.load(directory: dir)
            let count = { (e: EvalExpectation) in suite.cases.filter { $0.expect == e }.count }
            XCTAssertGreaterThanOrEqual(suite.cases.count, 40, dir)
            XCTAssertGreaterThanOrEqual(Double(count(.clarify)) / Double(suite.cases.count), 0.09, dir)
            XCTAssertGreaterThanOrEqual(count(.refuse), 2, dir)
            XCTAssertGreaterThanOrEqual(count(.ungrounded), 2, dir)
            XCTAssertGreaterThanOrEqual(count(.segment), 30, dir)
            XCTAssertNotNil(suite.transferPath, "\(dir) keeps its first run")
        }
        let iot = CatalogLoader.load(path: EvalFixtures.root + "/catalogs/iot.yaml", sources: SourceMap())
        let catalog = try XCTUnwrap(iot.catalog)
        XCTAssertEqual(catalog.entity.name, "device")
        XCTAssertTrue(catalog.facets.allSatisfy(\.synonyms.isEmpty) && catalog.events.allSatisfy { $0.synonyms.isEmpty && $0.fields.allSatisfy(\.synonyms.isEmpty) },
                      "the iot catalog has no synonyms at all")
    }

    /// The first run's numbers come from `transfer.json` and are printed beside the current
    /// ones for the translator of the same name.
    func testTransferAccuracyIsShownBesideTheCurrentOne() async throws {
        var o = EvalOptions(suiteDirectories: [Self.heldOut[0]])
        o.summaryOnly = true
        o.filter = "00"
        let out = await EvalDriver.runSuites(o, environment: environment(EchoTranslator(name: "offline")))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let first = try EvalReport.decode(try FileInput.read(Self.heldOut[0] + "/transfer.json"), path: "transfer.json")
        let s = try XCTUnwrap(first.run(named: "offline")?.summary)
        XCTAssertTrue(out.stdout.contains("offline translator: passed 9/9 (100.0%)"), out.stdout)
        XCTAssertTrue(out.stdout.contains("  transfer (first run): passed \(s.passed)/\(s.run) "), out.stdout)
    }

    /// `--baselines` gates each set against the baseline.json in its own directory: running
    /// only a few cases is fewer cases than each baseline ran, so every set's gate fails.
    func testEachSuiteIsGatedByItsOwnBaseline() async throws {
        var o = EvalOptions(suiteDirectories: Array(Self.heldOut.prefix(2)))
        o.ownBaselines = true
        o.filter = "00"
        o.summaryOnly = true
        let out = await EvalDriver.runSuites(o, environment: environment(EchoTranslator(name: "offline")))
        XCTAssertEqual(out.exitCode, 1, out.stdout + out.stderr)
        XCTAssertEqual(out.stdout.components(separatedBy: "baseline comparison: offline").count - 1, 2, out.stdout)
    }

    func testDirectoriesOfSuitesExpandAndMistakesAreUsageErrors() async throws {
        let all = try EvalDriver.expandSuites([EvalFixtures.root + "/golden"])
        XCTAssertEqual(all.map { ($0 as NSString).lastPathComponent }.prefix(4), ["nl", "nl-bank", "nl-game", "nl-iot"])
        XCTAssertThrowsError(try EvalDriver.expandSuites([]))
        XCTAssertThrowsError(try EvalDriver.expandSuites([EvalFixtures.root + "/nonexistent"]))

        var o = EvalOptions(suiteDirectories: Self.heldOut)
        o.baselinePath = Self.heldOut[0] + "/baseline.json"
        let out = await EvalDriver.runSuites(o, environment: environment(EchoTranslator()))
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("--baselines"), out.stderr)
        let none = await EvalDriver.runSuites(EvalOptions(suiteDirectories: [EvalFixtures.root + "/catalogs"]), environment: environment(EchoTranslator()))
        XCTAssertEqual(none.exitCode, 2)
        XCTAssertTrue(none.stderr.contains("no suite.json"), none.stderr)
    }
}
