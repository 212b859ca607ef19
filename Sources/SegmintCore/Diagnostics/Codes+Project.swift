extension DiagnosticRegistry {
    /// E12xx/W12xx/N12xx: projects (build, test, materialize, export).
    static let projectCodes: [DiagnosticCodeEntry] = [
    ]
}
