/// Diagnostic codes of the command line itself (range E11xx): argument errors and inputs named
/// on the command line. Every other code belongs to the stage that finds the problem.
public enum CLICode {
    /// An argument the command cannot take: unknown option, missing value, bad value.
    public static let usage = "E1101"
    /// A subcommand that does not exist (`segmint chek`).
    public static let unknownCommand = "E1102"
    /// A directory argument that holds no `.seg` file.
    public static let emptyDirectory = "E1103"
    /// No catalog: neither `--catalog` nor a default.
    public static let noCatalog = "E1104"
    /// `-` (standard input) named for two inputs; it can be read only once.
    public static let stdinTwice = "E1105"
    /// A file the command writes (`fmt` in place, `overlap --svg`, `ask --out`) cannot be written.
    public static let cannotWrite = "E1107"
    /// The command's work ended without a result.
    public static let unfinished = "E1108"
}
