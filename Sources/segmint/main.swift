import ArgumentParser
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
            CompileCommand.self,
            FmtCommand.self,
            LLMCommand.self,
            RunCommand.self,
            DemoCommand.self,
            CatalogCommand.self,
            AskCommand.self,
            MemoryCommand.self,
            OverlapCommand.self,
            ExplainCommand.self,
            RecommendCommand.self,
            EvalCommand.self,
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

Segmint.main()
