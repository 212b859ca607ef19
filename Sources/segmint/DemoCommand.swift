import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint demo --db PATH|duckdb:PATH|postgres://… [--catalog PATH] [--customers N] [--seed S] [--as-of DATE]`
struct DemoCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write deterministic synthetic data for a catalog (SQLite file or PostgreSQL).",
        discussion: """
            Without --catalog the built-in retail catalog is used (the same as catalogs/retail.yaml), so \
            the command works from any directory. Any other catalog gets data from its types, values, \
            units and events alone. Same seed, --as-of and --customers give the same rows.

            Example:
              segmint demo --db demo.db --customers 5000 --seed 7

            Exit status: 0 ok, 1 catalog errors, 2 usage, I/O or database error.
            """)

    @Option(help: "Target: a file path, sqlite:PATH, duckdb:PATH, or postgres://user@host:port/db.") var db: String
    @OptionGroup var catalog: CatalogOption
    @Option(help: "Number of customers.") var customers: Int = defaultDemoCustomers
    @Option(help: "Random seed; the same seed and reference date give the same data.") var seed: UInt64 = 1
    @Option(name: .customLong("as-of"), help: "Reference date YYYY-MM-DD (default: today, UTC).") var asOf: String?
    @OptionGroup var output: FormatOption
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        runDemo(db: db, catalogPath: catalog.catalog, customers: customers, seed: seed, asOf: asOf, format: output.format.rawValue)
    }
}
