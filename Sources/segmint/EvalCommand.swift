import ArgumentParser
import SegmintCore
import SegmintDriver
import SegmintEval

/// `segmint eval DIR`: scores the natural-language pipeline on a golden set.
struct EvalCommand: SegmintCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the NL golden set through `ask` and score it (execution and exact match, grounding, questions, LLM calls).",
        discussion: """
            Replays each case's cassette by default, so the run is offline and deterministic.

            Example:
              segmint eval golden/nl --offline-translator --baseline golden/nl/baseline.json
              segmint eval golden/nl golden/nl-bank --offline-translator --no-pipeline   # one line per catalog

            Exit 0 measured, 1 a gated metric fell below --baseline, 2 usage or I/O error.
            """)

    @Argument(help: "Golden set directories (each holds suite.json and cases/), or directories of them.")
    var directories: [String]

    @Flag(help: "Call the configured LLM providers instead of replaying cassettes.")
    var live = false

    @Flag(help: "Run live and store each case's responses as its cassette.")
    var record = false

    @Flag(help: "With --record: replace existing cassettes.")
    var force = false

    @Option(help: "Prompt directory for the pipeline (default: prompts/).")
    var prompts: String?

    @Option(help: "LLM configuration for --live / --record (default: as for `segmint ask`).")
    var config: String?

    @Flag(name: .customLong("offline-translator"), help: "Also run the offline translator; its accuracy is reported on its own line.")
    var offlineTranslator = false

    @Flag(name: .customLong("no-pipeline"), help: "With --offline-translator: skip the LLM pipeline run.")
    var noPipeline = false

    @Option(help: "A committed report to compare with; regressions and improvements are flagged.")
    var baseline: String?

    @Flag(help: "Compare each suite with the baseline.json in its own directory.")
    var baselines = false

    @Option(help: "Write the JSON report here (atomically).")
    var out: String?

    @Option(help: "SQLite demo database to execute on (default: generated from suite.json).")
    var db: String?

    @Option(help: "Only cases whose id contains this text.")
    var filter: String?

    @OptionGroup var output: FormatOption

    @Flag(help: ArgumentHelp("The same as --format json (the spelling before --format).", visibility: .hidden))
    var json = false

    @Flag(help: "Print only the summary lines and the baseline comparison.")
    var summary = false

    @OptionGroup var terminal: TerminalOptions

    func execute() -> CommandOutput {
        var o = EvalOptions(suiteDirectories: directories)
        o.ownBaselines = baselines
        o.live = live || record; o.record = record; o.force = force; o.promptsDirectory = prompts; o.configPath = config
        o.offlineTranslator = offlineTranslator; o.noPipeline = noPipeline; o.baselinePath = baseline
        o.outPath = out; o.databasePath = db; o.filter = filter; o.json = json || output.format == .json; o.summaryOnly = summary
        let options = o
        return runEval(options)
    }
}
