import SegmintCore
import SegmintEval

/// `segmint eval DIR… …`: the suites run with the real parts (`EvalEnvironment.standard`), waited
/// for from the synchronous command.
public func runEval(_ options: EvalOptions) -> CommandOutput {
    runBlocking(fallback: .failure(2, [.error(CLICode.unfinished, "eval did not finish", at: nil)])) {
        await EvalDriver.runSuites(options, environment: .standard)
    }
}
