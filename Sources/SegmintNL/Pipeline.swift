import Foundation
import SegmintCore
import SegmintCatalog
import SegmintCheck
import SegmintSyntax
import SegmintLLM

/// Limits of the pipeline.
public struct PipelineOptions: Sendable {
    /// Extra decompose calls after a non-verbatim span or unreadable answer.
    public var decomposeRetries: Int
    /// Repair calls per part (grounding problems and checker diagnostics together).
    public var repairsPerPart: Int
    /// Retrieval hits per kind and span.
    public var topK: Int
    /// Runs map and date one after the other and parts one after another (benchmarks only).
    public var sequential: Bool
    /// Absolute deadline of the whole request (`LLMClient.now()` clock): no stage call starts after it.
    public var deadline: Double?
    public init(decomposeRetries: Int = 2, repairsPerPart: Int = 2, topK: Int = 10, sequential: Bool = false, deadline: Double? = nil) {
        self.decomposeRetries = decomposeRetries; self.repairsPerPart = repairsPerPart
        self.topK = topK; self.sequential = sequential; self.deadline = deadline
    }
}

/// How a request ended.
public enum PipelineOutcome: Sendable {
    /// A checked segment: the `.seg` text (header + segment) and the checked program.
    case segment(seg: String, program: CheckedProgram?, usedAnswers: [String: String])
    /// Questions the user must answer first (each at most once).
    case questions([Question])
    /// Not a segment request (out of scope, or asks to change or delete data): one-line reason.
    case refused(String)
    /// Could not be grounded: what failed and the words that could not be mapped.
    case ungrounded(problems: [String], unmapped: [String])
}

/// A failure of the LLM layer itself (every provider down): the caller falls back offline.
public struct ModelUnavailable: Error, CustomStringConvertible, Sendable {
    public var description: String
}

/// One line of `--trace`: a stage call and how it went.
public struct TraceEntry: Sendable, Codable, Equatable {
    public var stage: String
    public var part: Int?
    public var prompt: String
    public var model: String?
    public var milliseconds: Int
    public var cacheHit: Bool
    public var outcome: String
}

/// The natural-language pipeline:
///
/// | stage     | LLM | input → output                                                   |
/// |-----------|-----|------------------------------------------------------------------|
/// | decompose | yes | request → verbatim spans (checked mechanically, retried)          |
/// | retrieve  | no  | span → top-k facets, events, fields, values (`RetrievalIndex`)    |
/// | map ∥ date| yes | span + candidates → tagged condition ∥ time window, all parts ∥   |
/// | assemble  | no  | conditions → one `.seg` segment → parser + checker               |
/// | repair    | yes | condition + rendered diagnostic → condition (bounded)             |
public final class Pipeline: Sendable {
    public let catalog: Catalog
    public let index: RetrievalIndex
    public let prompts: PromptSet
    let model: StageModel
    let options: PipelineOptions
    let progress: @Sendable (String) -> Void
    /// The catalog's words for the prompts' placeholders (entity, few-shot examples).
    let context: PromptContext

    public init(catalog: Catalog, index: RetrievalIndex, prompts: PromptSet, model: StageModel,
                options: PipelineOptions = PipelineOptions(), progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.catalog = catalog; self.index = index; self.prompts = prompts; self.model = model
        self.options = options; self.progress = progress
        self.context = PromptContext(catalog: catalog)
    }

    /// Per-request state shared by the parallel stage tasks.
    actor RequestState {
        var models: [String: String] = [:]
        var trace: [TraceEntry] = []
        var usedAnswers: [String: String] = [:]
        var notices: [String] = []
        var calls = 0
        func record(_ e: TraceEntry) { trace.append(e); calls += 1; if let m = e.model { models[e.stage] = m } }
        func used(_ k: String, _ v: String) { usedAnswers[k] = v }
        func notice(_ n: String) { if !notices.contains(n) { notices.append(n) } }
    }

