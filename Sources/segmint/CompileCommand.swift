import ArgumentParser
import SegmintDriver

/// `segmint compile FILE... --catalog PATH [--segment NAME] [--dialect D] [--as-of DATE] [--count]`
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile one segment to a single read-only SQL SELECT.",
        discussion: """
        Prints one statement returning the distinct entity keys (--count: their number).
        Dialects: postgres (default), sqlite, duckdb, bigquery, snowflake, spark, trino.
        Exit status: 0 success, 1 errors in the input, 2 usage or I/O error.
        """
    )

    @Argument(help: "The .seg files; segment references resolve across all of them.")
    var files: [String] = []

    @Option(name: .long, help: "The catalog YAML file (default: SEGMINT_CATALOG, else segmint.yaml's).")
    var catalog: String?

    @Option(name: .long, help: "The segment to compile (required when the files declare several).")
    var segment: String?

    @Option(name: .long, help: "postgres, sqlite, duckdb, bigquery, snowflake, spark or trino.")
    var dialect = "postgres"

    @Option(name: .customLong("as-of"), help: "Pin windows to this date (YYYY-MM-DD) for segments without their own as_of.")
    var asOf: String?

    @Flag(name: .long, help: "Return the number of distinct keys instead of the keys.")
    var count = false

    @Option(name: .long, help: "Print the statement that writes the members into this table (schema.table allowed).")
    var materialize: String?

    @Option(name: .long, help: "With --materialize: replace (create or replace the table) or append.")
    var mode = "replace"

    @Option(name: .long, help: "With --materialize: entity columns (facet names) to carry along, comma-separated.")
    var columns: String?

    func run() throws {
        if let table = materialize {
            finish(runCompileMaterialize(paths: files, catalogPath: resolvedCatalog(catalog), segment: segment, dialect: dialect,
                                         asOf: asOf, table: table, mode: mode, columns: parseColumnList(columns)))
        }
        finish(runCompile(paths: files, catalogPath: resolvedCatalog(catalog), segment: segment, dialect: dialect, asOf: asOf, count: count))
    }
}
