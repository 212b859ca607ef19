/// The one place a request's clarification questions are filed. Stages running in parallel may hit
/// the same ambiguity (map and date both see "recently"); keyed by (span, kind), each question is
/// kept once and so asked at most once per request.
public actor AmbiguityRegistry {
    private var order: [String] = []
    private var byKey: [String: Question] = [:]

    public init() {}

    /// Files a question; returns false when the same (span, kind) was already filed.
    @discardableResult
    public func file(_ q: Question) -> Bool {
        if byKey[q.key] != nil { return false }
        byKey[q.key] = q
        order.append(q.key)
        return true
    }

    /// Every distinct question, in the order first filed.
    public var questions: [Question] { order.compactMap { byKey[$0] } }
}
