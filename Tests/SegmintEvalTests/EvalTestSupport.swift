import Foundation
import XCTest
import SegmintCore
import SegmintCatalog
@testable import SegmintEval

/// Paths and builders shared by the eval tests.
enum EvalFixtures {
    /// The package root, found from this file's path (tests run from any directory).
    static var root: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }
    static var golden: String { root + "/golden/nl" }

    static func tempDir() -> String {
        let d = NSTemporaryDirectory() + "segmint-eval-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    static func result(_ id: String, expect: String = "segment", outcome: String = "segment", passed: Bool,
                       exec: Bool? = nil, exact: Bool? = nil, grounding: Int = 0, unsafe: Bool = false,
                       tags: [String] = [], latency: Double = 1, llmCalls: Int = 0) -> EvalCaseResult {
        EvalCaseResult(id: id, expect: expect, tags: tags, outcome: outcome, outcomeOk: passed, passed: passed,
                       exactMatch: exact, executionMatch: exec, groundingViolations: grounding,
                       llmCalls: llmCalls, latencyMs: latency, unsafeOutput: unsafe)
    }
}

/// A translator that answers from a script: first-round outcomes and outcomes once answered.
struct ScriptedTranslator: EvalTranslator {
    var name = "scripted"
    var outcomes: [String: EvalOutcome]
    var answered: [String: EvalOutcome] = [:]
    var calls = 2

    func canRun(_ c: EvalCase) -> Bool { outcomes[c.id] != nil }
    func translate(_ c: EvalCase, answers: [String: String], asOf: CivilDate) async -> EvalAttempt {
        let o = answers.isEmpty ? outcomes[c.id] : answered[c.id]
        return EvalAttempt(outcome: o ?? .failure("no script"), llmCalls: calls)
    }
}

/// An executor that "selects" customers by looking the segment's canonical text up in a table,
/// so execution match can be tested without a database.
final class TableExecutor: EvalExecutor {
    var table: [String: Set<String>]
    init(_ table: [String: Set<String>]) { self.table = table }
    func keys(of compiled: EvalCompiled) throws -> Set<String> {
        guard let s = compiled.segment, compiled.errors.isEmpty else { throw EvalExecutionError("not checked") }
        guard let k = table[EvalCanonical.key(s)] else { throw EvalExecutionError("no rows for \(EvalCanonical.key(s))") }
        return k
    }
}

extension EvalFixtures {
    /// The golden set's demo database, generated once for all tests (it takes seconds in debug).
    nonisolated(unsafe) private static var sharedExecutor: EvalExecutor?
    private static let executorLock = NSLock()
    static func demoExecutor() throws -> EvalExecutor {
        try executorLock.withLock {
            if let e = sharedExecutor { return e }
            let suite = try EvalSuiteLoader.load(directory: golden)
            let e = try EvalEnvironment.demoExecutor(EvalOptions(suiteDirectory: golden), suite, try catalog())
            sharedExecutor = e
            return e
        }
    }

    static func catalog() throws -> Catalog {
        let loaded = CatalogLoader.load(path: root + "/catalogs/retail.yaml", sources: SourceMap())
        return try XCTUnwrap(loaded.catalog, "\(loaded.diagnostics)")
    }
}
