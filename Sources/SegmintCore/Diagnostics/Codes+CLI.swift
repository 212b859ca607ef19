extension DiagnosticRegistry {
    /// E11xx/W11xx/N11xx: the command line and usage (arguments, options, subcommands).
    static let cliCodes: [DiagnosticCodeEntry] = [
        .error("E1101", "invalid arguments",
               explanation: "The command cannot take its arguments: an unknown option, an option without its value, a value out of the option's list, a missing argument. The help line shows the command's usage.",
               example: "segmint check segments.seg --catalog catalog.yaml --format xml",
               fix: "segmint check segments.seg --catalog catalog.yaml --format json"),
        .error("E1102", "unknown command",
               explanation: "The first word is not a subcommand of segmint; a close one is suggested.",
               example: "segmint chek segments.seg --catalog catalog.yaml",
               fix: "segmint check segments.seg --catalog catalog.yaml"),
        .error("E1103", "directory without segment files",
               explanation: "A directory given as an input holds no `.seg` file (directories are searched recursively).",
               example: "segmint check docs/ --catalog catalog.yaml",
               fix: "segmint check segments/ --catalog catalog.yaml"),
        .error("E1104", "no catalog",
               explanation: "The command needs a catalog and none was given. In order of precedence: `--catalog PATH`, the `SEGMINT_CATALOG` variable, or `catalog:` in the nearest `segmint.yaml` (docs/project.md).",
               example: "segmint check segments.seg",
               fix: "segmint check segments.seg --catalog catalog.yaml"),
        .error("E1105", "standard input named twice",
               explanation: "`-` reads standard input, which can be read only once; it cannot stand for both a file and the catalog.",
               example: "segmint check - --catalog - < segments.seg",
               fix: "segmint check - --catalog catalog.yaml < segments.seg"),
    ]
}
