import SegmintCore
import SegmintCheck
import SegmintAnalysis

/// Static-analysis warnings per segment, kept across edits. The analysis costs about 0.3 ms a
/// segment, so re-running it for every segment of a large file on every keystroke would take
/// most of the time of a check; a segment that references no other segment depends only on its
/// own text and the catalog, so its warnings are reused while both are unchanged.
final class StaticWarningCache {
    private struct Key: Hashable {
        var catalog: Int
        var text: [UInt8]
    }
    /// Warnings with spans relative to the segment's start.
    private var entries: [Key: [Diagnostic]] = [:]
    private static let maxEntries = 20_000

    /// The warnings of `program`, reusing those of unchanged segments. `text` gives the source
    /// bytes of a span; `catalog` identifies the catalog's version.
    func warnings(_ program: CheckedProgram, catalog: Int, text: (Span) -> [UInt8]?) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var others: [CheckedSegment] = []
        for seg in program.segments {
            guard seg.references.isEmpty, let bytes = text(seg.span) else { others.append(seg); continue }
            let key = Key(catalog: catalog, text: bytes)
            if let cached = entries[key] {
                out += cached.map { Self.moved($0, by: seg.span.start, file: seg.span.file) }
                continue
            }
            let found = StaticAnalysis.warnings(CheckedProgram(catalog: program.catalog, segments: [seg]))
            if entries.count >= Self.maxEntries { entries.removeAll() }
            entries[key] = found.map { Self.moved($0, by: -seg.span.start, file: seg.span.file) }
            out += found
        }
        if !others.isEmpty {
            // Segments using `in segment` are analysed with the whole program (their findings depend on others).
            let spans = others.map(\.span)
            out += StaticAnalysis.warnings(program).filter { w in
                guard let s = w.span else { return false }
                return spans.contains { $0.file == s.file && $0.start <= s.start && s.end <= $0.end }
            }
        }
        return out
    }

    static func moved(_ d: Diagnostic, by delta: Int, file: Int) -> Diagnostic {
        var d = d
        func move(_ s: Span) -> Span { Span(file: s.file == -1 ? -1 : file, start: s.start + delta, end: s.end + delta) }
        d.span = d.span.map(move)
        d.notes = d.notes.map { Diagnostic.Note(span: move($0.span), message: $0.message) }
        return d
    }
}
