import Foundation
import SegmintCore
import SegmintSyntax

/// One part of a request: retrieve, map ∥ date, grounding, bounded repairs. Every word the map
/// stage lists as unmapped becomes a question (or the error naming it once answered); every
/// window the date stage finds is either placed in the condition or the condition is repaired.
extension Pipeline {
    func runPart(_ i: Int, _ part: Part, request: String, answers: Answers, state: RequestState,
                 registry: AmbiguityRegistry) async throws -> PartResult {
        let hits = index.search(part.span, k: options.topK)
        let claims = index.claims(for: hits)
        let candidates = candidateJSON(hits)
        let mapUser: [String: Any] = ["request": request, "span": part.span, "exclude": part.exclude,
                                      "candidates": candidates, "answers": answers.values]
        let mapReply: StageReply
        let start = PartResult(index: i, part: part, condition: nil, window: nil, unmapped: [], problems: [],
                               claims: claims, hits: hits, repairsLeft: options.repairsPerPart)
        var result: PartResult
        if options.sequential {
            mapReply = try await call(prompts.map, user: mapUser, part: i, state: state)
            result = try await date(start, request: request, answers: answers, state: state, registry: registry)
        } else {
            async let m = call(prompts.map, user: mapUser, part: i, state: state)
            async let d = date(start, request: request, answers: answers, state: state, registry: registry)
            (mapReply, result) = try await (m, d)
        }
        if !result.problems.isEmpty { return result }
        return try await ground(result, reply: mapReply, request: request, answers: answers, state: state, registry: registry)
    }

    /// The date stage for one part, re-asked (with the attempt, the rejected answer and the
    /// reason) while its answer is unreadable or its window does not parse; a vague window is a
    /// question unless answered, and the answer replaces the guess.
    func date(_ r0: PartResult, request: String, answers: Answers, state: RequestState,
              registry: AmbiguityRegistry) async throws -> PartResult {
        var r = r0
        var user: [String: Any] = ["request": request, "span": r.part.span,
                                   "fiscal_year_start_month": catalog.fiscalYear.startMonth, "answers": answers.values]
        for attempt in 0...options.repairsPerPart {
            let reply = try await call(prompts.date, user: user, part: r.index, state: state)
            let problem: String
            do {
                let date = try DateAnswer.parse(reply.text)
                guard let raw = date.window else {
                    let mentioned = TimeMentions.find(r.part.span)
                    if mentioned.isEmpty { r.accepted.append(reply); return r }
                    throw StageJSON.Failure(description: "the part names a time (" + mentioned.map { StringLiteral.quote($0) }.joined(separator: ", ")
                                            + ") but no window was given")
                }
                let from = date.from.flatMap { request.contains($0) ? $0 : nil } ?? r.part.span
                if date.inferred {
                    r.accepted.append(reply)
                    r.windowFrom = from
                    if let a = answers.answer(.window, from) {
                        guard let w = AnswerParsing.window(a) else {
                            r.problems.append("the answer \(StringLiteral.quote(a)) for \(StringLiteral.quote(from)) is not a time window (e.g. \"last 30 days\")")
                            return r
                        }
                        r.window = w; await state.used(Question.key(.window, from), a)
                    } else {
                        await registry.file(Question(kind: .window, span: from, text: "what time window does \(StringLiteral.quote(from)) mean?", example: "last 30 days"))
                        r.window = WindowText.parse(raw); r.waiting = true
                    }
                    return r
                }
                if let w = WindowText.parse(raw) { r.accepted.append(reply); r.window = w; r.windowFrom = from; return r }
                problem = "the window \(StringLiteral.quote(raw)) is not a window of the segment language; write one of "
                    + "\"during last N days|weeks|months|years\", \"during YYYY-MM-DD to YYYY-MM-DD\", \"since YYYY-MM-DD\", \"before YYYY-MM-DD\", "
                    + "\"during fiscal_year YYYY\", \"during fiscal_quarter YYYY Q1\""
            } catch {
                problem = "\(error); answer with one JSON object {\"window\": …, \"from\": …, \"inferred\": …}"
            }
            if attempt == options.repairsPerPart {
                r.problems.append("the date stage gave no usable window (\(problem))")
                return r
            }
            user["attempt"] = attempt + 2
            user["rejected"] = String(reply.text.prefix(2000))
            user["feedback"] = problem
        }
        return r
    }