    /// The result of one part after map, date and grounding (and any repairs). A part ends with a
    /// condition, with questions filed for it (`waiting`), deliberately empty (`skipped`: the
    /// user said to ignore its words), or with problems naming what failed.
    struct PartResult: Sendable {
        var index: Int
        var part: Part
        var condition: String?
        var window: String?
        var windowFrom: String?
        var unmapped: [String]
        var problems: [String]
        var claims: Set<RetrievalTarget>
        var hits: [RetrievalHit]
        var repairsLeft: Int
        var waiting = false
        var skipped = false
        /// Conditions the user chose by answering a `term:` question with a catalog item.
        var chosen: [String] = []
        /// Stage answers this part kept; cached when the request ends well for the part.
        var accepted: [StageReply] = []
        /// The answer that wrote `condition` (dropped from `accepted` if the checker rejects it).
        var conditionReply: StageReply?
    }

    /// Everything one request produced.
    public struct Run: Sendable {
        public var outcome: PipelineOutcome
        public var trace: [TraceEntry]
        /// Lines for stderr: which provider answered after a failover.
        public var notices: [String]
    }

    /// Runs the whole pipeline for one request. Throws `ModelUnavailable` when the LLM layer fails.
    public func run(_ request: String, answers: Answers = Answers()) async throws -> (PipelineOutcome, [TraceEntry]) {
        let r = try await runDetailed(request, answers: answers)
        return (r.outcome, r.trace)
    }

    public func runDetailed(_ request: String, answers: Answers = Answers()) async throws -> Run {
        let state = RequestState()
        let registry = AmbiguityRegistry()
        func finish(_ o: PipelineOutcome) async -> Run { Run(outcome: o, trace: await state.trace, notices: await state.notices) }
        if let reason = RequestGuard.refusal(request, entity: catalog.entity.name) { return await finish(.refused(reason)) }

        progress("decompose")
        let parts: [Part]
        switch try await decompose(request, state: state) {
        case .failure(let problem): return await finish(.ungrounded(problems: [problem.description], unmapped: []))
        case .success(.refusal(let r)): return await finish(.refused(Self.oneLine(r)))
        case .success(.parts(let p)): parts = p
        }

        progress("retrieve, map and date (\(parts.count) part\(parts.count == 1 ? "" : "s"))")
        var results = try await forEachPart(parts.enumerated().map { ($0.offset, $0.element) }) { (i, p) in
            try await self.runPart(i, p, request: request, answers: answers, state: state, registry: registry)
        }

        progress("assemble and check")
        var rounds = 0
        while true {
            if let end = await settled(results, registry: registry, request: request) {
                acceptReplies(results)
                return await finish(end)
            }
            let (text, ranges) = await assemble(request: request, results: results, state: state)
            let validation = SegmentValidation.run(text, catalog: catalog, requireTags: true, request: request)
            if validation.errors.isEmpty {
                acceptReplies(results)
                let qs = Self.ordered(await registry.questions, request: request)
                if !qs.isEmpty { return await finish(.questions(qs)) }
                return await finish(.segment(seg: text, program: validation.program, usedAnswers: await state.usedAnswers))
            }
            rounds += 1
            // Every error is charged to the part whose text it points into; errors with no part end it.
            var byPart: [Int: [String]] = [:]
            var orphan: [String] = []
            for p in validation.errors {
                if let o = p.offset, let k = ranges.first(where: { $0.1.contains(o) })?.0 { byPart[k, default: []].append(p.rendered) }
                else { orphan.append(p.diagnostic.message) }
            }
            if !orphan.isEmpty || rounds > options.repairsPerPart {
                acceptReplies(results.filter { byPart[$0.index] == nil })
                let all = validation.errors.map { p in
                    let owner = p.offset.flatMap { o in ranges.first(where: { $0.1.contains(o) })?.0 }.map { "part \(StringLiteral.quote(parts[$0].span)): " } ?? ""
                    return owner + p.diagnostic.message + (p.diagnostic.help.map { " (\($0))" } ?? "")
                }
                return await finish(.ungrounded(problems: all, unmapped: results.flatMap(\.unmapped)))
            }
            progress("repair (\(byPart.count) part\(byPart.count == 1 ? "" : "s"))")
            let charged = byPart
            results = try await forEachPart(results.map { ($0.index, $0) }) { (_, r) in
                guard let diags = charged[r.index] else { return r }
                return try await self.repair(r, diagnostic: diags.joined(separator: "\n"), request: request, answers: answers, state: state, registry: registry)
            }
        }
    }

