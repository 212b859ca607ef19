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
}
