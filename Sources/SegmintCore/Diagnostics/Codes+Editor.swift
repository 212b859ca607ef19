extension DiagnosticRegistry {
    /// E13xx/W13xx/N13xx: the editor integration and language server.
    static let editorCodes: [DiagnosticCodeEntry] = [
    ]
}
