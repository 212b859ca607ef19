import ArgumentParser
import SegmintCore
import SegmintDriver

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Catalog tools.",
        discussion: """
            Examples:
              segmint catalog import --db shop.db --entity customers --key customer_id --out catalog.yaml
              segmint catalog enrich --catalog catalog.yaml            # review the proposed diff
              segmint catalog enrich --catalog catalog.yaml --write    # apply it
            """,
        subcommands: [CatalogImportCommand.self, CatalogEnrichCommand.self])
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

struct CatalogEnrichCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich",
        abstract: "Propose synonyms and descriptions for a catalog with an LLM (a diff; --write applies it).",
        discussion: """
            Examples:
              segmint catalog enrich --catalog catalogs/retail.yaml
              segmint catalog enrich --catalog catalogs/retail.yaml --write

            Exit status: 0 ok or nothing to add, 1 invalid catalog or result, 2 usage, I/O, no LLM or the LLM failed.
            """)

    @Option(help: "The catalog YAML file.") var catalog: String
    @Flag(help: "Write the proposals into the catalog file (atomically) instead of only printing the diff.") var write = false
    @Option(help: "LLM configuration file (default: segmint.yaml search, then the environment).") var config: String?
    @Flag(help: "Do not read or write the LLM response cache.") var noCache = false
    @Option(help: "Write one JSON line per LLM attempt to this file.") var trace: String?
    @Option(help: "Directory holding enrich.prompt (default: $SEGMINT_PROMPTS, else the built-in prompt).") var prompts: String?
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        let made = makeLLMProvider(configPath: config, tracePath: trace, noCache: noCache)
        if let e = made.error { return .usage(CLICode.usage, "LLM configuration: \(e)") }
        let provider = made.provider
        let (catalog, write, prompts) = (self.catalog, self.write, self.prompts)
        return runBlocking(fallback: CommandOutput(exitCode: 2, stderr: "segmint: internal error: no result\n")) {
            await runCatalogEnrich(catalog: catalog, write: write, provider: provider, prompts: prompts)
        }
    }
}
