import Foundation
import XCTest
@testable import SegmintLLM
import SegmintTestSupport

/// Millisecond-scale retry settings so the retry tests stay fast.
let fastRetry = RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.04, maxRetryAfter: 5)

/// A fresh temporary directory, removed by the test's teardown.
func temporaryDirectory(_ test: XCTestCase) throws -> String {
    let dir = NSTemporaryDirectory() + "segmint-llm-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    return dir
}

func settings(_ name: String, _ server: FakeLLMServer, kind: ProviderSettings.Kind = .openai,
              model: String = "model-a", key: String? = nil) -> ProviderSettings {
    ProviderSettings(name: name, kind: kind, baseURL: server.baseURL, model: model,
                     apiKey: Secret(key ?? "sk-\(name)-SECRET-0123456789"))
}

/// The lines of a trace file, parsed.
func traceLines(_ path: String) throws -> [[String: Any]] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
    }
}

extension XCTestCase {
    /// Runs `body` and returns the `LLMError` it throws (failing the test if it does not).
    func expectLLMError(file: StaticString = #filePath, line: UInt = #line, _ body: () async throws -> Void) async -> LLMError? {
        do {
            try await body()
            XCTFail("expected an LLMError", file: file, line: line)
        } catch let e as LLMError {
            return e
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }
}
