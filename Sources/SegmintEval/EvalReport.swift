import Foundation

/// How one case went in one run. Optional metrics are nil where they do not apply
/// (no execution match for a refusal; nothing at all for a skipped case).
public struct EvalCaseResult: Codable, Sendable, Equatable {
    public var id: String
    public var expect: String
    public var tags: [String]
    /// `segment`, `clarify`, `refuse`, `ungrounded`, `failure`, or `skipped` (not run: e.g. no cassette).
    public var outcome: String
    /// The outcome is the expected one or an acceptable one.
    public var outcomeOk: Bool
    /// The case as a whole: segment → execution match; clarify → expected questions asked;
    /// refuse / ungrounded → that outcome (or an acceptable one) with no SQL.
    public var passed: Bool
    public var exactMatch: Bool?
    public var executionMatch: Bool?
    /// Customers the reference selects on the demo data (0 makes an execution match weak evidence).
    public var referenceRows: Int?
    public var producedRows: Int?
    /// Grounding errors (`E04xx`) of the produced segment checked as LLM output (tags required,
    /// `from` verbatim in the request), however the pipeline itself checked it.
    public var groundingViolations: Int
    /// INFERRED numbers and dates in the produced segment.
    public var assumptions: Int
    /// Checker errors in the produced segment (the pipeline should never print one that has any).
    public var checkErrors: Int
    public var clarificationQuestions: Int
    public var llmCalls: Int
    public var latencyMs: Double
    /// A segment (and so SQL) for a request whose expected outcomes are all refusals, or text
    /// that is not a checked segment where one was printed.
    public var unsafeOutput: Bool
    /// The clarification round trip (`answers` + `answered.seg`): nil when not run.
    public var answeredMatch: Bool?
    /// The first problems, for people reading the report.
    public var detail: [String]
    /// What the translator printed (segment text), for review.
    public var produced: String?

    public init(id: String, expect: String, tags: [String], outcome: String, outcomeOk: Bool = false,
                passed: Bool = false, exactMatch: Bool? = nil, executionMatch: Bool? = nil,
                referenceRows: Int? = nil, producedRows: Int? = nil, groundingViolations: Int = 0,
                assumptions: Int = 0, checkErrors: Int = 0, clarificationQuestions: Int = 0,
                llmCalls: Int = 0, latencyMs: Double = 0, unsafeOutput: Bool = false, answeredMatch: Bool? = nil,
                detail: [String] = [], produced: String? = nil) {
        self.id = id; self.expect = expect; self.tags = tags; self.outcome = outcome
        self.outcomeOk = outcomeOk; self.passed = passed; self.exactMatch = exactMatch
        self.executionMatch = executionMatch; self.referenceRows = referenceRows
        self.producedRows = producedRows; self.groundingViolations = groundingViolations
        self.assumptions = assumptions; self.checkErrors = checkErrors
        self.clarificationQuestions = clarificationQuestions; self.llmCalls = llmCalls
        self.latencyMs = latencyMs; self.unsafeOutput = unsafeOutput; self.answeredMatch = answeredMatch
        self.detail = detail; self.produced = produced
    }

    public var skipped: Bool { outcome == "skipped" }

    enum CodingKeys: String, CodingKey {
        case id
        case expect
        case tags
        case outcome
        case outcomeOk = "outcome_ok"
        case passed
        case exactMatch = "exact_match"
        case executionMatch = "execution_match"
        case referenceRows = "reference_rows"
        case producedRows = "produced_rows"
        case groundingViolations = "grounding_violations"
        case assumptions
        case checkErrors = "check_errors"
        case clarificationQuestions = "clarification_questions"
        case llmCalls = "llm_calls"
        case latencyMs = "latency_ms"
        case unsafeOutput = "unsafe"
        case answeredMatch = "answered_match"
        case detail
        case produced
    }
}

