import Foundation
import SegmintCore
import SegmintCatalog
import SegmintStore
import SegmintDemo
import SegmintSQL
import SegmintNL

extension EvalEnvironment {
    /// The real parts: `ask`'s session on cassettes or live, the offline translator, and the
    /// demo database.
    public static var standard: EvalEnvironment {
        EvalEnvironment(
            translators: { options, _, catalog in try standardTranslators(options, catalog) },
            executor: { options, suite, catalog in try demoExecutor(options, suite, catalog) },
            promptVersions: { options in
                guard !options.noPipeline, let prompts = try? loadPrompts(options) else { return [:] }
                return Dictionary(prompts.all.map { ($0.stage, "v\($0.version) sha256:\($0.hash)") }, uniquingKeysWith: { a, _ in a })
            },
            progress: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
    }

    static func loadPrompts(_ options: EvalOptions) throws -> PromptSet {
        try PromptSet.resolve(directory: options.promptsDirectory)
    }

    /// The pipeline (cassettes, or live with `--live`/`--record`) unless `--no-pipeline`, and the
    /// offline translator with `--offline-translator`.
    static func standardTranslators(_ options: EvalOptions, _ catalog: Catalog) throws -> [(EvalTranslator, llm: String)] {
        var out: [(EvalTranslator, llm: String)] = []
        if !options.noPipeline {
            let prompts = try loadPrompts(options)
            let translator: AskTranslator
            if options.live {
                // No response cache: a live eval measures the provider, not yesterday's answers.
                let made = makeAskModel(configPath: options.configPath, tracePath: nil, noCache: true)
                if let e = made.error { throw EvalSuiteError("LLM configuration: \(e)") }
                guard let model = made.model else {
                    throw EvalSuiteError("--live needs a configured LLM provider (see segmint llm ping); none is configured")
                }
                translator = AskTranslator(name: "pipeline", mode: .live(model), catalog: catalog, prompts: prompts,
                                           record: options.record, force: options.force)
            } else {
                translator = AskTranslator(name: "pipeline", mode: .cassette, catalog: catalog, prompts: prompts)
            }
            out.append((translator, llm: translator.llmLabel))
        }
        if options.offlineTranslator {
            out.append((AskTranslator(name: "offline", mode: .offline, catalog: catalog, prompts: nil), llm: "none"))
        }
        return out
    }

    /// `--db URL` when given (SQLite path or postgres://, opened without creating anything);
    /// otherwise the suite's demo data generated into an in-memory SQLite database, so every
    /// run scores against the same rows and nothing is left on disk.
    static func demoExecutor(_ options: EvalOptions, _ suite: EvalSuite, _ catalog: Catalog) throws -> EvalExecutor {
        if let url = options.databasePath {
            let db = try DatabaseURL.open(url, create: false)
            let dialect = Dialect(rawValue: db.dialectName) ?? .sqlite
            return DatabaseEvalExecutor(database: db, dialect: dialect, asOf: suite.asOf)
        }
        let db = try SQLiteDatabase(path: ":memory:")
        let demo = DemoOptions(customers: suite.settings.demo.customers, seed: suite.settings.demo.seed, asOf: suite.asOf)
        _ = try db.transaction { try DemoData.populate(db, catalog: catalog, options: demo) }
        return DatabaseEvalExecutor(database: db, dialect: .sqlite, asOf: suite.asOf)
    }
}
