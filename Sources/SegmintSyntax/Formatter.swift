import SegmintCore

/// `segmint fmt`: prints an AST in the one canonical layout, putting comments back.
///
/// The layout (documented in grammar/segment.ebnf and the README):
/// - 2-space indent, one condition per line, items in the order written;
/// - `segment name "title" {`; a blank line between segments, and one before the first
///   `include`/`exclude` that follows `description`/`as_of`; no other blank lines;
/// - an empty block is `{}`;
/// - grounding tags of one block start in one column: the widest tagged condition of the
///   block that fits in `tagColumnCap` columns, plus two spaces. A tagged condition wider
///   than that puts its tags on the next line, indented to the column;
/// - units agree with N (`1 day`, `2 days`), lists are `["a", "b"]`, strings re-escaped;
/// - a comment on its own line stays on its own line before the next node; a comment that
///   ends a line with code stays at the end of that line.
public enum Formatter {
    /// Conditions ending past this column (indent included) do not push the tag column out.
    public static let tagColumnCap = 60

    /// Formats a file that parsed without errors. `source` supplies the comments' positions.
    public static func format(_ file: SegFile, source: SourceFile) -> String {
        var w = FormatWriter(source: source, comments: file.comments)
        for (i, segment) in file.segments.enumerated() {
            w.segment(segment, blankBefore: i > 0)
        }
        w.flushComments(before: Int.max, blankBefore: false)
        return w.lines.isEmpty ? "" : w.lines.joined(separator: "\n") + "\n"
    }
}


struct FormatWriter {
    let bytes: [UInt8]
    let comments: [Comment]
    var nextComment = 0
    var lines: [String] = []
    var indent = 0
    /// True when the last line written ends in a comment: another comment cannot join it.
    var lastLineHasComment = false

    init(source: SourceFile, comments: [Comment]) {
        self.bytes = source.bytes
        self.comments = comments
    }

    mutating func emit(_ line: String) {
        lines.append(line)
        lastLineHasComment = false
    }

    var pad: String { String(repeating: " ", count: indent) }

    /// True when code precedes the comment on its source line (it ends that line).
    func isTrailing(_ c: Comment) -> Bool {
        var i = min(c.span.start, bytes.count) - 1
        while i >= 0, bytes[i] != 0x0A, bytes[i] != 0x0D {
            if bytes[i] != 0x20, bytes[i] != 0x09 { return true }
            i -= 1
        }
        return false
    }

