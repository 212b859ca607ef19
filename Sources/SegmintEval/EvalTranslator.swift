import SegmintCore

/// A clarification question as the pipeline asked it.
public struct EvalQuestion: Codable, Sendable, Equatable {
    /// The registry key (what `--answer KEY=VALUE` names).
    public var key: String
    /// The request text the question is about.
    public var span: String
    /// The kind of question (`window`, `number`, ...), as the pipeline names it.
    public var kind: String
    public init(key: String, span: String, kind: String) { self.key = key; self.span = span; self.kind = kind }
}

/// What one run of a translator produced for one request.
public enum EvalOutcome: Sendable, Equatable {
    /// A checked segment: the `.seg` text as `ask` printed it.
    case segment(String)
    case clarify([EvalQuestion])
    case refuse(reason: String)
    /// Could not be grounded; the words it could not map.
    case ungrounded(words: [String], message: String)
    /// The run itself failed (provider error, cassette miss, a crash-free internal error).
    case failure(String)

    /// The outcome kind in the golden set's vocabulary, nil for a failure.
    public var kind: EvalExpectation? {
        switch self {
        case .segment: return .segment
        case .clarify: return .clarify
        case .refuse: return .refuse
        case .ungrounded: return .ungrounded
        case .failure: return nil
        }
    }

    public var label: String { kind?.rawValue ?? "failure" }
}

/// One translation: the outcome and how many LLM calls it took.
public struct EvalAttempt: Sendable, Equatable {
    public var outcome: EvalOutcome
    public var llmCalls: Int
    /// Remarks for the report (e.g. cassette replays whose request changed since recording).
    public var notes: [String]
    public init(outcome: EvalOutcome, llmCalls: Int = 0, notes: [String] = []) {
        self.outcome = outcome; self.llmCalls = llmCalls; self.notes = notes
    }
}

/// Something that turns a request into an outcome: the LLM pipeline (on cassettes or live) or
/// the offline translator. The eval scores whatever it returns the same way.
public protocol EvalTranslator: Sendable {
    /// The run's name in reports (`pipeline`, `offline`); baseline runs are matched by it.
    var name: String { get }
    /// Whether this translator can run `evalCase` at all (a cassette run needs a cassette).
    func canRun(_ evalCase: EvalCase) -> Bool
    /// `answers` are clarification answers keyed by request span (from `case.json`).
    func translate(_ evalCase: EvalCase, answers: [String: String], asOf: CivilDate) async -> EvalAttempt
}
