import Foundation
import SegmintCore
import SegmintCatalog
import SegmintCheck
import SegmintSyntax

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
    public init(decomposeRetries: Int = 2, repairsPerPart: Int = 2, topK: Int = 10, sequential: Bool = false) {
        self.decomposeRetries = decomposeRetries; self.repairsPerPart = repairsPerPart
        self.topK = topK; self.sequential = sequential
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

/// The natural-language pipeline (issue 6):
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

    public init(catalog: Catalog, index: RetrievalIndex, prompts: PromptSet, model: StageModel,
                options: PipelineOptions = PipelineOptions(), progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.catalog = catalog; self.index = index; self.prompts = prompts; self.model = model
        self.options = options; self.progress = progress
    }

    /// Per-request state shared by the parallel stage tasks.
    actor RequestState {
        var models: [String: String] = [:]
        var trace: [TraceEntry] = []
        var usedAnswers: [String: String] = [:]
        var calls = 0
        func record(_ e: TraceEntry) { trace.append(e); calls += 1; if let m = e.model { models[e.stage] = m } }
        func used(_ k: String, _ v: String) { usedAnswers[k] = v }
    }

    /// The result of one part after map, date and grounding (and any repairs).
    struct PartResult: Sendable {
        var index: Int
        var part: Part
        var condition: String?
        var window: String?
        var unmapped: [String]
        var problems: [String]
        var claims: Set<RetrievalTarget>
        var hits: [RetrievalHit]
        var repairsLeft: Int
    }

    /// Runs the whole pipeline for one request. Throws `ModelUnavailable` when the LLM layer fails.
    public func run(_ request: String, answers: Answers = Answers()) async throws -> (PipelineOutcome, [TraceEntry]) {
        let state = RequestState()
        let registry = AmbiguityRegistry()
        if let reason = RequestGuard.refusal(request, entity: catalog.entity.name) { return (.refused(reason), []) }

        // 1. decompose, with mechanical verbatim checks.
        progress("decompose")
        var parts: [Part] = []
        var feedback: String?
        var decomposed = false
        for _ in 0...options.decomposeRetries {
            var user: [String: Any] = ["request": request]
            if let f = feedback { user["feedback"] = f }
            let reply = try await call(prompts.decompose, user: user, part: nil, state: state)
            do {
                switch try DecomposeAnswer.parse(reply.text) {
                case .refusal(let r):
                    return (.refused(Self.oneLine(r)), await state.trace)
                case .parts(let p):
                    let bad = p.filter { $0.span.trimmingCharacters(in: .whitespaces).isEmpty || !request.contains($0.span) }
                    if p.isEmpty { feedback = "no parts were given; give at least one span, or a refusal" ; continue }
                    if bad.isEmpty { parts = p; decomposed = true }
                    else {
                        feedback = bad.map { "span \(StringLiteral.quote($0.span)) does not occur verbatim in the request; copy the words exactly" }.joined(separator: "; ")
                    }
                }
            } catch {
                feedback = "\(error)"
            }
            if decomposed { break }
        }
        guard decomposed else {
            return (.ungrounded(problems: ["decompose: \(feedback ?? "no usable answer")"], unmapped: []), await state.trace)
        }

        // 2–3. retrieve, then map ∥ date for every part, all parts in parallel.
        progress("retrieve, map and date (\(parts.count) part\(parts.count == 1 ? "" : "s"))")
        var results: [PartResult] = []
        if options.sequential {
            for (i, p) in parts.enumerated() {
                results.append(try await runPart(i, p, request: request, answers: answers, state: state, registry: registry))
            }
        } else {
            results = try await withThrowingTaskGroup(of: PartResult.self) { group in
                for (i, p) in parts.enumerated() {
                    group.addTask { try await self.runPart(i, p, request: request, answers: answers, state: state, registry: registry) }
                }
                var out: [PartResult] = []
                for try await r in group { out.append(r) }
                return out.sorted { $0.index < $1.index }
            }
        }

        // 4. assemble and check; diagnostics go back to the part that wrote the offending text.
        progress("assemble and check")
        var rounds = 0
        while true {
            let failed = results.filter { $0.condition == nil || !$0.problems.isEmpty }
            if !failed.isEmpty {
                let problems = failed.flatMap { r in r.problems.map { "part \(StringLiteral.quote(r.part.span)): \($0)" } }
                let unmapped = failed.flatMap(\.unmapped)
                let qs = await registry.questions
                if !qs.isEmpty && problems.isEmpty { return (.questions(qs), await state.trace) }
                return (.ungrounded(problems: problems, unmapped: unmapped), await state.trace)
            }
            let (text, ranges) = await assemble(request: request, results: results, state: state)
            let qs = await registry.questions
            let validation = SegmentValidation.run(text, catalog: catalog, requireTags: true, request: request)
            if validation.errors.isEmpty {
                if !qs.isEmpty { return (.questions(qs), await state.trace) }
                return (.segment(seg: text, program: validation.program, usedAnswers: await state.usedAnswers), await state.trace)
            }
            rounds += 1
            // Every error is charged to the part whose text it points into; errors with no part end it.
            var byPart: [Int: [String]] = [:]
            var orphan: [String] = []
            for p in validation.errors {
                if let o = p.offset, let k = ranges.firstIndex(where: { $0.contains(o) }) { byPart[k, default: []].append(p.rendered) }
                else { orphan.append(p.diagnostic.message) }
            }
            if !orphan.isEmpty || rounds > options.repairsPerPart {
                let all = validation.errors.map { $0.diagnostic.message + ($0.diagnostic.help.map { " (\($0))" } ?? "") }
                return (.ungrounded(problems: all, unmapped: results.flatMap(\.unmapped)), await state.trace)
            }
            progress("repair (\(byPart.count) part\(byPart.count == 1 ? "" : "s"))")
            let snapshot = results
            results = try await withThrowingTaskGroup(of: PartResult.self) { group in
                for r in snapshot {
                    if let diags = byPart[r.index] {
                        group.addTask { try await self.repair(r, diagnostic: diags.joined(separator: "\n"), request: request, answers: answers, state: state, registry: registry) }
                    } else {
                        group.addTask { r }
                    }
                }
                var out: [PartResult] = []
                for try await r in group { out.append(r) }
                return out.sorted { $0.index < $1.index }
            }
        }
    }

    static func oneLine(_ s: String) -> String {
        let l = s.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return String(l.prefix(200))
    }

    /// Retrieve, then map ∥ date, then grounding with bounded repairs, for one part.
    func runPart(_ i: Int, _ part: Part, request: String, answers: Answers, state: RequestState,
                 registry: AmbiguityRegistry) async throws -> PartResult {
        let hits = index.search(part.span, k: options.topK)
        let claims = index.claims(for: hits)
        let candidates = candidateJSON(hits)
        let answerDict = answers.values
        let mapUser: [String: Any] = ["request": request, "span": part.span, "exclude": part.exclude,
                                      "candidates": candidates, "answers": answerDict]
        let dateUser: [String: Any] = ["request": request, "span": part.span,
                                       "fiscal_year_start_month": catalog.fiscalYear.startMonth, "answers": answerDict]
        let mapReply: StageReply, dateReply: StageReply
        if options.sequential {
            mapReply = try await call(prompts.map, user: mapUser, part: i, state: state)
            dateReply = try await call(prompts.date, user: dateUser, part: i, state: state)
        } else {
            async let m = call(prompts.map, user: mapUser, part: i, state: state)
            async let d = call(prompts.date, user: dateUser, part: i, state: state)
            (mapReply, dateReply) = try await (m, d)
        }

        var result = PartResult(index: i, part: part, condition: nil, window: nil, unmapped: [], problems: [],
                                claims: claims, hits: hits, repairsLeft: options.repairsPerPart)
        // Date: a vague time word is a question unless answered; the answer replaces the guess.
        if let date = try? DateAnswer.parse(dateReply.text), let raw = date.window {
            let from = date.from.flatMap { request.contains($0) ? $0 : nil } ?? part.span
            if date.inferred {
                if let a = answers.answer(.window, from), let w = AnswerParsing.window(a) {
                    result.window = w; await state.used(Question.key(.window, from), a)
                } else {
                    await registry.file(Question(kind: .window, span: from, text: "what time window does \(StringLiteral.quote(from)) mean?", example: "last 30 days"))
                    result.window = WindowText.canonical(raw)
                }
            } else if let w = WindowText.canonical(raw) {
                result.window = w
            } else {
                result.problems.append("date stage gave an unusable window \(StringLiteral.quote(raw))")
            }
        }
        return try await ground(result, reply: mapReply, request: request, answers: answers, state: state, registry: registry)
    }

    /// Applies the grounding rules to a map/repair answer; repairs while problems remain and budget lasts.
    func ground(_ r0: PartResult, reply: StageReply, request: String, answers: Answers, state: RequestState,
                registry: AmbiguityRegistry) async throws -> PartResult {
        var r = r0
        var reply = reply
        let rules = GroundingRules(request: request, claims: r.claims)
        while true {
            var issues: [String] = []
            var condition: String?
            do {
                let m = try MapAnswer.parse(reply.text)
                r.unmapped = m.unmapped
                if let c = m.condition {
                    let checked = rules.check(c)
                    issues = checked.issues.map { "\($0.message): \($0.text)" }
                    for t in checked.inferred {
                        guard case .scalar(let v) = t.subject else { continue }
                        let span = t.from ?? v
                        if let a = answers.answer(.number, span) { await state.used(Question.key(.number, span), a); continue }
                        await registry.file(Question(kind: .number, span: span, text: "what number does \(StringLiteral.quote(span)) mean here? (the model assumed \(v))", example: ">= \(v)"))
                    }
                    if issues.isEmpty { condition = c }
                } else if r.unmapped.isEmpty {
                    issues = ["no condition given"]
                }
            } catch {
                issues = ["\(error)"]
            }
            if let c = condition {
                r.condition = Self.placeWindow(c, r.window)
                r.problems = []
                return r
            }
            if r.condition == nil && issues.isEmpty {
                // The stage said honestly it could not map these words: no repair will help.
                r.problems = ["could not map: " + r.unmapped.joined(separator: " ")]
                return r
            }
            guard r.repairsLeft > 0 else { r.problems = issues; r.condition = nil; return r }
            r.repairsLeft -= 1
            reply = try await call(prompts.repair, user: repairUser(r, rejected: (try? MapAnswer.parse(reply.text))?.condition ?? reply.text,
                                                                     diagnostic: issues.joined(separator: "\n"), request: request, answers: answers),
                                   part: r.index, state: state)
        }
    }

    /// Sends a checker diagnostic back to the part's repair stage.
    func repair(_ r0: PartResult, diagnostic: String, request: String, answers: Answers, state: RequestState,
                registry: AmbiguityRegistry) async throws -> PartResult {
        var r = r0
        guard r.repairsLeft > 0 else { r.problems = [diagnostic]; return r }
        r.repairsLeft -= 1
        let reply = try await call(prompts.repair, user: repairUser(r, rejected: r.condition ?? "", diagnostic: diagnostic, request: request, answers: answers),
                                   part: r.index, state: state)
        r.condition = nil
        return try await ground(r, reply: reply, request: request, answers: answers, state: state, registry: registry)
    }

    func repairUser(_ r: PartResult, rejected: String, diagnostic: String, request: String, answers: Answers) -> [String: Any] {
        ["request": request, "span": r.part.span, "condition": rejected, "diagnostic": diagnostic,
         "candidates": candidateJSON(r.hits), "answers": answers.values]
    }

    /// Puts the date stage's window where the map stage left `@window`; for a `has` condition with
    /// no placeholder, before its aggregate or tags.
    static func placeWindow(_ c: String, _ window: String?) -> String {
        if c.contains("@window") { return ConditionText.fillWindow(c, window) }
        guard let w = window, c.hasPrefix("has "), !c.contains(" during "), !c.contains(" since "), !c.contains(" before ") else { return c }
        let markers = [" count ", " count>", " sum(", " avg(", " min(", " max(", " count_distinct(", " [RETRIEVED", " [INFERRED"]
        let cut = markers.compactMap { c.range(of: $0)?.lowerBound }.min() ?? c.endIndex
        return String(c[..<cut]) + " " + w + String(c[cut...])
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

    /// One stage call, timed and traced. Any LLM-layer error means the models are unavailable.
    func call(_ prompt: Prompt, user: [String: Any], part: Int?, state: RequestState) async throws -> StageReply {
        let started = DispatchTime.now().uptimeNanoseconds
        let c = StageCall(stage: prompt.stage, promptVersion: prompt.cacheVersion, system: prompt.text, user: StageJSON.encode(user))
        do {
            let reply = try await model.complete(c)
            let ms = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            await state.record(TraceEntry(stage: prompt.stage, part: part, prompt: prompt.label, model: reply.model,
                                          milliseconds: ms, cacheHit: reply.cacheHit, outcome: "ok"))
            return reply
        } catch {
            let ms = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            await state.record(TraceEntry(stage: prompt.stage, part: part, prompt: prompt.label, model: nil,
                                          milliseconds: ms, cacheHit: false, outcome: "error: \(error)"))
            throw ModelUnavailable(description: "\(prompt.stage): \(error)")
        }
    }

    /// Deterministic assembly: header comment, then one segment; returns the text and the byte
    /// range of each part's condition (to charge checker diagnostics to the right part).
    func assemble(request: String, results: [PartResult], state: RequestState) async -> (String, [Range<Int>]) {
        let models = await state.models
        let used = await state.usedAnswers
        var header = ["segmint ask", "request: \(StringLiteral.quote(request))", "catalog: \(catalog.label)"]
        header.append("prompts: " + prompts.all.map(\.label).joined(separator: ", "))
        header.append("models: " + models.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        for (k, v) in used.sorted(by: { $0.key < $1.key }) { header.append("answer: \(k) = \(StringLiteral.quote(v))") }
        let include = results.filter { !$0.part.exclude }
        let exclude = results.filter { $0.part.exclude }
        let text = SegWriter.segment(name: SegWriter.name(for: request, entity: catalog.entity), title: request,
                                     include: include.compactMap(\.condition), exclude: exclude.compactMap(\.condition), header: header)
        // Find each condition line; conditions are single lines (checked), so search line by line.
        var ranges = [Range<Int>](repeating: 0..<0, count: results.count)
        let bytes = Array(text.utf8)
        var lineStart = 0
        var order = (include + exclude).map(\.index).makeIterator()
        var inBlock = false
        for (o, b) in bytes.enumerated() where b == 0x0A {
            let line = String(decoding: bytes[lineStart..<o], as: UTF8.self)
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "include {" || trimmed == "exclude {" { inBlock = true }
            else if trimmed == "}" { inBlock = false }
            else if inBlock, let k = order.next() { ranges[k] = lineStart..<(o + 1) }
            lineStart = o + 1
        }
        return (text, ranges)
    }
}
