/// What a clarification question is about.
public enum QuestionKind: String, Sendable, Codable, Hashable {
    /// A time word with no explicit window ("recently", "lately").
    case window
    /// A facet named without a number ("high-value", "likely to churn").
    case number
    /// A word that matches several catalog values or facets equally well.
    case choice
    /// Words no catalog item grounds (the stage listed them as unmapped); answered with catalog
    /// words, or `ignore` to leave them out on purpose.
    case term
}

/// One question for the user. `key` (`kind:span`) identifies it in `--answer KEY=VALUE`, in
/// the memory store and in the ambiguity registry, so the same question is never asked twice.
public struct Question: Sendable, Equatable, Codable {
    public var kind: QuestionKind
    /// The words of the request the question is about, verbatim.
    public var span: String
    public var text: String
    /// An example answer in the accepted form.
    public var example: String
    public var options: [String]

    public init(kind: QuestionKind, span: String, text: String, example: String, options: [String] = []) {
        self.kind = kind; self.span = span; self.text = text; self.example = example; self.options = options
    }

    public var key: String { Question.key(kind, span) }
    public static func key(_ kind: QuestionKind, _ span: String) -> String {
        "\(kind.rawValue):\(span.lowercased())"
    }
}

/// The answers a run may use: from `--answer`, from the terminal and from memory.
/// Keys are `kind:span` (case-insensitive span); a bare `span` key answers any kind.
public struct Answers: Sendable {
    public var values: [String: String]
    public init(_ values: [String: String] = [:]) {
        var v: [String: String] = [:]
        for (k, x) in values { v[k.lowercased()] = x }
        self.values = v
    }
    public func answer(_ kind: QuestionKind, _ span: String) -> String? {
        values[Question.key(kind, span)] ?? values[span.lowercased()]
    }
}
