import SegmintCore

/// The printer for ASTs built in code (see ASTBuilders.swift) and for quoting one condition
/// inside other output. Everything here is `fmt`'s layout: a segment printed by `print(segment:)`
/// is already formatted (`segmint fmt --check` accepts it), and one condition printed by
/// `print(condition:)` parses back to the same condition.
extension Formatter {
    /// A segment in the canonical layout. `header` lines become `# ` comments above it (each on
    /// one line: line breaks inside a header line become spaces).
    public static func print(segment: SegmentDecl, header: [String] = []) -> String {
        print(segments: [segment], header: header)
    }

    /// Several segments, a blank line between them, after the `header` comment lines.
    public static func print(segments: [SegmentDecl], header: [String] = []) -> String {
        var w = FormatWriter(source: SourceFile(id: -1, path: "", bytes: []), comments: [])
        for line in header { w.emit(commentLine(line)) }
        for (i, s) in segments.enumerated() { w.segment(s, blankBefore: i > 0) }
        return w.lines.isEmpty ? "" : w.lines.joined(separator: "\n") + "\n"
    }

    /// One condition on one line, its tags after it one space apart
    /// (`state in ["CA"] [RETRIEVED: state]`), `all`/`any` as `any { a b }`; `tags: false`
    /// leaves the grounding tags out (for quoting a condition in a report).
    public static func print(condition: Condition, tags: Bool = true) -> String {
        var prefix = ""
        var node = condition
        while case .not(let inner) = node.kind { prefix += "not "; node = inner }
        let head: String
        switch node.kind {
        case .all(let b): head = prefix + "all " + oneLineBlock(b, tags: tags)
        case .any(let b): head = prefix + "any " + oneLineBlock(b, tags: tags)
        default: head = FormatWriter.inlineHead(condition) ?? ""
        }
        guard tags else { return head }
        let written = FormatWriter.allTags(condition).map(FormatWriter.tag)
        return ([head] + written).joined(separator: " ")
    }

    /// `facet test`: `state in ["CA", "OR"]`.
    public static func print(predicate: Predicate) -> String { FormatWriter.predicate(predicate) }

    /// A predicate's test without its facet: `>= 500`, `in ["CA"]`, `during last 3 months`.
    public static func print(test: PredicateTest) -> String { FormatWriter.test(test) }

    /// `count >= 2`, `sum(amount) between 10 and 20`.
    public static func print(aggregate: Aggregate) -> String { FormatWriter.aggregate(aggregate) }

    /// A window in `fmt`'s spelling: `during last 3 months`, `since 2026-01-01`.
    public static func window(_ kind: WindowKind) -> String { FormatWriter.window(kind) }

    /// A grounding tag: `[INFERRED: 500 from "high-value"]`.
    public static func print(tag: GroundingTag) -> String { FormatWriter.tag(tag) }

    /// A block on one line: `{ a b }`, or `{}` when empty.
    public static func print(block: Block, tags: Bool = true) -> String { oneLineBlock(block, tags: tags) }

    static func oneLineBlock(_ b: Block, tags: Bool) -> String {
        b.conditions.isEmpty ? "{}" : "{ " + b.conditions.map { print(condition: $0, tags: tags) }.joined(separator: " ") + " }"
    }

    /// `# text`, on one line and without trailing blanks, as `fmt` writes a comment.
    static func commentLine(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
        return FormatWriter.trimmed("# " + flat)
    }
}
