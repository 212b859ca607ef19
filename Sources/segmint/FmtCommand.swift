import ArgumentParser
import SegmintCore
import SegmintDriver

/// `segmint fmt FILE... [--check] [--stdout] [--format human|json]`: the canonical layout, in place, checked, or printed.
struct FmtCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite .seg files in the canonical layout (comments kept, meaning unchanged).",
        discussion: """
            - (standard input) is formatted to standard output.

            Examples:
              segmint fmt examples/
              segmint fmt --check examples/lapsed_outdoor.seg
              cat draft.seg | segmint fmt -

            Exit 0 when done (or nothing would change with --check), 1 when a file has syntax errors or \
            would change under --check, 2 when a file cannot be read or written.
            """
    )

    @OptionGroup var input: InputFiles

    @Flag(help: "Write nothing; list the files that would change and exit 1 if any.")
    var check = false

    @Flag(name: .customLong("stdout"), help: "Print the formatted text instead of rewriting the files.")
    var toStdout = false

    @OptionGroup var output: FormatOption
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        runFmt(paths: input.paths(), check: check, toStdout: toStdout, format: output.format.rawValue)
    }
}
