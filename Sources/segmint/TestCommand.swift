import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint test [--dialect D …] [--update] [--db URL] [--junit FILE]`
struct TestCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the project's snapshot tests (SQL vs tests/golden) and data tests (fixtures on SQLite or PostgreSQL).",
        discussion: """
        Snapshots: every segment's SQL in each dialect against <snapshots>/<dialect>/<segment>.sql; \
        a mismatch prints a unified diff; --update writes new and changed snapshots and removes stale ones. \
        Data tests: every *.yaml under the tests directory; rows loaded into SQLite in memory, or \
        into a fresh schema on --db postgres://….

        Example:
          segmint test --junit test-results.xml

        Exit status: 0 all passed, 1 a test failed or the input has errors, 2 usage or I/O error.
        """
    )

    @Option(name: .long, help: "A dialect for snapshot tests (repeatable; default: the project's dialects).")
    var dialect: [DialectName] = []

    @Flag(name: .long, help: "Write missing and changed snapshots, remove stale ones.")
    var update = false

    @Option(name: .long, help: "Run data tests on this PostgreSQL server (postgres://…) instead of SQLite in memory.")
    var db: String?

    @Option(name: .long, help: "Also write a JUnit XML report to this file.")
    var junit: String?

    @Option(name: .long, help: "The catalog YAML file (default: SEGMINT_CATALOG, else the project's).")
    var catalog: String?

    @Option(name: .long, help: "Which of the project's catalogs to use.")
    var tenant: String?

    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        runProjectTest(dialects: dialect.map(\.name), update: update, db: db, junit: junit, catalog: catalog, tenant: tenant)
    }
}
