import ArgumentParser
import SegmintDriver

extension RunFormat: ExpressibleByArgument {}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a segment on SQLite (a path, the default) or PostgreSQL (postgres://…) and print its keys.",
        discussion: "Exit status: 0 ok, 1 errors in the input, 2 usage, I/O or database error (bad URL, unreachable server, missing table, SQL error).")

    @Argument(help: "Segment files (.seg).") var files: [String] = []
    @Option(help: "Catalog YAML (default: SEGMINT_CATALOG, else segmint.yaml's).") var catalog: String?
    @Option(help: "Segment to run (optional when the input holds exactly one).") var segment: String?
    @Option(help: "Database: a file path, sqlite:PATH, or postgres://user@host:port/db.") var db: String
    @Option(help: "How many keys to print.") var limit: Int = 20
    @Option(help: "table, csv or json.") var format: RunFormat = .table

    @Option(help: "Write the members into this table (schema.table allowed) instead of printing them.") var materialize: String?
    @Option(help: "With --materialize: replace (create or replace the table) or append.") var mode = "replace"
    @Option(help: "With --materialize: entity columns (facet names) to carry along, comma-separated.") var columns: String?

    func run() throws {
        if let table = materialize {
            finish(runMaterialize(files: files, catalogPath: resolvedCatalog(catalog), segment: segment, db: db, table: table,
                                  mode: mode, columns: parseColumnList(columns)))
        }
        finish(runRun(files: files, catalogPath: resolvedCatalog(catalog), segment: segment, db: db, limit: limit, format: format))
    }
}
