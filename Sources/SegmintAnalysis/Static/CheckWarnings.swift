import SegmintCore
import SegmintCheck

extension StaticAnalysis {
    /// Most segments one `check` (or one editor check) analyses statically.
    public static let checkSegmentLimit = 500

    /// The checker's diagnostics plus the static analysis' warnings that `check` reports (and
    /// the editor server, from the same function): empty segments, redundant include and exclude
    /// conditions. Only for valid programs (`program` nil otherwise), and an "empty segment"
    /// finding is dropped where the checker already said why (a W030x "can never hold" inside it).
    ///
    /// The analysis costs about 0.3 ms per segment (a bounded satisfiability search per condition),
    /// ten times the rest of `check`; beyond `checkSegmentLimit` segments it is skipped with a
    /// note, so checking a generated 10 MB file stays fast. `warnings` computes the findings of a
    /// program (the editor passes one that reuses earlier results for unchanged segments).
    public static func withCheckWarnings(_ diagnostics: [Diagnostic], program: CheckedProgram?,
                                         warnings: (CheckedProgram) -> [Diagnostic] = { StaticAnalysis.warnings($0) }) -> [Diagnostic] {
        guard let program else { return diagnostics }
        guard program.segments.count <= checkSegmentLimit else {
            return diagnostics + [Diagnostic(code: "N0701", severity: .note,
                message: "static analysis skipped: \(program.segments.count) segments (the limit for check is \(checkSegmentLimit))",
                help: "run `segmint overlap FILE... --catalog PATH --static` for empty segments, redundant conditions, disjoint pairs and containment")]
        }
        let neverHold = diagnostics.compactMap { d -> Span? in d.code.hasPrefix("W030") ? d.span : nil }
        let extra = warnings(program).filter { w in
            guard w.code == "W0701", let span = w.span,
                  let seg = program.segments.first(where: { $0.span.file == span.file && $0.span.start <= span.start && span.end <= $0.span.end })
            else { return true }
            return !neverHold.contains { $0.file == seg.span.file && seg.span.start <= $0.start && $0.end <= seg.span.end }
        }
        return extra.isEmpty ? diagnostics : (diagnostics + extra).sortedForOutput()
    }
}