    /// True when a blank line separates the comment from the next code or comment.
    func blankLineFollows(_ c: Comment) -> Bool {
        var newlines = 0
        var i = c.span.end
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A: newlines += 1
            case 0x0D: if i + 1 >= bytes.count || bytes[i + 1] != 0x0A { newlines += 1 }  // a lone CR ends a line
            case 0x20, 0x09: break
            default: return newlines >= 2
            }
            i += 1
        }
        return false
    }

    func hasComments(in span: Span) -> Bool {
        comments.contains { $0.span.start > span.start && $0.span.start < span.end }
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        // Trailing blanks (CR included: a stray CR would be stripped only on the next run).
        while let last = s.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
            s = Substring(s.unicodeScalars.dropLast())
        }
        return String(s)
    }

    /// Writes every comment that starts before `offset`: trailing ones at the end of the last
    /// line written, own-line ones on their own lines. `blankBefore` puts one blank line before
    /// the first own-line comment (or, without any, before whatever is written next).
    mutating func flushComments(before offset: Int, blankBefore: Bool) {
        var blankPending = blankBefore
        while nextComment < comments.count, comments[nextComment].span.start < offset {
            let c = comments[nextComment]
            nextComment += 1
            let text = "#" + FormatWriter.trimmed(c.text)
            if isTrailing(c), !lastLineHasComment, let last = lines.indices.last, !lines[last].isEmpty {
                lines[last] += "  " + text
            } else {
                if blankPending { emit(""); blankPending = false }
                emit(pad + text)
                lastLineHasComment = true
                // A top-level comment set off by a blank line (a file header) keeps it.
                if indent == 0, blankLineFollows(c) { emit(""); continue }
            }
            lastLineHasComment = true
        }
        if blankPending, let last = lines.last, !last.isEmpty { emit("") }
    }

    /// `segment name "title" {` … `}`
    mutating func segment(_ s: SegmentDecl, blankBefore: Bool) {
        flushComments(before: s.span.start, blankBefore: blankBefore)
        var header = "segment " + s.name.name
        if let title = s.title { header += " " + StringLiteral.quote(title.value) }
        if s.items.isEmpty, !hasComments(in: s.span) {
            emit(pad + header + " {}")
            return
        }
        emit(pad + header + " {")
        indent += 2
        var previousWasBlock = true
        for (i, item) in s.items.enumerated() {
            let isBlock: Bool
            switch item {
            case .include, .exclude: isBlock = true
            default: isBlock = false
            }
            flushComments(before: item.span.start, blankBefore: i > 0 && isBlock && !previousWasBlock)
            previousWasBlock = isBlock
            switch item {
            case .description(let d, _): emit(pad + "description " + StringLiteral.quote(d.value))
            case .asOf(let d, _): emit(pad + "as_of " + d.date.description)
            case .include(let b, _): block(b, prefix: "include", tags: "")
            case .exclude(let b, _): block(b, prefix: "exclude", tags: "")
            }
        }
        flushComments(before: s.span.end - 1, blankBefore: false)
        indent -= 2
        emit(pad + "}")
    }

    /// `prefix {` … `}` then the tags, with the block's conditions aligned on one tag column.
    mutating func block(_ b: Block, prefix: String, tags: String) {
        let suffix = tags.isEmpty ? "" : "  " + tags
        if b.conditions.isEmpty, !hasComments(in: b.span) {
            emit(pad + prefix + " {}" + suffix)
            return
        }
        emit(pad + prefix + " {")
        indent += 2
        let inner = indent
        // The tag column: widest tagged one-line condition that fits under the cap, plus two.
        // Heads and widths are computed once: counting characters walks the whole string.
        let heads = b.conditions.map { c -> (head: String, width: Int)? in
            FormatWriter.inlineHead(c).map { ($0, inner + FormatWriter.width($0)) }
        }
        var widest = 0
        for (c, h) in zip(b.conditions, heads) {
            guard let h, h.width <= Formatter.tagColumnCap, !FormatWriter.allTags(c).isEmpty else { continue }
            widest = max(widest, h.width)
        }
        let column = (widest > 0 ? widest : inner + 2) + 2
        for (c, h) in zip(b.conditions, heads) { condition(c, head: h, tagColumn: column) }
        flushComments(before: b.span.end - 1, blankBefore: false)
        indent -= 2
        emit(pad + "}" + suffix)
    }

    /// Display width of a line: ASCII fast path, else Unicode scalars (close enough for
    /// alignment; combining marks are rare in segment files).
    static func width(_ s: String) -> Int {
        let n = s.utf8.count
        return s.utf8.allSatisfy { $0 < 0x80 } ? n : s.unicodeScalars.count
    }

    mutating func condition(_ c: Condition, head: (head: String, width: Int)?, tagColumn: Int) {
        flushComments(before: c.span.start, blankBefore: false)
        let tags = FormatWriter.allTags(c).map(FormatWriter.tag).joined(separator: " ")
        if let (head, width) = head {
            let line = pad + head
            if tags.isEmpty {
                emit(line)
            } else if width <= Formatter.tagColumnCap {
                emit(line + String(repeating: " ", count: max(2, tagColumn - width)) + tags)
            } else {
                emit(line)
                emit(String(repeating: " ", count: tagColumn) + tags)
            }
            return
        }
        // A block condition, possibly under a chain of `not`s: `not all {` … `} [tags]`.
        var prefix = ""
        var node = c
        while case .not(let inner) = node.kind { prefix += "not "; node = inner }
        switch node.kind {
        case .all(let b): block(b, prefix: prefix + "all", tags: tags)
        case .any(let b): block(b, prefix: prefix + "any", tags: tags)
        default: emit(pad + prefix + (FormatWriter.inlineHead(node) ?? ""))
        }
    }

    /// Tags of a condition and of the conditions under its `not`s, innermost first (the
    /// parser attaches tags written after `not c` to `c`).
    static func allTags(_ c: Condition) -> [GroundingTag] {
        var chain: [Condition] = [c]
        var node = c
        while case .not(let inner) = node.kind { chain.append(inner); node = inner }
        return chain.reversed().flatMap(\.tags)
    }

    /// The one-line text of a condition without its tags; nil for `all`/`any` (multi-line).
    static func inlineHead(_ c: Condition) -> String? {
        var prefix = ""
        var node = c
        while case .not(let inner) = node.kind { prefix += "not "; node = inner }
        switch node.kind {
        case .all, .any, .not: return nil
        case .inSegment(let name): return prefix + "in segment " + name.name
        case .predicate(let p): return prefix + predicate(p)
        case .has(let h):
            var s = prefix + "has " + h.event.name
            if !h.predicates.isEmpty { s += " where " + h.predicates.map(predicate).joined(separator: " and ") }
            if let w = h.window { s += " " + window(w) }
            if let a = h.aggregate { s += " " + aggregate(a) }
            return s
        }
    }

    static func predicate(_ p: Predicate) -> String { p.facet.description + " " + test(p.test) }

    /// A predicate's test, after its facet: `>= 500`, `in ["CA", "OR"]`, `is missing`.
    static func test(_ t: PredicateTest) -> String {
        switch t {
        case .compare(let op, let v): return "\(op.rawValue) \(v.value.description)"
        case .inList(let negated, let l): return "\(negated ? "not in" : "in") \(list(l))"
        case .between(let lo, let hi): return "between \(lo.value.description) and \(hi.value.description)"
        case .contains(let s): return "contains \(StringLiteral.quote(s.value))"
        case .startsWith(let s): return "starts_with \(StringLiteral.quote(s.value))"
        case .isMissing(let negated): return negated ? "is not missing" : "is missing"
        case .window(let w): return window(w)
        }
    }

    static func list(_ l: ListLiteral) -> String {
        "[" + l.values.map { $0.value.description }.joined(separator: ", ") + "]"
    }

    static func window(_ w: Window) -> String { window(w.kind) }

    static func window(_ kind: WindowKind) -> String {
        switch kind {
        case .last(let n, let unit): return "during last \(n) \(unit.rawValue)\(n == 1 ? "" : "s")"
        case .range(let a, let b): return "during \(a) to \(b)"
        case .fiscalYear(let y): return "during fiscal_year \(y)"
        case .fiscalQuarter(let y, let q): return "during fiscal_quarter \(y) Q\(q)"
        case .since(let d): return "since \(d)"
        case .before(let d): return "before \(d)"
        }
    }

    static func aggregate(_ a: Aggregate) -> String {
        var s = a.function.keyword
        if let field = a.function.field { s += "(\(field.name))" }
        switch a.test {
        case .compare(let op, let n, _): s += " \(op.rawValue) \(n.text)"
        case .between(let lo, let hi, _): s += " between \(lo.text) and \(hi.text)"
        }
        return s
    }

    static func tag(_ t: GroundingTag) -> String {
        var s = "[\(t.kind.rawValue): "
        switch t.subject {
        case .name(let f): s += f.description
        case .value(let v): s += v.value.description
        }
        if let from = t.from { s += " from " + StringLiteral.quote(from.value) }
        return s + "]"
    }
}
