
/// What a command produced, without touching the process: the executable prints it and exits;
/// tests compare it. Exit codes: 0 success, 1 problems found in the input (errors), 2 usage or
/// I/O error (missing file, bad URL, unreachable database); `ask` also uses 3 and 4.
public struct CommandOutput: Sendable, Equatable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
    public init(exitCode: Int32, stdout: String = "", stderr: String = "") {
        self.exitCode = exitCode; self.stdout = stdout; self.stderr = stderr
    }

    /// Diagnostics with no place in a source (usage errors, unreadable inputs), rendered on
    /// stderr the one way every error is rendered (`segmint: error: …` and its help line).
    public static func failure(_ exitCode: Int32, _ diagnostics: [Diagnostic]) -> CommandOutput {
        CommandOutput(exitCode: exitCode, stderr: DiagnosticRenderer(sources: SourceMap()).human(diagnostics))
    }

    /// A usage error (exit 2).
    public static func usage(_ code: String, _ message: String, help: String? = nil) -> CommandOutput {
        failure(2, [.error(code, message, at: nil, help: help)])
    }
}

/// A list for one line of a message: the first `limit` items, then "… and N more", so an input
/// with thousands of names does not print them all.
public func listText(_ items: [String], limit: Int = 10, separator: String = ", ") -> String {
    guard items.count > limit else { return items.joined(separator: separator) }
    return items.prefix(limit).joined(separator: separator) + "\(separator)… and \(items.count - limit) more"
}
