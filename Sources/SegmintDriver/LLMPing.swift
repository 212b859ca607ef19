import Foundation
import SegmintCore
import SegmintLLM

/// `segmint llm ping [--provider NAME] [--config FILE]`: sends a tiny request to each configured
/// provider (or only `provider`) and reports latency or the classified error. Exit 0 when every
/// provider answered, 2 when one failed or the configuration is unusable. `format: "json"`
/// prints the report as one object.
public func runLLMPing(configPath: String? = nil, provider: String? = nil,
                       environment: [String: String] = ProcessInfo.processInfo.environment,
                       workingDirectory: String = FileManager.default.currentDirectoryPath, format: String = "human") -> CommandOutput {
    guard format == "human" || format == "json" else {
        return .usage(CLICode.usage, "unknown format \"\(format)\"", help: "use human or json")
    }
    let report = runBlocking(fallback: LLMPing.Report(exitCode: 2, stdout: "",
                                                                stderr: CommandOutput.failure(2, [.error(CLICode.unfinished, "ping did not complete", at: nil)]).stderr)) {
        await LLMPing.run(configPath: configPath, provider: provider, environment: environment, workingDirectory: workingDirectory,
                          json: format == "json")
    }
    return CommandOutput(exitCode: report.exitCode, stdout: report.stdout, stderr: report.stderr)
}
