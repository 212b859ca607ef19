import Foundation
@testable import SegmintDriver

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
