import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint check FILE... --catalog PATH [--strict] [--format human|json] [--color WHEN]`,
/// `segmint check --explain CODE`
struct CheckCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and type-check .seg files against a catalog.",
        discussion: """
            Example:
              segmint check examples/ --catalog catalogs/retail.yaml
              segmint check --explain E0301

            Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O error.
            """
    )

    @OptionGroup var input: InputFiles
    @OptionGroup var catalog: CatalogOption

    @Flag(name: .long, help: "Treat INFERRED numbers and dates (assumptions) as errors.")
    var strict = false

    @OptionGroup var output: FormatOption
    @OptionGroup var terminal: TerminalOptions

    @Option(name: .long, help: ArgumentHelp("Explain a diagnostic code (e.g. E0301) with an example and its fix; needs no files or catalog.",
                                            valueName: "code"))
    var explain: String?

    func execute() -> CommandOutput {
        if let explain { return runExplain(code: explain) }
        let paths = input.paths()
        return runCheck(paths: paths, catalogPath: catalog.path(files: paths), strict: strict,
                        format: output.format.rawValue, base: nil, freeAtExit: false,
                        color: terminal.color.enabledForStderr())
    }
}
