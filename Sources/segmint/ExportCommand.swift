import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint export FILE... --db URL --csv OUT.csv [--columns a,b] [--segment NAME] [--catalog PATH]`
struct ExportCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a segment's members (key and chosen entity columns) to a CSV file.",
        discussion: """
        Runs the segment on SQLite (a path) or PostgreSQL (postgres://…) and writes CSV \
        atomically: a header row, one member per row ordered by key, NULL as an empty field.

        Example:
          segmint export segments/vip.seg --db demo.db --csv vip.csv --columns state,lifetime_spend

        Exit status: 0 written, 1 errors in the input, 2 usage, I/O or database error.
        """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var catalog: CatalogOption
    @Option(help: "Segment to export (optional when the input holds exactly one).") var segment: String?
    @Option(help: "Database: a file path, sqlite:PATH, or postgres://user@host:port/db.") var db: String
    @Option(help: "The CSV file to write.") var csv: String
    @Option(help: "Entity columns (facet names) to write after the key, comma-separated.") var columns: String?

    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        let paths = input.paths()
        return runExport(files: paths, catalogPath: catalog.path(files: paths), segment: segment, db: db, csv: csv,
                         columns: parseColumnList(columns))
    }
}
