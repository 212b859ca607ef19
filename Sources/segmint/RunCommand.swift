import ArgumentParser
import SegmintDriver

extension RunFormat: ExpressibleByArgument {}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a segment on SQLite (a path, the default) or PostgreSQL (postgres://…) and print its keys.",
        discussion: "Exit status: 0 ok, 1 errors in the input, 2 usage, I/O or database error (bad URL, unreachable server, missing table, SQL error).")

    @Argument(help: "Segment files (.seg).") var files: [String] = []
    @Option(help: "Catalog YAML.") var catalog: String
    @Option(help: "Segment to run (optional when the input holds exactly one).") var segment: String?
    @Option(help: "Database: a file path, sqlite:PATH, or postgres://user@host:port/db.") var db: String
    @Option(help: "How many keys to print.") var limit: Int = 20
    @Option(help: "table, csv or json.") var format: RunFormat = .table

    func run() throws {
        finish(runRun(files: files, catalogPath: catalog, segment: segment, db: db, limit: limit, format: format))
    }
}