    /// How the request ends before assembly, or nil when every part has a condition to check:
    /// problems → ungrounded (naming each part); parts waiting on questions → the questions.
    func settled(_ results: [PartResult], registry: AmbiguityRegistry, request: String) async -> PipelineOutcome? {
        let failed = results.filter { !$0.problems.isEmpty }
        if !failed.isEmpty {
            let problems = failed.flatMap { r in r.problems.map { "part \(StringLiteral.quote(r.part.span)): \($0)" } }
            return .ungrounded(problems: problems, unmapped: failed.flatMap(\.unmapped))
        }
        let qs = Self.ordered(await registry.questions, request: request)
        if results.contains(where: \.waiting) || results.contains(where: { $0.condition == nil && $0.chosen.isEmpty && !$0.skipped }) {
            if !qs.isEmpty { return .questions(qs) }
            // Defensive: a part with neither a condition, a question nor a problem must not vanish.
            let lost = results.filter { $0.condition == nil && $0.chosen.isEmpty && !$0.skipped }.map { "part \(StringLiteral.quote($0.part.span)): no condition was produced" }
            return .ungrounded(problems: lost, unmapped: [])
        }
        if results.allSatisfy(\.skipped) {
            return .ungrounded(problems: ["every part was set aside by the answers; nothing is left to select"], unmapped: [])
        }
        return nil
    }

    /// Questions in the order their words appear in the request (parts run in parallel, so the
    /// order they were filed in is not stable), then by key.
    static func ordered(_ qs: [Question], request: String) -> [Question] {
        let low = request.lowercased()
        func at(_ q: Question) -> Int { low.range(of: q.span.lowercased()).map { low.distance(from: low.startIndex, to: $0.lowerBound) } ?? Int.max }
        return qs.sorted { (at($0), $0.key) < (at($1), $1.key) }
    }

    /// Caches the kept answers of parts that ended well.
    func acceptReplies(_ results: [PartResult]) {
        for r in results where r.problems.isEmpty {
            for reply in r.accepted { model.accept(reply) }
        }
    }

    /// Runs `body` for every item, in parallel unless `sequential`, keeping the order.
    func forEachPart<T: Sendable>(_ items: [(Int, T)], _ body: @escaping @Sendable (Int, T) async throws -> PartResult) async throws -> [PartResult] {
        if options.sequential {
            var out: [PartResult] = []
            for (i, x) in items { out.append(try await body(i, x)) }
            return out
        }
        return try await withThrowingTaskGroup(of: PartResult.self) { group in
            for (i, x) in items { group.addTask { try await body(i, x) } }
            var out: [PartResult] = []
            for try await r in group { out.append(r) }
            return out.sorted { $0.index < $1.index }
        }
    }

