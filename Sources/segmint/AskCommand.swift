import ArgumentParser
import Foundation
import SegmintCore
import SegmintDriver
import SegmintNL


#if canImport(Glibc)
import Glibc
#endif

/// `segmint ask "…" --catalog PATH [--out FILE.seg] [--sql --dialect D] [--tenant T] [--offline]
/// [--trace FILE] [--answer KEY=VALUE]... [--memory URL]`
struct AskCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask",
        abstract: "Turn a natural-language request into a checked segment (and SQL).",
        discussion: """
            Exit status: 0 a checked segment; 1 could not be grounded (unmapped words on stderr); 2 usage or \
            I/O error, or the configured LLM could not answer; 3 questions need answers (JSON on stdout; answer with --answer KEY=VALUE); 4 not a \
            segment request (reason on stderr). On a terminal, questions are asked interactively.

            Examples:
              segmint ask "gold tier members who bought in the last 30 days" --catalog catalogs/retail.yaml --offline
              segmint ask "lapsed outdoor buyers" --catalog catalogs/retail.yaml --sql --dialect bigquery
            """
    )

    @Argument(help: "The request, e.g. \"gold tier members who bought in the last 30 days\".")
    var request: String

    @OptionGroup var catalog: CatalogOption

    @Option(name: .long, help: "Tenant: selects catalogs/<tenant>.yaml and the memory namespace.")
    var tenant: String?

    @Option(name: .long, help: "Write the .seg here (atomically) instead of stdout.")
    var out: String?

    @Flag(name: .long, help: "Print the SQL of the segment on stdout.")
    var sql = false

    @Option(name: .long, help: "SQL dialect for --sql.")
    var dialect: DialectName?

    @Flag(name: .long, help: "Use the deterministic offline translator, no LLM.")
    var offline = false

    @Option(name: .long, help: "Write one JSON line per LLM stage call to this file.")
    var trace: String?

    @Option(name: .long, help: "Answer a clarification question: KEY=VALUE (e.g. window:recently=\"last 30 days\").")
    var answer: [String] = []

    @Option(name: .long, help: "Memory store: a SQLite path, sqlite:PATH, postgres://…, or none.")
    var memory: String?

    @Option(name: .long, help: "Directory of the stage prompts (default: $SEGMINT_PROMPTS, else the built-in prompts).")
    var prompts: String?

    @Option(name: .long, help: "Seconds the whole request may take with an LLM (default: deadline_s of the LLM configuration).")
    var timeout: Double?

    @Option(name: .long, help: "LLM configuration file (default: segmint.yaml search, then the environment).")
    var config: String?

    @Flag(name: .long, help: "Do not read or write the LLM response cache.")
    var noCache = false

    @OptionGroup var output: FormatOption
    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        var args = AskArguments(request: request, catalog: catalog.catalog, tenant: tenant, out: out, sql: sql, dialect: dialect?.name,
                                offline: offline, trace: trace, answers: answer, memory: memory, prompts: prompts, timeout: timeout)
        args.json = output.format == .json
        let arguments = args
        let interactive: (@Sendable (AskQuestion) async -> String?)? = (isatty(0) != 0 && isatty(2) != 0) ? { q in
            FileHandleStderr.write("? \(q.text) (e.g. \(q.example)): ")
            return readLine()
        } : nil
        let made: (model: AskModel?, error: String?) = offline ? (nil, nil) : makeAskModel(configPath: config, tracePath: trace, noCache: noCache)
        if let e = made.error { return .usage(CLICode.usage, "LLM configuration: \(e)") }
        let model = made.model
        return runBlocking(fallback: CommandOutput(exitCode: 2, stderr: "segmint: internal error: no result\n")) {
            await runAsk(arguments, model: model, interactive: interactive, progress: { FileHandleStderr.write("segmint: [\($0)]\n") })
        }
    }
}
