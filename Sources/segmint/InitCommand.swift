import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint init [DIR] [--catalog PATH] [--dialect D …]`
struct InitCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented segmint.yaml project file (never overwrites one).",
        discussion: """

        Example:
          segmint init --catalog catalogs/retail.yaml --dialect postgres --dialect duckdb

        Exit status: 0 written, 2 the file exists or cannot be written.
        """
    )

    @Argument(help: "The project directory (default: the working directory).")
    var directory: String?

    @Option(name: .long, help: "The catalog YAML path to write into the file (relative to the project).")
    var catalog: String?

    @Option(name: .long, help: "A default dialect (repeatable).")
    var dialect: [DialectName] = []

    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        runInit(directory: directory, catalog: catalog, dialects: dialect.map(\.name))
    }
}
