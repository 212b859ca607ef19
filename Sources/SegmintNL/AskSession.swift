import Foundation
import SegmintCore
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintSyntax
import SegmintLLM

/// One `segmint ask` request, argv-free.
public struct AskRequest: Sendable {
    public var text: String
    public var catalog: Catalog
    /// Memory namespace; the catalog file's tenant (`catalogs/<tenant>.yaml`) or `default`.
    public var tenant: String
    public var user: String
    /// Use the offline translator even when a model is configured.
    public var offline: Bool
    /// `--answer KEY=VALUE` pairs; they win over remembered answers.
    public var answers: [String: String]
    /// Compile the segment to SQL for this dialect.
    public var sqlDialect: Dialect?
    /// Seconds the whole request may take with a model (`--timeout`); nil: the model's default
    /// budget (`deadline_s`).
    public var timeout: Double?
    /// The day the offline translator counts calendar periods from ("this fiscal quarter");
    /// nil: today.
    public var asOf: CivilDate?

    public init(text: String, catalog: Catalog, tenant: String = "default", user: String = "default", offline: Bool = false,
                answers: [String: String] = [:], sqlDialect: Dialect? = nil, timeout: Double? = nil) {
        self.text = text; self.catalog = catalog; self.tenant = tenant; self.user = user; self.offline = offline
        self.answers = answers; self.sqlDialect = sqlDialect; self.timeout = timeout
    }
}

/// What `segmint ask` ends with. Exit codes: 0 checked segment; 1 could not be grounded;
/// 2 the configured model could not answer (every provider failed, or the time budget ran out);
/// 3 clarification questions (JSON on stdout); 4 not a segment request.
public struct AskOutcome: Sendable {
    public var exitCode: Int32
    /// The checked `.seg` text (exit 0).
    public var seg: String?
    /// SQL, when asked for.
    public var sql: String?
    /// The questions (exit 3), as JSON for stdout.
    public var questionsJSON: String?
    /// Every line for stderr: notices, the refusal reason, the unmapped words.
    public var messages: [String]
    public var trace: [TraceEntry]
    /// True when the offline translator produced the answer.
    public var usedOfflineTranslator: Bool
}

/// Runs one request end to end: memory, pipeline (or the offline translator), clarification,
/// the checker, SQL. Keeps the retrieval index per catalog so it is built once.
public final class AskSession: @unchecked Sendable {
    let model: StageModel?
    let prompts: PromptSet?
    let memory: MemoryStore?
    /// Asks one question on a terminal; nil when not interactive (then questions exit 3).
    let interactive: (@Sendable (Question) async -> String?)?
    let progress: @Sendable (String) -> Void
    let options: PipelineOptions
    private var indexes: [String: RetrievalIndex] = [:]
    private let lock = NSLock()

    public init(model: StageModel?, prompts: PromptSet?, memory: MemoryStore?, options: PipelineOptions = PipelineOptions(),
                interactive: (@Sendable (Question) async -> String?)? = nil, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.model = model; self.prompts = prompts; self.memory = memory; self.options = options
        self.interactive = interactive; self.progress = progress
    }

    func index(for catalog: Catalog) -> RetrievalIndex {
        lock.withLock {
            let key = catalog.path + "|" + catalog.label
            if let i = indexes[key] { return i }
            let i = RetrievalIndex(catalog: catalog)
            indexes[key] = i
            return i
        }
    }

