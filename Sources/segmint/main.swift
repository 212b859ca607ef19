import ArgumentParser
import SegmintCore
import SegmintDriver

#if canImport(Glibc)
import Glibc
#endif

/// The thin executable: parses arguments, calls a driver function, prints, exits.
struct Segmint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segmint",
        abstract: "Compile customer segments to SQL: check, format, compile, run, analyse.",
        discussion: """
            Examples:
              segmint check examples/ --catalog catalogs/retail.yaml
              segmint compile examples/loyalty.seg --catalog catalogs/retail.yaml --dialect duckdb
              segmint demo --db demo.db && segmint run examples/loyalty.seg --catalog catalogs/retail.yaml --db demo.db
            """,
        version: BuildInfo.versionText,
        // Each subcommand lives in its own file: <Name>Command.swift.
        subcommands: [
            CheckCommand.self,
            FmtCommand.self,
            CompileCommand.self,
            RunCommand.self,
            DemoCommand.self,
            CatalogCommand.self,
            OverlapCommand.self,
            ExplainCommand.self,
            RecommendCommand.self,
            AskCommand.self,
            MemoryCommand.self,
            EvalCommand.self,
            LLMCommand.self,
            LSPCommand.self,
            CompletionsCommand.self,
            InitCommand.self,
            BuildCommand.self,
            TestCommand.self,
            ExportCommand.self,
        ]
    )
}

/// A command whose work is one driver call: `run()` prints its output and exits with its code.
protocol SegmintCommand: ParsableCommand {
    var terminal: TerminalOptions { get }
    func execute() -> CommandOutput
}

extension SegmintCommand {
    func run() throws {
        DiagnosticRenderer.defaultColor = terminal.color.enabledForStderr()
        finish(execute())
    }
}

/// Prints a command's output and exits with its code.
func finish(_ out: CommandOutput) -> Never {
    if !out.stdout.isEmpty { print(out.stdout, terminator: "") }
    if !out.stderr.isEmpty { FileHandleStderr.write(out.stderr) }
    exit(out.exitCode)
}

enum FileHandleStderr {
    static func write(_ s: String) { fputs(s, stderr) }
}

/// Like `Segmint.main()`, but an argument error is rendered like every other error
/// (`segmint: error: …` with a help line) and exits 2 as every command documents, not
/// ArgumentParser's 64; `--help` and `--version` still print on stdout and exit 0.
func runMain() -> Never {
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
        var command = try Segmint.parseAsRoot(arguments)
        try command.run()
        exit(0)
    } catch {
        if Segmint.exitCode(for: error) == .success {
            let message = Segmint.fullMessage(for: error)
            if !message.isEmpty { print(message) }
            exit(0)
        }
        DiagnosticRenderer.defaultColor = ArgumentErrors.colorChoice(arguments).enabledForStderr()
        finish(ArgumentErrors.output(for: error, arguments: arguments))
    }
}

runMain()
