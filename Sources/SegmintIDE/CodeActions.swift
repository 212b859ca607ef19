extension AnalysisHost {
    /// Quick fixes for the diagnostics that touch bytes `start...end` of the document.
    public func codeActions(_ uri: String, start: Int, end: Int) -> [(diagnostic: IDEDiagnostic, fix: QuickFix)] {
        diagnostics(uri).flatMap { d -> [(diagnostic: IDEDiagnostic, fix: QuickFix)] in
            guard d.start <= end, start <= d.end else { return [] }
            return d.fixes.map { (d, $0) }
        }
    }
}