    // Kept as one function: it is the exit-code contract of `ask` (0/1/2/3/4) read top to bottom,
    // each early return one outcome; the stages it calls are the pieces.
    public func run(_ r: AskRequest) async -> AskOutcome {
        var messages: [String] = []
        var remembered: [String: String] = [:]
        if let memory {
            do { remembered = try memory.answers(tenant: r.tenant, user: r.user) } catch {
                messages.append("warning: memory store unavailable (\(error)); continuing without remembered answers")
            }
        }
        var answers = remembered
        for (k, v) in r.answers { answers[k.lowercased()] = v }
        if let reason = RequestGuard.refusal(r.text, entity: r.catalog.entity.name) {
            return AskOutcome(exitCode: 4, seg: nil, sql: nil, questionsJSON: nil, messages: messages + ["refused: \(reason)"], trace: [], usedOfflineTranslator: false)
        }

        var trace: [TraceEntry] = []
        let offline = r.offline || model == nil || prompts == nil
        if offline, !r.offline {
            messages.append(model == nil ? "notice: no LLM configured; using the offline translator"
                                         : "notice: no prompts available; using the offline translator")
        }
        var options = self.options
        if !offline, let budget = r.timeout ?? model?.defaultBudget { options.deadline = LLMClient.now() + budget }
        // Up to three rounds: each interactive round answers every open question at once.
        for _ in 0..<3 {
            let outcome: PipelineOutcome
            if !offline, let model, let prompts {
                let p = Pipeline(catalog: r.catalog, index: index(for: r.catalog), prompts: prompts, model: model, options: options, progress: progress)
                do {
                    let run = try await p.runDetailed(r.text, answers: Answers(answers))
                    outcome = run.outcome; trace += run.trace
                    for n in run.notices where !messages.contains(n) { messages.append(n) }
                } catch {
                    // A configured model that cannot answer is an error, never a silent switch to
                    // the offline translator (whose answer the user did not ask for).
                    return AskOutcome(exitCode: 2, seg: nil, sql: nil, questionsJSON: nil,
                                      messages: messages + ["error: the LLM could not answer (\(error)); nothing was translated. "
                                                            + "Check the providers with `segmint llm ping`, or use --offline for the offline translator"],
                                      trace: trace, usedOfflineTranslator: false)
                }
            } else {
                progress("offline translator")
                outcome = offlineOutcome(r, answers: answers)
            }

            switch outcome {
            case .segment(let seg, let program, let used):
                for (k, v) in used where r.answers[k] != nil || remembered[k] != v {
                    do { try memory?.remember(tenant: r.tenant, user: r.user, key: k, value: v) } catch {
                        messages.append("warning: could not remember \(k): \(error)")
                    }
                }
                var sql: String?
                if let d = r.sqlDialect {
                    guard let program, let name = program.segments.last?.name else {
                        return AskOutcome(exitCode: 1, seg: seg, sql: nil, questionsJSON: nil, messages: messages + ["error: the segment did not check, so no SQL"], trace: trace, usedOfflineTranslator: offline)
                    }
                    switch SQLCompiler.compile(program, segment: name, options: CompileOptions(dialect: d)) {
                    case .success(let s): sql = s
                    case .failure(let f):
                        return AskOutcome(exitCode: 1, seg: seg, sql: nil, questionsJSON: nil, messages: messages + f.diagnostics.map { "error: \($0.message)" }, trace: trace, usedOfflineTranslator: offline)
                    }
                }
                return AskOutcome(exitCode: 0, seg: seg, sql: sql, questionsJSON: nil, messages: messages, trace: trace, usedOfflineTranslator: offline)
            case .refused(let reason):
                return AskOutcome(exitCode: 4, seg: nil, sql: nil, questionsJSON: nil, messages: messages + ["refused: \(reason)"], trace: trace, usedOfflineTranslator: offline)
            case .ungrounded(let problems, let unmapped):
                var m = messages + problems.map { "error: \($0)" }
                if !unmapped.isEmpty { m.append("could not map: " + unmapped.map { StringLiteral.quote($0) }.joined(separator: ", ")) }
                return AskOutcome(exitCode: 1, seg: nil, sql: nil, questionsJSON: nil, messages: m, trace: trace, usedOfflineTranslator: offline)
            case .questions(let qs):
                guard let interactive else {
                    return AskOutcome(exitCode: 3, seg: nil, sql: nil, questionsJSON: Self.json(qs), messages: messages + ["\(qs.count) question\(qs.count == 1 ? " needs" : "s need") an answer (--answer KEY=VALUE)"], trace: trace, usedOfflineTranslator: offline)
                }
                var got = false
                for q in qs {
                    if let a = await interactive(q), !a.trimmingCharacters(in: .whitespaces).isEmpty {
                        answers[q.key] = a; got = true
                        do { try memory?.remember(tenant: r.tenant, user: r.user, key: q.key, value: a) } catch {
                            messages.append("warning: could not remember \(q.key): \(error)")
                        }
                    }
                }
                if !got {
                    return AskOutcome(exitCode: 3, seg: nil, sql: nil, questionsJSON: Self.json(qs), messages: messages + ["no answer given"], trace: trace, usedOfflineTranslator: offline)
                }
            }
        }
        return AskOutcome(exitCode: 1, seg: nil, sql: nil, questionsJSON: nil, messages: messages + ["error: the answers did not settle the questions"], trace: trace, usedOfflineTranslator: false)
    }

    /// The offline translator's result, checked by the real checker like any LLM output.
    func offlineOutcome(_ r: AskRequest, answers: [String: String]) -> PipelineOutcome {
        let t = OfflineTranslator(catalog: r.catalog, index: index(for: r.catalog), today: r.asOf).translate(r.text, answers: Answers(answers))
        if let reason = t.refusal { return .refused(reason) }
        if !t.questions.isEmpty, t.unmapped.isEmpty { return .questions(t.questions) }
        guard let seg = t.seg else {
            var problems = ["the offline translator could not map every word of the request"]
            if t.include.isEmpty && t.exclude.isEmpty { problems = ["the offline translator found nothing in the catalog for this request"] }
            return .ungrounded(problems: problems, unmapped: t.unmapped)
        }
        let v = SegmentValidation.run(seg, catalog: r.catalog, requireTags: true, request: r.text)
        if !v.errors.isEmpty { return .ungrounded(problems: v.errors.map(\.rendered), unmapped: []) }
        return .segment(seg: seg, program: v.program, usedAnswers: t.usedAnswers)
    }

    /// `{"questions": [{"key", "kind", "span", "question", "example", "options"?}]}`
    static func json(_ qs: [Question]) -> String {
        let items = qs.map { q in
            let options = q.options.isEmpty ? "" : ", \"options\": [" + q.options.map(JSON.string).joined(separator: ", ") + "]"
            return "{\"key\": \(JSON.string(q.key)), \"kind\": \(JSON.string(q.kind.rawValue)), \"span\": \(JSON.string(q.span)), "
                + "\"question\": \(JSON.string(q.text)), \"example\": \(JSON.string(q.example))\(options)}"
        }
        return "{\"questions\": [" + items.joined(separator: ", ") + "]}\n"
    }

    /// `--trace FILE` content: one JSON object per stage call.
    public static func traceLines(_ t: [TraceEntry]) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return t.compactMap { (try? enc.encode($0)).map { String(decoding: $0, as: UTF8.self) } }.joined(separator: "\n") + (t.isEmpty ? "" : "\n")
    }
}