    /// Decompose with mechanical checks: every span verbatim and non-empty; a rejected answer is
    /// sent back with the attempt number, the answer and the reason (so it is never a cache hit).
    func decompose(_ request: String, state: RequestState) async throws -> Result<DecomposeAnswer, DecomposeFailure> {
        var feedback: String?
        var rejected: String?
        for attempt in 0...options.decomposeRetries {
            var user: [String: Any] = ["request": request]
            if let f = feedback { user["feedback"] = f; user["attempt"] = attempt + 1; user["rejected"] = String((rejected ?? "").prefix(4000)) }
            let reply = try await call(prompts.decompose, user: user, part: nil, state: state)
            do {
                let answer = try DecomposeAnswer.parse(reply.text)
                switch answer {
                case .refusal:
                    model.accept(reply); return .success(answer)
                case .parts(let p):
                    let bad = p.filter { $0.span.trimmingCharacters(in: .whitespaces).isEmpty || !request.contains($0.span) }
                    if p.isEmpty { feedback = "no parts were given; give at least one span, or a refusal" }
                    else if bad.isEmpty {
                        // Words naming catalog items outside every part may be context ("our outdoor
                        // line") or a dropped condition: the user is told, never silently.
                        let left = uncoveredCatalogWords(request, p)
                        if !left.isEmpty {
                            await state.notice("notice: " + left.map { StringLiteral.quote($0) }.joined(separator: ", ")
                                               + " name\(left.count == 1 ? "s" : "") catalog items but \(left.count == 1 ? "is" : "are") in no part of the request; check that the segment covers what you meant")
                        }
                        model.accept(reply); return .success(answer)
                    } else {
                        feedback = bad.map { "span \(StringLiteral.quote($0.span)) does not occur verbatim in the request; copy the words exactly" }.joined(separator: "; ")
                    }
                }
            } catch {
                feedback = "\(error)"
            }
            rejected = reply.text
        }
        return .failure(DecomposeFailure(description: "decompose: no usable answer after \(options.decomposeRetries + 1) attempts (\(feedback ?? "?"))"))
    }

    struct DecomposeFailure: Error, CustomStringConvertible { var description: String }

    /// Words outside every span that name a catalog item (a name, synonym or value, one word or
    /// several in a row): a decomposition that leaves them out may have dropped a condition.
    /// Each run of uncovered words is looked up in the retrieval index, and a hit counts only
    /// when all its words occur in that run in order (the entity's own words excepted).
    func uncoveredCatalogWords(_ request: String, _ parts: [Part]) -> [String] {
        let covered = parts.compactMap { request.range(of: $0.span) }
        let entity = Set(Words.split(context.entity + " " + context.entities + " " + catalog.entity.name).map(\.norm))
        var runs: [[Word]] = [[]]
        for w in Words.split(request) {
            if covered.contains(where: { $0.contains(w.range.lowerBound) }) { if !(runs.last ?? []).isEmpty { runs.append([]) } }
            else { runs[runs.count - 1].append(w) }
        }
        var out: [String] = []
        for run in runs where !run.isEmpty {
            let norms = run.map(\.norm)
            for hit in index.search(run.map(\.text).joined(separator: " "), k: 5) {
                for phrase in [hit.matched] + names(hit.target) {
                    let words = Words.split(phrase).map(\.norm)
                    guard !words.isEmpty, words.count <= norms.count, !words.allSatisfy({ entity.contains($0) || Stopwords.set.contains($0) }) else { continue }
                    guard let at = (0...(norms.count - words.count)).first(where: { Array(norms[$0..<($0 + words.count)]) == words }) else { continue }
                    let text = run[at..<(at + words.count)].map(\.text).joined(separator: " ")
                    if !out.contains(text) { out.append(text) }
                    break
                }
            }
        }
        return out
    }

    /// A catalog item's name and synonyms (a value: its text), as a user might write them.
    func names(_ t: RetrievalTarget) -> [String] {
        switch t {
        case .facet(let f): return [f] + (catalog.facet(named: f)?.synonyms ?? [])
        case .event(let e): return [e] + (catalog.event(named: e)?.synonyms ?? [])
        case .field(let e, let f): return [f] + (catalog.event(named: e)?.field(named: f)?.synonyms ?? [])
        case .value(_, let v): return [v]
        }
    }

    static func oneLine(_ s: String) -> String {
        let l = s.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(l.prefix(200))
    }

    func candidateJSON(_ hits: [RetrievalHit]) -> [[String: Any]] {
        hits.map { h in
            var d: [String: Any] = ["claim": h.target.claim]
            switch h.target {
            case .facet(let f):
                d["kind"] = "facet"
                if let a = catalog.facet(named: f) { describe(a, into: &d) }
            case .event(let e):
                d["kind"] = "event"
                if let ev = catalog.event(named: e) { d["fields"] = ev.fields.map(\.name); d["description"] = ev.description ?? "" }
            case .field(let e, let f):
                d["kind"] = "field"
                if let a = catalog.event(named: e)?.field(named: f) { describe(a, into: &d) }
            case .value(let s, _):
                d["kind"] = "value"; d["of"] = s
            }
            return d
        }
    }

