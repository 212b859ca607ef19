import ArgumentParser
import SegmintDriver
import SegmintCore

extension ColorChoice: ExpressibleByArgument {}

/// `segmint check FILE... --catalog PATH [--strict] [--format human|json] [--color WHEN]`,
/// `segmint check --explain CODE`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and type-check .seg files against a catalog.",
        discussion: """
        Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O error.
        Example: segmint check segments.seg --catalog catalog.yaml; segmint check --explain E0301
        """
    )

    @Argument(help: "The .seg files to check; segment references resolve across all of them.")
    var files: [String] = []

    @Option(name: .long, help: "The catalog YAML file (required unless --explain).")
    var catalog: String?

    @Flag(name: .long, help: "Treat INFERRED numbers and dates (assumptions) as errors.")
    var strict = false

    @Option(name: .long, help: "Diagnostics format: human (stderr) or json (stdout).")
    var format = "human"

    @Option(name: .long, help: "Colour diagnostics: auto (when stderr is a terminal and NO_COLOR is unset), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .long, help: ArgumentHelp("Explain a diagnostic code (e.g. E0301) with an example and its fix.", valueName: "CODE"))
    var explain: String?

    func run() throws {
        if let explain { finish(runExplain(code: explain)) }
        guard let catalog else { throw ValidationError("missing expected argument '--catalog <catalog>'") }
        finish(runCheck(paths: files, catalogPath: catalog, strict: strict, format: format, base: nil, freeAtExit: false,
                        color: color.enabledForStderr()))
    }
}
