import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint build [--dialect D …] [--dbt DIR] [--full] [--catalog PATH] [--tenant T]`
struct BuildCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Compile every segment of the project to target/<dialect>/<segment>.sql and target/manifest.json.",
        discussion: """
        The project is the nearest segmint.yaml at or above the working directory. Only segments \
        whose source, dependencies, catalog or settings changed are compiled again; files are \
        written only when their content changes. With any error nothing is written.

        Example:
          segmint build --dialect snowflake --dbt models/segments

        Exit status: 0 built, 1 errors in the input, 2 usage or I/O error.
        """
    )

    @Option(name: .long, help: "A dialect to build (repeatable; default: the project's dialects).")
    var dialect: [DialectName] = []

    @Option(name: .long, help: "Also write one dbt model per segment into this directory.")
    var dbt: String?

    @Flag(name: .long, help: "Ignore the previous build and compile every segment again.")
    var full = false

    @Option(name: .long, help: "The catalog YAML file (default: SEGMINT_CATALOG, else the project's).")
    var catalog: String?

    @Option(name: .long, help: "Which of the project's catalogs to use.")
    var tenant: String?

    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        runBuild(dialects: dialect.map(\.name), dbt: dbt, full: full, catalog: catalog, tenant: tenant)
    }
}
