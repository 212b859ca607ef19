/// How bad a diagnostic is. `error` makes a command fail; `warning` and `note` do not.
public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning, note

    private var rank: Int { self == .error ? 2 : self == .warning ? 1 : 0 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in an input, as data. Rendering lives in `DiagnosticRenderer`.
///
/// Messages are lower case without a final period (`unknown facet "x"`); `help` is a
/// separate line (`did you mean "lifetime_spend"?`).
public struct Diagnostic: Sendable, Equatable {
    /// Stable code, e.g. `E0101`; every code is explained in `DiagnosticRegistry`.
    public var code: String
    public var severity: Severity
    public var message: String
    /// Where it points. `nil` for problems with no place (a missing file).
    public var span: Span?
    /// A help line (did-you-mean, how to fix).
    public var help: String?
    /// Secondary places with a short label (e.g. "first declared here").
    public var notes: [Note]
    /// When the source is not in the SourceMap (e.g. a catalog key path), an explicit location.
    public var location: ExplicitLocation?

    public struct Note: Sendable, Equatable {
        public var span: Span
        public var message: String
        public init(span: Span, message: String) { self.span = span; self.message = message }
    }

    /// A location for inputs that are not rendered with a caret (file and line only).
    public struct ExplicitLocation: Sendable, Equatable {
        public var file: String
        public var line: Int?
        public var column: Int?
        public init(file: String, line: Int? = nil, column: Int? = nil) {
            self.file = file; self.line = line; self.column = column
        }
    }

    public init(code: String, severity: Severity = .error, message: String, span: Span? = nil,
                help: String? = nil, notes: [Note] = [], location: ExplicitLocation? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.span = span
        self.help = help
        self.notes = notes
        self.location = location
    }

    public static func error(_ code: String, _ message: String, at span: Span?, help: String? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: .error, message: message, span: span, help: help)
    }

    public static func warning(_ code: String, _ message: String, at span: Span?, help: String? = nil) -> Diagnostic {
        Diagnostic(code: code, severity: .warning, message: message, span: span, help: help)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for output: by file, then position, then code.
    public func sortedForOutput() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let sa = a.element.span, sb = b.element.span
            let ka = (sa?.file ?? Int.max, sa?.start ?? Int.max), kb = (sb?.file ?? Int.max, sb?.start ?? Int.max)
            if ka != kb { return ka < kb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
