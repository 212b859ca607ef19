import ArgumentParser
import SegmintCore
import SegmintDriver

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Catalog tools.",
        discussion: """
            Example:
              segmint catalog import --db shop.db --entity customers --key customer_id --out catalog.yaml
            """,
        subcommands: [CatalogImportCommand.self])
}

struct CatalogImportCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a starter catalog YAML from a live SQLite or PostgreSQL schema.",
        discussion: """
            Example:
              segmint catalog import --db postgres://me@localhost:5432/shop --entity customers --key id

            Exit status: 0 ok, 2 usage, I/O or database error.
            """)

    @Option(help: "Database: a file path, sqlite:PATH, or postgres://user@host:port/db.") var db: String
    @Option(help: "The entity table (one row per customer).") var entity: String
    @Option(help: "The entity key column.") var key: String
    @Option(help: "Write the YAML here (atomically) instead of stdout.") var out: String?
    @Option(name: .customLong("max-values"), parsing: .unconditional,
            help: "Sample up to this many distinct values of a text column into `values` (0: none).") var maxValues: Int = 50
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        runCatalogImport(db: db, entity: entity, key: key, out: out, maxValues: maxValues)
    }
}
