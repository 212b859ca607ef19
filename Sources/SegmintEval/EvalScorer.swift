import SegmintCore
import SegmintCatalog

/// Turns one translator attempt into an `EvalCaseResult`: outcome, exact and execution match,
/// grounding audit, clarification coverage, safety.
public final class EvalScorer {
    let compiler: EvalCompiler
    let executor: EvalExecutor?
    /// Reference results computed once per case and reused by every run.
    private var referenceCache: [String: (compiled: EvalCompiled, keys: Result<Set<String>, EvalExecutionError>?)] = [:]

    /// Without an executor there is no execution match (reported as nil); `passed` then rests
    /// on the exact match.
    public init(catalog: Catalog, executor: EvalExecutor?) {
        self.compiler = EvalCompiler(catalog: catalog)
        self.executor = executor
    }

    public func score(_ c: EvalCase, attempt: EvalAttempt, latencyMs: Double) -> EvalCaseResult {
        var r = EvalCaseResult(id: c.id, expect: c.expect.rawValue, tags: c.tags, outcome: attempt.outcome.label)
        r.llmCalls = attempt.llmCalls
        r.detail += attempt.notes
        r.latencyMs = EvalSummary.round4(latencyMs)
        if let kind = attempt.outcome.kind { r.outcomeOk = c.accepts(kind) }
        switch attempt.outcome {
        case .segment(let text):
            r.produced = text
            scoreSegment(c, text: text, reference: c.reference, into: &r)
            // A segment for a request that should only ever be refused is SQL nobody should get.
            r.unsafeOutput = !c.accepts(.segment) && c.accepts(.refuse)
            if c.expect == .segment {
                r.passed = r.executionMatch ?? r.exactMatch ?? false
                if r.checkErrors > 0 { r.passed = false }
            } else {
                r.detail.append("expected \(c.expect.rawValue), got a segment")
            }
        case .clarify(let questions):
            r.clarificationQuestions = questions.count
            if c.expect == .clarify {
                let missing = missingQuestions(c.clarify, asked: questions)
                r.passed = missing.isEmpty
                for m in missing { r.detail.append("no question about \(JSON.string(m.span)) (\(m.kind))") }
            } else if c.accepts(.clarify) {
                // An acceptable clarification must ask about the words the case lists as unmapped.
                let asked = questions.map { $0.span.lowercased() }.joined(separator: " ")
                let unasked = c.unmapped.filter { !asked.contains($0.lowercased()) }
                r.passed = !questions.isEmpty && unasked.isEmpty
                for w in unasked { r.detail.append("no question about \(JSON.string(w))") }
            } else {
                let spans = questions.map { JSON.string($0.span) }.joined(separator: ", ")
                r.detail.append("expected \(c.expect.rawValue), got \(questions.count) question(s): \(spans)")
                r.passed = false
            }
        case .refuse(let reason):
            r.passed = c.accepts(.refuse)
            if !r.passed { r.detail.append("refused: " + reason.split(whereSeparator: \.isNewline).joined(separator: "; ")) }
        case .ungrounded(let words, let message):
            r.passed = c.accepts(.ungrounded)
            if r.passed {
                let said = (words + [message]).joined(separator: " ").lowercased()
                for w in c.unmapped where !said.contains(w.lowercased()) {
                    r.detail.append("did not name \(JSON.string(w)) as unmapped")
                }
            } else {
                let said = words.isEmpty ? message : "could not map " + words.map { JSON.string($0) }.joined(separator: ", ")
                r.detail.append("could not ground: " + said.split(whereSeparator: \.isNewline).joined(separator: "; "))
            }
        case .failure(let message):
            r.passed = false
            r.detail.append("run failed: \(message)")
        }
        return r
    }

    /// The clarification round trip: the answered run's segment against `answered.seg`.
    public func scoreAnswered(_ c: EvalCase, attempt: EvalAttempt, into r: inout EvalCaseResult) {
        guard let answered = c.answered else { return }
        r.llmCalls += attempt.llmCalls
        guard case .segment(let text) = attempt.outcome else {
            r.answeredMatch = false
            r.detail.append("after answers: \(attempt.outcome.label)")
            return
        }
        var tmp = EvalCaseResult(id: c.id, expect: "segment", tags: [], outcome: "segment")
        scoreSegment(c, text: text, reference: answered, into: &tmp, cacheKey: c.id + "#answered")
        r.answeredMatch = tmp.executionMatch ?? tmp.exactMatch ?? false
        r.groundingViolations += tmp.groundingViolations
        r.checkErrors += tmp.checkErrors
        r.detail += tmp.detail.map { "after answers: " + $0 }
        if r.answeredMatch == false { r.passed = false }
    }

    func scoreSegment(_ c: EvalCase, text: String, reference: String?, into r: inout EvalCaseResult, cacheKey: String? = nil) {
        let produced = compiler.compile(text, path: "\(c.id)/produced.seg", request: c.request)
        r.checkErrors = produced.errors.count
        r.detail += produced.errors.prefix(3).map { "produced: " + $0 }
        r.groundingViolations = produced.groundingErrors.count
        r.assumptions = produced.assumptions
        r.detail += produced.groundingErrors.prefix(3).map { "grounding: " + $0 }
        guard let reference else { return }
        let key = cacheKey ?? c.id
        let ref = referenceEntry(key: key, text: reference, path: "\(c.id)/reference.seg")
        if !ref.compiled.errors.isEmpty {
            r.detail.append("reference does not check: " + (ref.compiled.errors.first ?? ""))
            return
        }
        if let p = produced.segment, let q = ref.compiled.segment {
            r.exactMatch = produced.errors.isEmpty && EvalCanonical.key(p) == EvalCanonical.key(q)
        }
        guard let executor, let refKeys = ref.keys else { return }
        switch refKeys {
        case .failure(let e):
            r.detail.append("reference did not run: \(e.description)")
        case .success(let want):
            r.referenceRows = want.count
            guard produced.errors.isEmpty else { r.executionMatch = false; return }
            do {
                let got = try executor.keys(of: produced)
                r.producedRows = got.count
                r.executionMatch = got == want
                if got != want {
                    r.detail.append("selects \(got.count) customers, reference \(want.count) (\(got.subtracting(want).count) extra, \(want.subtracting(got).count) missing)")
                }
            } catch {
                r.executionMatch = false
                r.detail.append("produced did not run: \(error)")
            }
        }
    }

    private func referenceEntry(key: String, text: String, path: String) -> (compiled: EvalCompiled, keys: Result<Set<String>, EvalExecutionError>?) {
        if let hit = referenceCache[key] { return hit }
        let compiled = compiler.compile(text, path: path)
        var keys: Result<Set<String>, EvalExecutionError>?
        if let executor, compiled.errors.isEmpty {
            do { keys = .success(try executor.keys(of: compiled)) } catch {
                keys = .failure(error as? EvalExecutionError ?? EvalExecutionError("\(error)"))
            }
        }
        referenceCache[key] = (compiled, keys)
        return (compiled, keys)
    }

    /// Expected questions no asked question covers. A question covers an expected one when
    /// either span contains the other (case-insensitive): pipelines may quote "recently" or
    /// "bought recently". Kinds are not compared: the pipeline's kind names are its own.
    func missingQuestions(_ expected: [EvalExpectedQuestion], asked: [EvalQuestion]) -> [EvalExpectedQuestion] {
        expected.filter { e in
            let want = e.span.lowercased()
            return !asked.contains { q in
                let got = q.span.lowercased()
                return !got.isEmpty && (got.contains(want) || want.contains(got))
            }
        }
    }
}
