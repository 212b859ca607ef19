import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint recommend FILE... --catalog PATH [--db URL] [--format human|json]`
struct RecommendCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend where a model score would serve better than rules, with evidence and an action.",
        discussion: """
            Example:
              segmint recommend examples/ --catalog catalogs/retail.yaml --db demo.db --format json

            Exit status: 0 success, 1 errors in the input, 2 usage, I/O or database error.
            """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var catalog: CatalogOption

    @Option(name: .long, help: "Database URL for the data signals: a SQLite path, duckdb:PATH or postgres://host:port/db.")
    var db: String?

    @OptionGroup var output: FormatOption
    @OptionGroup var asOf: AsOfOption
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        let paths = input.paths()
        // The driver names `human` output `text`.
        return runRecommend(paths: paths, catalogPath: catalog.path(files: paths), dbURL: db,
                            format: output.format == .json ? "json" : "text", asOf: asOf.asOf)
    }
}
