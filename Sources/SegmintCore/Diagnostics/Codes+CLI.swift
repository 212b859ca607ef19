extension DiagnosticRegistry {
    /// E11xx/W11xx/N11xx: the command line and usage (arguments, options, subcommands).
    static let cliCodes: [DiagnosticCodeEntry] = [
    ]
}