    /// Applies the grounding rules to a map/repair answer; repairs while problems remain and budget lasts.
    func ground(_ r0: PartResult, reply: StageReply, request: String, answers: Answers, state: RequestState,
                registry: AmbiguityRegistry) async throws -> PartResult {
        var r = r0
        var reply = reply
        let rules = GroundingRules(request: request, claims: r.claims, answers: Array(answers.values.values))
        while true {
            var issues: [String] = []
            var condition: String?
            do {
                let m = try MapAnswer.parse(reply.text)
                r.unmapped = m.unmapped
                if let c = m.condition {
                    let checked = rules.check(c)
                    issues = checked.issues.map { "\($0.message): \($0.text)" }
                    if issues.isEmpty {
                        let applied = await applyNumberAnswers(c, checked.inferred, answers: answers, state: state, registry: registry, r: &r)
                        switch applied {
                        case .success(let text): condition = text
                        case .failure(let why): issues = [why.description]
                        }
                    }
                }
            } catch {
                issues = ["\(error)"]
            }
            if issues.isEmpty, let c = condition {
                if let placed = Self.placeWindow(c, r.window) {
                    r.condition = placed
                    r.conditionReply = reply
                } else {
                    issues = ["the part has the time window \(StringLiteral.quote(r.window ?? "")) (from \(StringLiteral.quote(r.windowFrom ?? r.part.span))) "
                              + "but the condition has no place for it: write @window where it goes (after `has E [where …]`, or after a date facet)"]
                }
            }
            if issues.isEmpty {
                if r.condition == nil && r.unmapped.isEmpty { issues = ["no condition given"] }
                else {
                    r.problems = []
                    await settleUnmapped(&r, answers: answers, state: state, registry: registry)
                    if r.problems.isEmpty, let cr = r.conditionReply { r.accepted.append(cr) }
                    return r
                }
            }
            guard r.repairsLeft > 0 else { r.problems = issues; r.condition = nil; return r }
            r.repairsLeft -= 1
            r.condition = nil
            reply = try await call(prompts.repair, user: repairUser(r, rejected: (try? MapAnswer.parse(reply.text))?.condition ?? reply.text,
                                                                     diagnostic: issues.joined(separator: "\n"), request: request, answers: answers),
                                   part: r.index, state: state)
        }
    }

    /// Words the stage could not map never vanish: each is a question naming the nearest catalog
    /// items, or — once answered — set aside (answer `ignore`) or an error naming it.
    func settleUnmapped(_ r: inout PartResult, answers: Answers, state: RequestState, registry: AmbiguityRegistry) async {
        let words = r.unmapped.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        var open = false
        for w in words {
            if let a = answers.answer(.term, w) {
                if AnswerParsing.isIgnore(a) { await state.used(Question.key(.term, w), a); continue }
                if let c = chosenCondition(a, word: w, r: r) {
                    r.chosen.append(c); await state.used(Question.key(.term, w), a); continue
                }
                r.problems.append("could not map \(StringLiteral.quote(w)) even with the answer \(StringLiteral.quote(a))")
                continue
            }
            let nearest = r.hits.prefix(5).map(\.target.description)
            let hint = nearest.isEmpty ? "nothing in the catalog came close" : "nearest catalog items: " + nearest.joined(separator: ", ")
            await registry.file(Question(kind: .term, span: w, text: "what does \(StringLiteral.quote(w)) mean here? (\(hint)); answer with catalog words, or \"ignore\" to leave it out",
                                         example: nearest.first ?? "ignore", options: Array(nearest)))
            open = true
        }
        if open { r.waiting = true }
        if r.condition == nil && r.chosen.isEmpty && !open && r.problems.isEmpty { r.skipped = true }
    }

    /// The condition for a `term:` answer that names one of the question's options — a value
    /// (`country = "US"`, `stream.genre = "drama"`), a bool facet or an event — written by the
    /// assembler, not the model. Nil for any other answer.
    func chosenCondition(_ answer: String, word: String, r: PartResult) -> String? {
        // `from` must quote the request: the unmapped words when they are verbatim, else the span.
        let from = StringLiteral.quote(r.part.span.contains(word) ? word : r.part.span)
        let choice = answer.trimmingCharacters(in: .whitespaces)
        guard let hit = r.hits.prefix(5).first(where: { $0.target.description == choice || $0.target.claim == choice }) else { return nil }
        var condition: String
        switch hit.target {
        case .value(let subject, let v):
            let value = StringLiteral.quote(v)
            if let dot = subject.firstIndex(of: ".") {
                let event = subject[..<dot], field = subject[subject.index(after: dot)...]
                condition = "has \(event) where \(field) = \(value) [RETRIEVED: \(subject) from \(from)] [RETRIEVED: \(value) from \(from)]"
            } else {
                condition = "\(subject) = \(value) [RETRIEVED: \(subject) from \(from)] [RETRIEVED: \(value) from \(from)]"
            }
        case .facet(let f):
            guard catalog.facet(named: f)?.type == .bool else { return nil }
            condition = "\(f) = true [RETRIEVED: \(f) from \(from)]"
        case .event(let e):
            condition = "has \(e) [RETRIEVED: \(e) from \(from)]"
        case .field:
            return nil
        }
        // A part that only had these words keeps its time window on the chosen event.
        if r.condition == nil, r.window != nil, condition.hasPrefix("has "), let placed = Self.placeWindow(condition, r.window) { condition = placed }
        return condition
    }

