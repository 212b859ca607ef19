import Foundation
import SegmintLLM

/// `segmint llm ping [--provider NAME] [--config FILE]`: sends a tiny request to each configured
/// provider (or only `provider`) and reports latency or the classified error. Exit 0 when every
/// provider answered, 2 when one failed or the configuration is unusable.
public func runLLMPing(configPath: String? = nil, provider: String? = nil,
                       environment: [String: String] = ProcessInfo.processInfo.environment,
                       workingDirectory: String = FileManager.default.currentDirectoryPath) -> CommandOutput {
    let report = runBlocking(fallback: LLMPing.Report(exitCode: 2, stdout: "", stderr: "error: ping did not complete\n")) {
        await LLMPing.run(configPath: configPath, provider: provider, environment: environment, workingDirectory: workingDirectory)
    }
    return CommandOutput(exitCode: report.exitCode, stdout: report.stdout, stderr: report.stderr)
}

/// Waits for async work from synchronous command code. The work runs on Swift's cooperative pool
/// while the calling (non-pool) thread blocks, so this must not be called from async code.
func runBlocking<T: Sendable>(fallback: T, _ work: @escaping @Sendable () async -> T) -> T {
    let box = BlockingBox(fallback)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        box.value = await work()
        done.signal()
    }
    done.wait()
    return box.value
}

/// Carries a result out of the detached task; the semaphore orders the write before the read.
private final class BlockingBox<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
}
