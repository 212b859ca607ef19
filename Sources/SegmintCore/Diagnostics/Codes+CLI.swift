extension DiagnosticRegistry {
    /// E11xx/W11xx/N11xx: the command line and usage (arguments, options, subcommands).
    static let cliCodes: [DiagnosticCodeEntry] = [
        .error("E1101", "invalid arguments",
               explanation: "The command line does not fit the command: an unknown option, an option without its value, a value outside the option's list (`--format`, `--color`), or a missing required option. The help line shows the command's usage (exit status 2).",
               example: "segmint check a.seg --catalog catalog.yaml --format yaml",
               fix: "segmint check a.seg --catalog catalog.yaml --format json"),
        .error("E1102", "unknown command",
               explanation: "The word after `segmint` (or after a command group such as `catalog`) is not a command; the help line suggests the closest one and lists them all.",
               example: "segmint chek a.seg --catalog catalog.yaml",
               fix: "segmint check a.seg --catalog catalog.yaml"),
        .error("E1103", "directory holds no .seg files",
               explanation: "A directory given as a FILE argument stands for every `.seg` file under it (recursively, sorted, hidden entries skipped); this one holds none, which is almost always the wrong directory.",
               example: "segmint check docs/ --catalog catalog.yaml",
               fix: "segmint check segments/ --catalog catalog.yaml"),
        .error("E1104", "no catalog given",
               explanation: "The command needs a catalog to check names and types against, and none was given. In order of precedence: `--catalog PATH`, the `SEGMINT_CATALOG` variable, or `catalog:` in the nearest `segmint.yaml` (docs/project.md).",
               example: "segmint check a.seg",
               fix: "segmint check a.seg --catalog catalog.yaml"),
        .error("E1105", "standard input named twice",
               explanation: "`-` reads standard input, which can be read only once: it cannot be both a `.seg` file and the catalog.",
               example: "segmint check - --catalog -",
               fix: "segmint check - --catalog catalog.yaml"),
        .error("E1106", "no usable LLM configuration",
               explanation: "`segmint llm ping` found no provider to ping: the configuration file is invalid, names no provider, or has none of the name given with `--provider`.",
               example: "segmint llm ping --provider claud",
               fix: "segmint llm ping --provider claude"),
    ]
}