    /// INFERRED numbers: an answered one replaces the model's test (the assembler applies the
    /// user's threshold, not the model's guess); an unanswered one files a question.
    func applyNumberAnswers(_ c: String, _ inferred: [ScannedTag], answers: Answers, state: RequestState,
                            registry: AmbiguityRegistry, r: inout PartResult) async -> Result<String, DecomposeFailure> {
        var text = c
        for t in inferred {
            guard case .scalar(let v) = t.subject else { continue }
            let span = t.from ?? v
            guard let a = answers.answer(.number, span) else {
                await registry.file(Question(kind: .number, span: span, text: "what number does \(StringLiteral.quote(span)) mean here? (the model assumed \(v))", example: ">= \(v)"))
                r.waiting = true
                continue
            }
            guard let test = AnswerParsing.numberTest(a) else {
                return .failure(DecomposeFailure(description: "the answer \(StringLiteral.quote(a)) for \(StringLiteral.quote(span)) is not a number test (e.g. \">= 25\")"))
            }
            guard let edited = NumberAnswer.apply(text, inferred: v, test: test) else {
                return .failure(DecomposeFailure(description: "the inferred number \(v) is not the operand of a comparison; write it as `facet >= \(v)` with [INFERRED: \(v) from \"…\"]"))
            }
            text = edited
            await state.used(Question.key(.number, span), a)
        }
        return .success(text)
    }

    /// Sends a checker diagnostic back to the part's repair stage.
    func repair(_ r0: PartResult, diagnostic: String, request: String, answers: Answers, state: RequestState,
                registry: AmbiguityRegistry) async throws -> PartResult {
        var r = r0
        if let rejected = r.conditionReply { r.accepted.removeAll { $0 == rejected } }
        guard r.repairsLeft > 0 else { r.problems = [diagnostic]; return r }
        r.repairsLeft -= 1
        let reply = try await call(prompts.repair, user: repairUser(r, rejected: r.condition ?? "", diagnostic: diagnostic, request: request, answers: answers),
                                   part: r.index, state: state)
        r.condition = nil
        r.conditionReply = nil
        return try await ground(r, reply: reply, request: request, answers: answers, state: state, registry: registry)
    }

    /// The repair stage's message: what was rejected and why, and which attempt this is, so a
    /// re-ask always differs from the last one.
    func repairUser(_ r: PartResult, rejected: String, diagnostic: String, request: String, answers: Answers) -> [String: Any] {
        ["request": request, "span": r.part.span, "condition": rejected, "diagnostic": diagnostic,
         "attempt": options.repairsPerPart - r.repairsLeft, "candidates": candidateJSON(r.hits), "answers": answers.values]
    }

    /// Puts the date stage's window where the map stage left `@window`; for a `has` condition with
    /// no placeholder, before its aggregate or tags. Nil when there is a window and no place for it
    /// (the window must not vanish); a condition already holding exactly that window is kept.
    static func placeWindow(_ c: String, _ window: String?) -> String? {
        if c.contains("@window") {
            guard let w = window else { return ConditionText.fillWindow(c, nil) }
            return ConditionText.fillWindow(c, w)
        }
        guard let w = window else { return c }
        if c.contains(" \(w)") { return c }
        guard c.hasPrefix("has "), !c.contains(" during "), !c.contains(" since "), !c.contains(" before ") else { return nil }
        let markers = [" count ", " count>", " sum(", " avg(", " min(", " max(", " count_distinct(", " [RETRIEVED", " [INFERRED"]
        let cut = markers.compactMap { c.range(of: $0)?.lowerBound }.min() ?? c.endIndex
        return String(c[..<cut]) + " " + w + String(c[cut...])
    }
}
