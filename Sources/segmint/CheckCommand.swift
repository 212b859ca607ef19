import ArgumentParser
import SegmintDriver

/// `segmint check FILE... --catalog PATH [--strict] [--format human|json]`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and type-check .seg files against a catalog.",
        discussion: "Exit status: 0 valid (warnings allowed), 1 errors found, 2 usage or I/O error."
    )

    @Argument(help: "The .seg files to check; segment references resolve across all of them.")
    var files: [String] = []

    @Option(name: .long, help: "The catalog YAML file (default: SEGMINT_CATALOG, else segmint.yaml's).")
    var catalog: String?

    @Flag(name: .long, help: "Treat INFERRED numbers and dates (assumptions) as errors.")
    var strict = false

    @Option(name: .long, help: "Diagnostics format: human (stderr) or json (stdout).")
    var format = "human"

    func run() throws {
        finish(runCheck(paths: files, catalogPath: resolvedCatalog(catalog), strict: strict, format: format, base: nil, freeAtExit: false))
    }
}
