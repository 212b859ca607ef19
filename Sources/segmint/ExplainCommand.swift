import ArgumentParser
import SegmintDriver

/// `segmint explain FILE... --catalog PATH --segment NAME [--format text|json] [--db URL]`
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a segment in plain English: conditions, grounding, assumptions; with --db a funnel of counts.",
        discussion: "Exit status: 0 success, 1 errors in the input, 2 usage, I/O or database error."
    )

    @Argument(help: "The .seg files; segment references resolve across all of them.")
    var files: [String] = []

    @Option(name: .long, help: "The catalog YAML file (default: SEGMINT_CATALOG, else segmint.yaml's).")
    var catalog: String?

    @Option(name: .long, help: "The segment to explain.")
    var segment: String

    @Option(name: .long, help: "Output format: text or json.")
    var format = "text"

    @Option(name: .long, help: "Database URL for the funnel: a SQLite path or postgres://host:port/db.")
    var db: String?

    @Option(name: .customLong("as-of"), help: "As-of date for segments without a pinned as_of (YYYY-MM-DD).")
    var asOf: String?

    func run() throws {
        finish(runExplain(paths: files, catalogPath: resolvedCatalog(catalog), segment: segment, format: format, dbURL: db, asOf: asOf))
    }
}
