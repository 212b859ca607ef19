import ArgumentParser
import SegmintDriver

/// `segmint recommend FILE... --catalog PATH [--db URL] [--format text|json]`
struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Recommend where a model score would serve better than rules, with evidence and an action.",
        discussion: "Exit status: 0 success, 1 errors in the input, 2 usage, I/O or database error."
    )

    @Argument(help: "The .seg files.")
    var files: [String] = []

    @Option(name: .long, help: "The catalog YAML file (default: SEGMINT_CATALOG, else segmint.yaml's).")
    var catalog: String?

    @Option(name: .long, help: "Database URL for the data signals: a SQLite path or postgres://host:port/db.")
    var db: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format = "text"

    @Option(name: .customLong("as-of"), help: "As-of date for segments without a pinned as_of (YYYY-MM-DD).")
    var asOf: String?

    func run() throws {
        finish(runRecommend(paths: files, catalogPath: resolvedCatalog(catalog), dbURL: db, format: format, asOf: asOf))
    }
}
