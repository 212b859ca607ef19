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
            InitCommand.self,
            BuildCommand.self,
            TestCommand.self,
            ExportCommand.self,
        ]
    )
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

/// Like `Segmint.main()`, but a usage error (unknown option, missing argument, bad value)
/// exits 2 as every command documents, not ArgumentParser's 64; `--help` still exits 0.
func runMain() -> Never {
    do {
        var command = try Segmint.parseAsRoot()
        try command.run()
        exit(0)
    } catch {
        let code = Segmint.exitCode(for: error)
        let message = Segmint.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            exit(0)
        }
        if !message.isEmpty { FileHandleStderr.write(message + "\n") }
        exit(code == .validationFailure ? 2 : code.rawValue == 64 ? 2 : code.rawValue)
    }
}

runMain()
