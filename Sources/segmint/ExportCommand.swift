import ArgumentParser
import SegmintDriver

/// `segmint export FILE... --db URL --csv OUT.csv [--columns a,b] [--segment NAME] [--catalog PATH]`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a segment's members (key and chosen entity columns) to a CSV file.",
        discussion: """
        Runs the segment on SQLite (a path) or PostgreSQL (postgres://…) and writes RFC 4180 CSV
        atomically: a header row, one member per row ordered by key, NULL as an empty field.
        Example: segmint export segments/vip.seg --db demo.db --csv vip.csv --columns state,lifetime_spend
        Exit status: 0 written, 1 errors in the input, 2 usage, I/O or database error.
        """
    )

    @Argument(help: "Segment files (.seg).") var files: [String] = []
    @Option(help: "Catalog YAML (default: SEGMINT_CATALOG, else segmint.yaml's).") var catalog: String?
    @Option(help: "Segment to export (optional when the input holds exactly one).") var segment: String?
    @Option(help: "Database: a file path, sqlite:PATH, or postgres://user@host:port/db.") var db: String
    @Option(help: "The CSV file to write.") var csv: String
    @Option(help: "Entity columns (facet names) to write after the key, comma-separated.") var columns: String?

    func run() throws {
        finish(runExport(files: files, catalogPath: resolvedCatalog(catalog), segment: segment, db: db, csv: csv,
                         columns: parseColumnList(columns)))
    }
}
