import SegmintCore

/// Runs one translator over every case of a suite, one case at a time (so latencies are not
/// distorted by each other and the report order is the case order), and scores each.
public struct EvalRunner {
    public var suite: EvalSuite
    public var scorer: EvalScorer
    /// Called after each case (progress on stderr in the CLI).
    public var progress: (@Sendable (EvalCaseResult) -> Void)?

    public init(suite: EvalSuite, scorer: EvalScorer, progress: (@Sendable (EvalCaseResult) -> Void)? = nil) {
        self.suite = suite; self.scorer = scorer; self.progress = progress
    }

    public func run(_ translator: EvalTranslator, llm: String) async -> EvalRun {
        var results: [EvalCaseResult] = []
        for c in suite.cases {
            guard translator.canRun(c) else {
                var r = EvalCaseResult(id: c.id, expect: c.expect.rawValue, tags: c.tags, outcome: "skipped")
                r.detail = ["\(translator.name) cannot run this case (no cassette)"]
                results.append(r)
                progress?(r)
                continue
            }
            let clock = ContinuousClock()
            let start = clock.now
            let attempt = await translator.translate(c, answers: [:], asOf: suite.asOf)
            let elapsed = clock.now - start
            var r = scorer.score(c, attempt: attempt, latencyMs: milliseconds(elapsed))
            // The round trip only makes sense when the first run asked.
            if !c.answers.isEmpty, c.answered != nil, case .clarify = attempt.outcome {
                let second = await translator.translate(c, answers: c.answers, asOf: suite.asOf)
                scorer.scoreAnswered(c, attempt: second, into: &r)
            }
            results.append(r)
            progress?(r)
        }
        return EvalRun(translator: translator.name, llm: llm, cases: results)
    }

    func milliseconds(_ d: Duration) -> Double {
        let (s, atto) = d.components
        return Double(s) * 1000 + Double(atto) / 1e15
    }
}
