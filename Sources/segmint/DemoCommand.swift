import ArgumentParser
import SegmintDriver

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write deterministic synthetic retail data (SQLite file or PostgreSQL).",
        discussion: "Same seed, --as-of and --customers give the same rows. Exit status: 0 ok, 1 catalog errors, 2 usage, I/O or database error.")

    @Option(help: "Target: a file path, sqlite:PATH, or postgres://user@host:port/db.") var db: String
    @Option(help: "Catalog whose tables to create.") var catalog: String = "catalogs/retail.yaml"
    @Option(help: "Number of customers.") var customers: Int = defaultDemoCustomers
    @Option(help: "Random seed; the same seed and reference date give the same data.") var seed: UInt64 = 1
    @Option(name: .customLong("as-of"), help: "Reference date YYYY-MM-DD (default: today, UTC).") var asOf: String?

    func run() throws {
        finish(runDemo(db: db, catalogPath: catalog, customers: customers, seed: seed, asOf: asOf))
    }
}
