/// Whether a change in a metric or a case is good, bad, or neither.
public enum EvalChangeStatus: String, Codable, Sendable {
    case regression, improvement, same, changed
}

/// One summary metric of one run, baseline against current.
public struct EvalMetricChange: Codable, Sendable, Equatable {
    public var metric: String
    public var baseline: Double
    public var current: Double
    public var status: EvalChangeStatus
    /// A regression in a gated metric fails the CI gate.
    public var gated: Bool
}

/// One case whose result changed.
public struct EvalCaseChange: Codable, Sendable, Equatable {
    public var id: String
    public var status: EvalChangeStatus
    /// What changed, e.g. `passed yes -> no`, `grounding violations 0 -> 2`.
    public var changes: [String]
}

/// A tag whose pass count changed (a drop in one category shows even when the total holds).
public struct EvalTagChange: Codable, Sendable, Equatable {
    public var tag: String
    public var baseline: EvalTagScore
    public var current: EvalTagScore
    public var status: EvalChangeStatus
}

/// The comparison of one run (matched by translator name) with the baseline's.
public struct EvalRunComparison: Codable, Sendable, Equatable {
    public var translator: String
    public var metrics: [EvalMetricChange]
    public var cases: [EvalCaseChange]
    public var tags: [EvalTagChange]

    public var gateFailures: [EvalMetricChange] { metrics.filter { $0.gated && $0.status == .regression } }
}

/// `--baseline`: per-metric and per-case comparison of a report with a committed one.
public struct EvalComparison: Codable, Sendable, Equatable {
    public var runs: [EvalRunComparison]
    /// Runs in the baseline that the current report does not have (the gate fails on them: a
    /// run that silently stopped being measured is not a pass).
    public var missingRuns: [String]

    public var gateFailed: Bool { !missingRuns.isEmpty || runs.contains { !$0.gateFailures.isEmpty } }

    enum Direction { case higherIsBetter, lowerIsBetter, neutral }

    /// The metrics compared, their direction, and whether the gate watches them. Execution
    /// accuracy, grounding and safety are gated; so is the number of cases run, since
    /// fewer cases run (a lost cassette) could otherwise raise a rate. Latency is shown but never
    /// flagged: wall time depends on the machine.
    static let metrics: [(name: String, direction: Direction, gated: Bool, value: (EvalSummary) -> Double)] = [
        ("run", .higherIsBetter, true, { Double($0.run) }),
        ("accuracy", .higherIsBetter, false, { $0.accuracy }),
        ("outcome_accuracy", .higherIsBetter, false, { $0.outcomeAccuracy }),
        ("execution_accuracy", .higherIsBetter, true, { $0.executionAccuracy }),
        ("exact_accuracy", .higherIsBetter, false, { $0.exactAccuracy }),
        ("grounding_rate", .higherIsBetter, true, { $0.groundingRate }),
        ("grounding_violations", .lowerIsBetter, false, { Double($0.groundingViolations) }),
        ("unsafe", .lowerIsBetter, true, { Double($0.unsafeCases) }),
        ("llm_calls", .lowerIsBetter, false, { Double($0.llmCalls) }),
        ("clarification_questions", .neutral, false, { Double($0.clarificationQuestions) }),
        ("assumptions", .neutral, false, { Double($0.assumptions) }),
        ("latency_ms_p50", .neutral, false, { $0.latencyMsP50 }),
    ]

    public static func compare(current: EvalReport, baseline: EvalReport) -> EvalComparison {
        var runs: [EvalRunComparison] = []
        var missing: [String] = []
        for base in baseline.runs {
            guard let cur = current.run(named: base.translator) else { missing.append(base.translator); continue }
            runs.append(compare(current: cur, baseline: base))
        }
        return EvalComparison(runs: runs, missingRuns: missing)
    }

