import SegmintCore

/// A CommandOutput carried through `Result`.
struct CommandOutputError: Error { var output: CommandOutput }

extension Result where Failure == CommandOutputError {
    /// Unwraps a success, or hands back the command output of a failure.
    var output: CommandOutput? { if case .failure(let e) = self { return e.output }; return nil }
}
