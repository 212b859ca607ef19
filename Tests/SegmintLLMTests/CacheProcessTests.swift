import Foundation
import XCTest
@testable import SegmintLLM

/// Several processes filling one cache at once: none may lose an entry or corrupt the file.
/// The children are this test binary again, running only `testChildWriter` with the environment
/// telling it where to write and which keys are its own.
final class CacheProcessTests: XCTestCase {
    static let childDirVar = "SEGMINT_CACHE_CHILD_DIR"
    static let childIdVar = "SEGMINT_CACHE_CHILD_ID"
    static let entriesPerChild = 60

    static func response(child: Int, entry: Int) -> LLMResponse {
        LLMResponse(text: "child \(child) entry \(entry) " + String(repeating: "x", count: 200), model: "m", provider: "p",
                    usage: TokenUsage(promptTokens: child, completionTokens: entry))
    }

    func testConcurrentProcessesShareTheCache() throws {
        let dir = try temporaryDirectory(self) + "/shared-cache"
        let binary = try XCTUnwrap(ProcessInfo.processInfo.arguments.first)
        let children = 4
        var processes: [Process] = []
        for child in 0..<children {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = ["SegmintLLMTests.CacheProcessTests/testChildWriter"]
            var env = ProcessInfo.processInfo.environment
            env[Self.childDirVar] = dir
            env[Self.childIdVar] = String(child)
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            processes.append(p)
        }
        // Start all before waiting on any, so their writes overlap.
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus), Array(repeating: 0, count: children))

        let cache = try ResponseCache(directory: dir)
        XCTAssertEqual(try cache.integrityCheck(), "ok")
        XCTAssertEqual(try cache.count(), children * Self.entriesPerChild)
        var wrong: [String] = []
        for child in 0..<children {
            for entry in 0..<Self.entriesPerChild where cache.lookup("child-\(child)-\(entry)") != Self.response(child: child, entry: entry) {
                wrong.append("child-\(child)-\(entry)")
            }
        }
        XCTAssertEqual(wrong, [], "entries lost or altered")
    }

    /// The child's work; skipped unless started by `testConcurrentProcessesShareTheCache`.
    func testChildWriter() throws {
        let env = ProcessInfo.processInfo.environment
        guard let dir = env[Self.childDirVar], let child = env[Self.childIdVar].flatMap({ Int($0) }) else {
            throw XCTSkip("runs only as a child process of testConcurrentProcessesShareTheCache")
        }
        let cache = try ResponseCache(directory: dir)
        for entry in 0..<Self.entriesPerChild {
            XCTAssertTrue(cache.store(key: "child-\(child)-\(entry)", model: "m", response: Self.response(child: child, entry: entry)))
            // Read while others write: WAL readers must see committed rows, including our own.
            XCTAssertNotNil(cache.lookup("child-\(child)-\(entry)"))
        }
        XCTAssertEqual(cache.failedStores, 0)
    }
}
