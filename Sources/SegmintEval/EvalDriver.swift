import Foundation
import SegmintCore
import SegmintCatalog

/// `segmint eval DIR …` as a library function (the executable only parses arguments).
public struct EvalOptions: Sendable {
    public var suiteDirectory: String
    /// Every suite of a multi-suite run (`runSuites`); defaults to `suiteDirectory` alone.
    public var suiteDirectories: [String]
    /// Several suites: compare each with the `baseline.json` in its own directory.
    public var ownBaselines: Bool = false
    /// Run the pipeline against the configured LLM providers instead of cassettes.
    public var live: Bool = false
    /// Run live and store each case's responses as its cassette (implies `live`).
    public var record: Bool = false
    /// With `record`: replace existing cassettes.
    public var force: Bool = false
    public var promptsDirectory: String?
    /// LLM configuration file for `--live` (default: the `ask` command's lookup).
    public var configPath: String?
    /// Also run the offline translator (its accuracy is its own line and its own run).
    public var offlineTranslator: Bool = false
    /// Skip the pipeline run (only with `offlineTranslator`): the CI gate when no cassettes exist.
    public var noPipeline: Bool = false
    public var baselinePath: String?
    public var outPath: String?
    /// A demo database to execute on; without it one is generated from `suite.json`'s settings.
    public var databasePath: String?
    /// Only cases whose id contains this text.
    public var filter: String?
    /// Print the JSON report on stdout instead of the table.
    public var json: Bool = false
    /// Print only the summary lines (and the baseline comparison), not the per-case table.
    public var summaryOnly: Bool = false

    public init(suiteDirectory: String) { self.suiteDirectory = suiteDirectory; suiteDirectories = [suiteDirectory] }

    public init(suiteDirectories: [String]) {
        suiteDirectory = suiteDirectories.first ?? ""; self.suiteDirectories = suiteDirectories
    }
}

/// What the driver needs from the rest of the system, so tests can substitute each part.
public struct EvalEnvironment {
    /// Builds the translators to run for the options (pipeline and/or offline).
    public var translators: (EvalOptions, EvalSuite, Catalog) throws -> [(EvalTranslator, llm: String)]
    /// Opens or generates the database the segments run on; nil runs without execution match.
    public var executor: (EvalOptions, EvalSuite, Catalog) throws -> EvalExecutor?
    /// Prompt versions for the report header.
    public var promptVersions: (EvalOptions) -> [String: String]
    /// Progress lines (stderr in the CLI).
    public var progress: @Sendable (String) -> Void

    public init(translators: @escaping (EvalOptions, EvalSuite, Catalog) throws -> [(EvalTranslator, llm: String)],
                executor: @escaping (EvalOptions, EvalSuite, Catalog) throws -> EvalExecutor?,
                promptVersions: @escaping (EvalOptions) -> [String: String] = { _ in [:] },
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.translators = translators; self.executor = executor
        self.promptVersions = promptVersions; self.progress = progress
    }
}

public enum EvalDriver {
    /// Exit codes: 0 measured (and, with `--baseline`, no gated metric regressed); 1 the gate
    /// failed; 2 usage or I/O error (bad suite, unreadable baseline, unwritable report).
    public static func run(_ options: EvalOptions, environment: EvalEnvironment) async -> CommandOutput {
        await evaluate(options, environment: environment).output
    }

    /// One suite: the command's output and, when the suite ran, its report.
    // Over 80 lines: one linear sequence of load, run, report and compare steps, each with its
    // own error exit; splitting it would only pass the same dozen values around.
    static func evaluate(_ options: EvalOptions, environment: EvalEnvironment) async -> (output: CommandOutput, report: EvalReport?) {
        func fail(_ o: CommandOutput) -> (CommandOutput, EvalReport?) { (o, nil) }
        if options.noPipeline && !options.offlineTranslator {
            return fail(CommandOutput(exitCode: 2, stderr: "segmint: error: --no-pipeline needs --offline-translator (nothing would run)\n"))
        }
        var suite: EvalSuite
        do { suite = try EvalSuiteLoader.load(directory: options.suiteDirectory) } catch {
            return fail(CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n"))
        }
        if let f = options.filter {
            suite.cases = suite.cases.filter { $0.id.contains(f) }
            if suite.cases.isEmpty { return fail(CommandOutput(exitCode: 2, stderr: "segmint: error: no case id contains \"\(f)\"\n")) }
        }
        let sources = SourceMap()
        let loaded = CatalogLoader.load(path: suite.catalogPath, sources: sources)
        guard let catalog = loaded.catalog else {
            let text = DiagnosticRenderer(sources: sources).human(loaded.diagnostics)
            return fail(CommandOutput(exitCode: 2, stderr: text.isEmpty ? "segmint: error: cannot load \(suite.catalogPath)\n" : text))
        }
        var baseline: EvalReport?
        if let path = options.baselinePath {
            do { baseline = try EvalReport.decode(try FileInput.read(path), path: path) } catch {
                return fail(CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n"))
            }
        }
        let translators: [(EvalTranslator, llm: String)]
        let executor: EvalExecutor?
        do {
            translators = try environment.translators(options, suite, catalog)
            executor = try environment.executor(options, suite, catalog)
        } catch {
            return fail(CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n"))
        }
        var stderr = ""
        if executor == nil { stderr += "segmint: note: no database; execution match not measured (exact match decides)\n" }
        let scorer = EvalScorer(catalog: catalog, executor: executor)
        let progress = environment.progress
        let runner = EvalRunner(suite: suite, scorer: scorer, progress: { r in
            progress("\(r.id): \(r.outcome)\(r.skipped ? "" : r.passed ? " ok" : " FAIL")")
        })
        var runs: [EvalRun] = []
        for (translator, llm) in translators {
            progress("eval: running \(translator.name) (llm: \(llm)) on \(suite.cases.count) cases")
            runs.append(await runner.run(translator, llm: llm))
        }
        var transfer: [String: EvalSummary]?
        if let path = suite.transferPath {
            do {
                let first = try EvalReport.decode(try FileInput.read(path), path: path)
                transfer = Dictionary(first.runs.map { ($0.translator, $0.summary) }, uniquingKeysWith: { a, _ in a })
            } catch {
                return fail(CommandOutput(exitCode: 2, stderr: stderr + "segmint: error: suite.json transfer: \(error)\n"))
            }
        }
        let report = EvalReport(suite: options.suiteDirectory, catalog: catalog.label, asOf: suite.settings.asOf,
                                prompts: environment.promptVersions(options), runs: runs, transfer: transfer)
        if let out = options.outPath {
            do { try AtomicFile.write(try report.json(), to: out) } catch {
                return fail(CommandOutput(exitCode: 2, stderr: stderr + "segmint: error: cannot write report \(out): \(error)\n"))
            }
        }
        var stdout: String
        do { stdout = options.json ? try report.json() : EvalTable.render(report, summaryOnly: options.summaryOnly) } catch {
            return fail(CommandOutput(exitCode: 2, stderr: stderr + "segmint: error: cannot encode report: \(error)\n"))
        }
        var code: Int32 = 0
        if let baseline {
            let cmp = EvalComparison.compare(current: report, baseline: baseline)
            let text = EvalTable.render(cmp)
            if options.json { stderr += text } else { stdout += text }
            if cmp.gateFailed { code = 1 }
        }
        return (CommandOutput(exitCode: code, stdout: stdout, stderr: stderr), report)
    }
}