    private func describe(_ a: Attribute, into d: inout [String: Any]) {
        d["type"] = a.type.rawValue
        if let v = a.values { d["values"] = Array(v.prefix(60)) }
        if a.ordered { d["ordered"] = true }
        if !a.synonyms.isEmpty { d["synonyms"] = a.synonyms }
        if let u = a.unit { d["unit"] = u }
    }

    /// One stage call, timed and traced. Any LLM-layer error means the models are unavailable;
    /// so does a request whose time budget (`options.deadline`) is spent.
    func call(_ prompt: Prompt, user: [String: Any], part: Int?, state: RequestState) async throws -> StageReply {
        let started = DispatchTime.now().uptimeNanoseconds
        if let d = options.deadline, LLMClient.now() >= d {
            throw ModelUnavailable(description: "deadline exceeded: the request's time budget ran out before the \(prompt.stage) stage")
        }
        let c = StageCall(stage: prompt.stage, promptVersion: prompt.cacheVersion, system: context.render(prompt),
                          user: StageJSON.encode(user), deadline: options.deadline)
        do {
            let reply = try await model.complete(c)
            let ms = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            await state.record(TraceEntry(stage: prompt.stage, part: part, prompt: prompt.label, model: reply.model,
                                          milliseconds: ms, cacheHit: reply.cacheHit, outcome: "ok"))
            if !reply.failedOver.isEmpty {
                await state.notice("notice: the \(prompt.stage) stage was answered by \(reply.provider ?? "another provider") after failover ("
                                   + reply.failedOver.joined(separator: "; ") + ")")
            }
            return reply
        } catch {
            let ms = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            await state.record(TraceEntry(stage: prompt.stage, part: part, prompt: prompt.label, model: nil,
                                          milliseconds: ms, cacheHit: false, outcome: "error: \(error)"))
            throw ModelUnavailable(description: "\(prompt.stage): \(error)")
        }
    }

    /// Deterministic assembly: header comment, then one segment; returns the text and, for each
    /// condition line, the part it belongs to and its byte range (to charge checker diagnostics
    /// to the right part). A part may own several lines (its condition and the ones its answers chose).
    func assemble(request: String, results: [PartResult], state: RequestState) async -> (String, [(Int, Range<Int>)]) {
        let models = await state.models
        let used = await state.usedAnswers
        var header = ["segmint ask", "request: \(StringLiteral.quote(request))", "catalog: \(catalog.label)"]
        header.append("prompts: " + prompts.all.map(\.label).joined(separator: ", "))
        header.append("models: " + models.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        for (k, v) in used.sorted(by: { $0.key < $1.key }) { header.append("answer: \(k) = \(StringLiteral.quote(v))") }
        let include = results.filter { !$0.part.exclude }
        let exclude = results.filter { $0.part.exclude }
        func lines(_ r: PartResult) -> [String] { (r.condition.map { [$0] } ?? []) + r.chosen }
        let text = SegWriter.segment(name: SegWriter.name(for: request, entity: catalog.entity), title: request,
                                     include: include.flatMap(lines), exclude: exclude.flatMap(lines), header: header)
        // Find each condition line; conditions are single lines (checked), so search line by line.
        var ranges: [(Int, Range<Int>)] = []
        let bytes = Array(text.utf8)
        var lineStart = 0
        var order = (include + exclude).flatMap { r in lines(r).map { _ in r.index } }.makeIterator()
        var inBlock = false
        for (o, b) in bytes.enumerated() where b == 0x0A {
            let line = String(decoding: bytes[lineStart..<o], as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "include {" || trimmed == "exclude {" { inBlock = true }
            else if trimmed == "}" { inBlock = false }
            else if inBlock, let k = order.next() { ranges.append((k, lineStart..<(o + 1))) }
            lineStart = o + 1
        }
        return (text, ranges)
    }
}
