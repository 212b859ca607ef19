import SegmintCore
import SegmintEval

/// `segmint eval DIR… …`: the suites run with the real parts (`EvalEnvironment.standard`), waited
/// for from the synchronous command.
public func runEval(_ options: EvalOptions) -> CommandOutput {
    runBlocking(fallback: CommandOutput(exitCode: 2, stderr: "segmint: error: eval did not finish\n")) {
        await EvalDriver.runSuites(options, environment: .standard)
    }
}
