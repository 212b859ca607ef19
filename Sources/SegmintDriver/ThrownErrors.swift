import SegmintCore
import SegmintStore

// Errors thrown by databases, files and stores reach the user as diagnostics like every other
// error (`segmint: error[CODE]: …`, help line where one helps), through the one renderer.

extension Diagnostic {
    /// A thrown error as one diagnostic with no source position: a database error keeps its own
    /// code and help line; any other error gets `code` and its description.
    static func thrown(_ error: any Error, code: String, help: String? = nil) -> Diagnostic {
        if let e = error as? DatabaseError { return e.diagnostic }
        return .error(code, "\(error)", at: nil, help: help)
    }
}

extension CommandOutput {
    /// A failed command: `before` (warnings already rendered) then the diagnostics, rendered.
    static func failure(_ exitCode: Int32, after before: String, _ diagnostics: [Diagnostic], stdout: String = "") -> CommandOutput {
        var out = CommandOutput.failure(exitCode, diagnostics)
        out.stderr = before + out.stderr
        out.stdout = stdout
        return out
    }
}
