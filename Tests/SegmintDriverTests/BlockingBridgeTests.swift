import XCTest
import SegmintCore

/// The one sync-over-async bridge the synchronous commands use (`runBlocking`).
final class BlockingBridgeTests: XCTestCase {
    /// The async value comes back, not the fallback, even when the work suspends on the way.
    func testReturnsTheValueOfWorkThatSuspends() {
        let value = runBlocking(fallback: -1) { () async -> Int in
            try? await Task.sleep(nanoseconds: 20_000_000)
            await Task.yield()
            return 42
        }
        XCTAssertEqual(value, 42)
    }

    /// Work that fans out into child tasks on the cooperative pool completes while the caller waits.
    func testWaitsForConcurrentChildTasks() {
        let total = runBlocking(fallback: 0) { () async -> Int in
            await withTaskGroup(of: Int.self) { group in
                for i in 1...50 { group.addTask { i } }
                return await group.reduce(0, +)
            }
        }
        XCTAssertEqual(total, 1275)
    }

    /// Command output passes through unchanged (what `eval`, `ask` and `llm ping` rely on).
    func testCarriesCommandOutput() {
        let out = runBlocking(fallback: CommandOutput(exitCode: 2, stderr: "fallback\n")) {
            CommandOutput(exitCode: 0, stdout: "ok\n")
        }
        XCTAssertEqual(out, CommandOutput(exitCode: 0, stdout: "ok\n"))
    }
}