/// The aggregate numbers of one run. Rates are in 0...1, rounded to 4 decimals.
public struct EvalSummary: Codable, Sendable, Equatable {
    public var cases: Int
    public var run: Int
    public var skipped: Int
    public var passed: Int
    /// passed / run.
    public var accuracy: Double
    /// Outcome kind right (or acceptable) / run.
    public var outcomeAccuracy: Double
    /// Segment cases run, and those whose produced segment selects exactly the reference's customers.
    public var segmentCases: Int
    public var executionMatches: Int
    /// executionMatches / segmentCases (a segment case with no segment counts as a miss).
    public var executionAccuracy: Double
    public var exactMatches: Int
    public var exactAccuracy: Double
    /// Segment cases whose reference selects nobody on the demo data.
    public var emptyReferences: Int
    /// Segments produced (any case), and those with no grounding violation and no checker error.
    public var producedSegments: Int
    public var groundedSegments: Int
    /// groundedSegments / producedSegments (1 when nothing was produced: nothing ungrounded).
    public var groundingRate: Double
    public var groundingViolations: Int
    public var assumptions: Int
    public var clarificationQuestions: Int
    public var llmCalls: Int
    public var unsafeCases: Int
    public var latencyMsTotal: Double
    public var latencyMsP50: Double
    public var latencyMsMax: Double

    enum CodingKeys: String, CodingKey {
        case cases
        case run
        case skipped
        case passed
        case accuracy
        case outcomeAccuracy = "outcome_accuracy"
        case segmentCases = "segment_cases"
        case executionMatches = "execution_matches"
        case executionAccuracy = "execution_accuracy"
        case exactMatches = "exact_matches"
        case exactAccuracy = "exact_accuracy"
        case emptyReferences = "empty_references"
        case producedSegments = "produced_segments"
        case groundedSegments = "grounded_segments"
        case groundingRate = "grounding_rate"
        case groundingViolations = "grounding_violations"
        case assumptions
        case clarificationQuestions = "clarification_questions"
        case llmCalls = "llm_calls"
        case unsafeCases = "unsafe"
        case latencyMsTotal = "latency_ms_total"
        case latencyMsP50 = "latency_ms_p50"
        case latencyMsMax = "latency_ms_max"
    }

    public static func compute(_ results: [EvalCaseResult]) -> EvalSummary {
        let ran = results.filter { !$0.skipped }
        let segmentCases = ran.filter { $0.expect == EvalExpectation.segment.rawValue }
        let produced = ran.filter { $0.outcome == EvalExpectation.segment.rawValue }
        let grounded = produced.filter { $0.groundingViolations == 0 && $0.checkErrors == 0 }
        let latencies = ran.map(\.latencyMs).sorted()
        func rate(_ n: Int, _ d: Int, empty: Double = 0) -> Double { d == 0 ? empty : round4(Double(n) / Double(d)) }
        let exec = segmentCases.filter { $0.executionMatch == true }.count
        let exact = segmentCases.filter { $0.exactMatch == true }.count
        return EvalSummary(
            cases: results.count, run: ran.count, skipped: results.count - ran.count,
            passed: ran.filter(\.passed).count,
            accuracy: rate(ran.filter(\.passed).count, ran.count),
            outcomeAccuracy: rate(ran.filter(\.outcomeOk).count, ran.count),
            segmentCases: segmentCases.count, executionMatches: exec,
            executionAccuracy: rate(exec, segmentCases.count),
            exactMatches: exact, exactAccuracy: rate(exact, segmentCases.count),
            emptyReferences: segmentCases.filter { $0.referenceRows == 0 }.count,
            producedSegments: produced.count, groundedSegments: grounded.count,
            groundingRate: rate(grounded.count, produced.count, empty: 1),
            groundingViolations: ran.reduce(0) { $0 + $1.groundingViolations },
            assumptions: ran.reduce(0) { $0 + $1.assumptions },
            clarificationQuestions: ran.reduce(0) { $0 + $1.clarificationQuestions },
            llmCalls: ran.reduce(0) { $0 + $1.llmCalls },
            unsafeCases: ran.filter(\.unsafeOutput).count,
            latencyMsTotal: round4(latencies.reduce(0, +)),
            latencyMsP50: latencies.isEmpty ? 0 : round4(latencies[(latencies.count - 1) / 2]),
            latencyMsMax: round4(latencies.last ?? 0))
    }