    public static func compare(current: EvalRun, baseline: EvalRun) -> EvalRunComparison {
        let metricChanges = metrics.map { m -> EvalMetricChange in
            let b = m.value(baseline.summary), c = m.value(current.summary)
            var status: EvalChangeStatus = .same
            if b != c {
                switch m.direction {
                case .higherIsBetter: status = c > b ? .improvement : .regression
                case .lowerIsBetter: status = c < b ? .improvement : .regression
                case .neutral: status = .changed
                }
            }
            return EvalMetricChange(metric: m.name, baseline: b, current: c, status: status, gated: m.gated)
        }
        var caseChanges: [EvalCaseChange] = []
        let currentByID = Dictionary(current.cases.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let baselineIDs = Set(baseline.cases.map(\.id))
        for b in baseline.cases {
            guard let c = currentByID[b.id] else {
                caseChanges.append(EvalCaseChange(id: b.id, status: b.skipped ? .changed : .regression, changes: ["case removed"]))
                continue
            }
            if let change = compare(current: c, baseline: b) { caseChanges.append(change) }
        }
        for c in current.cases where !baselineIDs.contains(c.id) {
            caseChanges.append(EvalCaseChange(id: c.id, status: .changed, changes: ["new case (\(c.passed ? "passes" : "fails"))"]))
        }
        var tagChanges: [EvalTagChange] = []
        for tag in Set(baseline.byTag.keys).union(current.byTag.keys).sorted() {
            let b = baseline.byTag[tag] ?? EvalTagScore(run: 0, passed: 0)
            let c = current.byTag[tag] ?? EvalTagScore(run: 0, passed: 0)
            guard b != c else { continue }
            let status: EvalChangeStatus = c.passed < b.passed ? .regression : c.passed > b.passed ? .improvement : .changed
            tagChanges.append(EvalTagChange(tag: tag, baseline: b, current: c, status: status))
        }
        return EvalRunComparison(translator: current.translator, metrics: metricChanges, cases: caseChanges, tags: tagChanges)
    }

    /// nil when nothing that matters changed (latency alone never makes a change).
    static func compare(current c: EvalCaseResult, baseline b: EvalCaseResult) -> EvalCaseChange? {
        var changes: [String] = []
        var worse = false, better = false
        func yn(_ x: Bool?) -> String { x.map { $0 ? "yes" : "no" } ?? "-" }
        if b.skipped != c.skipped {
            changes.append(b.skipped ? "now run" : "now skipped")
            if c.skipped { worse = true }
        }
        if b.passed != c.passed { changes.append("passed \(yn(b.passed)) -> \(yn(c.passed))"); if c.passed { better = true } else { worse = true } }
        if b.outcome != c.outcome { changes.append("outcome \(b.outcome) -> \(c.outcome)") }
        if b.executionMatch != c.executionMatch {
            changes.append("execution \(yn(b.executionMatch)) -> \(yn(c.executionMatch))")
            if c.executionMatch == true { better = true } else if b.executionMatch == true { worse = true }
        }
        if b.exactMatch != c.exactMatch {
            changes.append("exact \(yn(b.exactMatch)) -> \(yn(c.exactMatch))")
            if c.exactMatch == true { better = true } else if b.exactMatch == true { worse = true }
        }
        if b.groundingViolations != c.groundingViolations {
            changes.append("grounding violations \(b.groundingViolations) -> \(c.groundingViolations)")
            if c.groundingViolations > b.groundingViolations { worse = true } else { better = true }
        }
        if b.unsafeOutput != c.unsafeOutput { changes.append("unsafe \(yn(b.unsafeOutput)) -> \(yn(c.unsafeOutput))"); if c.unsafeOutput { worse = true } else { better = true } }
        if b.llmCalls != c.llmCalls { changes.append("llm calls \(b.llmCalls) -> \(c.llmCalls)") }
        if b.clarificationQuestions != c.clarificationQuestions {
            changes.append("questions \(b.clarificationQuestions) -> \(c.clarificationQuestions)")
        }
        guard !changes.isEmpty else { return nil }
        // A case that got worse in any way is a regression even if it also got better elsewhere.
        let status: EvalChangeStatus = worse ? .regression : better ? .improvement : .changed
        return EvalCaseChange(id: c.id, status: status, changes: changes)
    }
}
