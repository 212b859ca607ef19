import ArgumentParser
import SegmintDriver

/// `segmint fmt`: the canonical layout, in place, checked, or printed.
struct FmtCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite .seg files in the canonical layout (comments kept, meaning unchanged).",
        discussion: "Exit 0 when done (or nothing would change with --check), 1 when a file has syntax errors or would change under --check, 2 when a file cannot be read or written."
    )

    @Argument(help: "The .seg files to format.")
    var files: [String]

    @Flag(help: "Write nothing; list the files that would change and exit 1 if any.")
    var check = false

    @Flag(name: .customLong("stdout"), help: "Print the formatted text instead of rewriting the files.")
    var toStdout = false

    func run() throws {
        finish(runFmt(paths: files, check: check, toStdout: toStdout))
    }
}
