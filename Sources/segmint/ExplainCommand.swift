import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint explain FILE... --catalog PATH [--segment NAME] [--format human|json] [--db URL]`
struct ExplainCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a segment in plain English: conditions, grounding, assumptions; with --db a funnel of counts.",
        discussion: """
            Example:
              segmint explain examples/lapsed_outdoor.seg --catalog catalogs/retail.yaml --db demo.db

            Exit status: 0 success, 1 errors in the input, 2 usage, I/O or database error.
            """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var catalog: CatalogOption

    @Option(name: .long, help: "The segment to explain (required only when the files declare several).")
    var segment: String?

    @OptionGroup var output: FormatOption

    @Option(name: .long, help: "Database URL for the funnel: a SQLite path, duckdb:PATH or postgres://host:port/db.")
    var db: String?

    @OptionGroup var asOf: AsOfOption
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        let paths = input.paths()
        // The driver names `human` output `text`.
        return runExplain(paths: paths, catalogPath: catalog.path(files: paths), segment: segment,
                          format: output.format == .json ? "json" : "text", dbURL: db, asOf: asOf.asOf)
    }
}
