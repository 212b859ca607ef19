extension DiagnosticRegistry {
    /// E15xx/W15xx/N15xx: the `ask` / LLM pipeline.
    static let askCodes: [DiagnosticCodeEntry] = [
    ]
}
