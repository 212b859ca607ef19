import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint run FILE... --catalog PATH [--segment NAME] --db URL [--limit N] [--format table|csv|json]`
struct RunCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a segment on SQLite (a path, the default), DuckDB (duckdb:PATH) or PostgreSQL (postgres://…) and print its keys.",
        discussion: """
            Example:
              segmint run examples/loyalty.seg --catalog catalogs/retail.yaml --db demo.db --format csv

            Exit status: 0 ok, 1 errors in the input, 2 usage, I/O or database error (bad URL, unreachable \
            server, missing table, SQL error).
            """)

    @OptionGroup var input: InputFiles
    @OptionGroup var catalog: CatalogOption
    @Option(help: "Segment to run (required only when the files declare several).") var segment: String?
    @Option(help: "Database: a file path, sqlite:PATH, or postgres://user@host:port/db.") var db: String
    // Unconditional: `--limit -1` is read as a value (and refused with a clear message), not as a flag.
    @Option(parsing: .unconditional, help: "How many keys to print (0: every key).") var limit: Int = 20
    @Flag(help: "Print every key (the same as --limit 0).") var all = false
    @OptionGroup var materialize: MaterializeOptions
    @OptionGroup var output: RowsFormatOption
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        let paths = input.paths()
        if let table = materialize.materialize {
            return runMaterialize(files: paths, catalogPath: catalog.path(files: paths), segment: segment, db: db, table: table,
                                  mode: materialize.mode, columns: parseColumnList(materialize.columns))
        }
        let format = RunFormat(rawValue: output.format.rows) ?? .table
        return runRun(files: paths, catalogPath: catalog.path(files: paths), segment: segment, db: db,
                      limit: all ? 0 : limit, format: format)
    }
}
