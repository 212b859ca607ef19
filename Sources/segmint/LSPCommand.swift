import ArgumentParser
import SegmintLSP

#if canImport(Glibc)
import Glibc
#endif

/// `segmint lsp`: the language server for editors, over stdin/stdout.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve editors over the Language Server Protocol on stdin/stdout.",
        discussion: """
        The catalog comes from initializationOptions.catalog, else the catalog key of the nearest \
        segmint.yaml of the workspace. Exit 0 after shutdown and exit, 1 when the input ends or exit \
        comes without shutdown.

        Example (what an editor runs):
          segmint lsp --stdio
        """
    )

    @Flag(help: "Talk over stdin/stdout (the only transport; accepted because editors pass it).")
    var stdio = false

    func run() throws {
        Glibc.exit(LanguageServer(input: STDIN_FILENO, output: STDOUT_FILENO).run())
    }
}