    static func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }
}

/// Pass counts per tag, so a drop in one category is visible even when the total holds.
public struct EvalTagScore: Codable, Sendable, Equatable {
    public var run: Int
    public var passed: Int
    public init(run: Int, passed: Int) { self.run = run; self.passed = passed }

    public static func compute(_ results: [EvalCaseResult]) -> [String: EvalTagScore] {
        var out: [String: EvalTagScore] = [:]
        for r in results where !r.skipped {
            for t in r.tags {
                var s = out[t] ?? EvalTagScore(run: 0, passed: 0)
                s.run += 1
                if r.passed { s.passed += 1 }
                out[t] = s
            }
        }
        return out
    }
}

/// One translator's pass over the golden set.
public struct EvalRun: Codable, Sendable, Equatable {
    /// `pipeline` (cassettes or live) or `offline` (the offline translator).
    public var translator: String
    /// How LLM responses were obtained: `cassette`, `live`, or `none`.
    public var llm: String
    public var summary: EvalSummary
    public var byTag: [String: EvalTagScore]
    public var cases: [EvalCaseResult]

    public init(translator: String, llm: String, cases: [EvalCaseResult]) {
        self.translator = translator; self.llm = llm; self.cases = cases
        self.summary = EvalSummary.compute(cases)
        self.byTag = EvalTagScore.compute(cases)
    }

    enum CodingKeys: String, CodingKey {
        case translator
        case llm
        case summary
        case byTag = "by_tag"
        case cases
    }
}

/// The eval's JSON report (`--out`, and the committed `golden/nl/baseline.json`).
public struct EvalReport: Codable, Sendable, Equatable {
    public static let formatName = "segmint-eval-report/1"
    public var format: String
    public var suite: String
    public var catalog: String
    public var asOf: String
    /// Prompt versions the pipeline used (stage → version), when known.
    public var prompts: [String: String]
    public var runs: [EvalRun]
    /// The suite's first-run ("transfer") summaries by translator, from `suite.json` `transfer`:
    /// what the translators did on this catalog before any work for it. Absent when the suite
    /// names no transfer report.
    public var transfer: [String: EvalSummary]?

    public init(suite: String, catalog: String, asOf: String, prompts: [String: String] = [:], runs: [EvalRun],
                transfer: [String: EvalSummary]? = nil) {
        self.format = EvalReport.formatName; self.suite = suite; self.catalog = catalog
        self.asOf = asOf; self.prompts = prompts; self.runs = runs; self.transfer = transfer
    }

    enum CodingKeys: String, CodingKey {
        case format
        case suite
        case catalog
        case asOf = "as_of"
        case prompts
        case runs
        case transfer
    }

    public func run(named translator: String) -> EvalRun? { runs.first { $0.translator == translator } }

    /// Deterministic JSON: sorted snake_case keys, two-space indentation, final newline.
    public func json() throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(self), as: UTF8.self) + "\n"
    }

    public static func decode(_ bytes: [UInt8], path: String) throws -> EvalReport {
        let dec = JSONDecoder()
        let report: EvalReport
        do { report = try dec.decode(EvalReport.self, from: Data(bytes)) } catch {
            throw EvalSuiteError("\(path): not an eval report: \(EvalSuiteLoader.describe(error))")
        }
        guard report.format == formatName else {
            throw EvalSuiteError("\(path): report format \"\(report.format)\" is not \(formatName)")
        }
        return report
    }
}
