extension DiagnosticRegistry {
    /// E14xx/W14xx/N14xx: the offline natural-language translator.
    static let translatorCodes: [DiagnosticCodeEntry] = [
    ]
}
