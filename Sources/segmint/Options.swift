import ArgumentParser
import SegmintCore
import SegmintDriver

// Option groups shared by the commands (`@OptionGroup`), so an option is spelled, explained and
// completed the same way everywhere.

/// The FILE arguments: `.seg` files, directories (their `.seg` files, recursive, sorted) and `-`
/// (standard input).
struct InputFiles: ParsableArguments {
    @Argument(help: ArgumentHelp("The .seg files; a directory means every .seg file under it, - reads standard input.",
                                 valueName: "file"),
              completion: .file(extensions: ["seg"]))
    var files: [String] = []

    /// The files to read, directories expanded; a directory without `.seg` files stops the command.
    func paths() -> [String] {
        let expanded = InputPaths.expand(files)
        if !expanded.errors.isEmpty { finish(.failure(2, expanded.errors)) }
        return expanded.paths
    }
}

/// `--catalog PATH`. Optional at the argument level, so a default (environment, project file)
/// can be resolved in one place: `path(files:)`.
struct CatalogOption: ParsableArguments {
    @Option(help: ArgumentHelp("The catalog YAML file (- reads standard input; default: SEGMINT_CATALOG, else segmint.yaml's).", valueName: "path"),
            completion: .file(extensions: ["yaml", "yml"]))
    var catalog: String?

    /// The catalog to load, or stop with a usage error. `files` are the command's inputs: `-`
    /// may stand for only one of them.
    func path(files: [String] = []) -> String {
        // No --catalog: SEGMINT_CATALOG, else the nearest segmint.yaml (docs/project.md).
        guard let catalog else { return resolvedCatalog(nil) }
        if catalog == StandardInput.path, files.contains(StandardInput.path) {
            finish(.usage(CLICode.stdinTwice, "standard input (-) named both as a file and as the catalog",
                          help: "read one of them from a file"))
        }
        return catalog
    }
}

/// `--as-of DATE`: pins relative windows for segments without their own `as_of`.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("Pin windows to this date (YYYY-MM-DD) for segments without their own as_of.", valueName: "date"))
    var asOf: String?
}

/// `--format human|json` for commands that print a report.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: human (text; messages on stderr) or json (one document on stdout).")
    var format: OutputFormat = .human
}

/// `--format table|csv|json` for commands that print rows (`human` is the table).
struct RowsFormatOption: ParsableArguments {
    @Option(help: "Output format: table (also human), csv or json.")
    var format: RowsFormat = .table
}

/// `--color auto|always|never` (every command): colour of diagnostics on stderr.
struct TerminalOptions: ParsableArguments {
    @Option(help: "Colour diagnostics: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto
}
