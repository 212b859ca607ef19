import SegmintCore
import SegmintSyntax

/// Quick fixes read from the help lines the checker and parser write: every help line that
/// names one concrete edit becomes that edit. Help lines with a placeholder (`…`, `field`)
/// or advice without one edit ("merge them", "use = or in") give none.
enum QuickFixes {
    static func fixes(for d: Diagnostic, in doc: Document) -> [QuickFix] {
        guard let help = d.help, let span = d.span, span.file == doc.source.id else { return [] }
        let text = doc.source.text(of: span)
        if let name = didYouMean(help) {
            let replacement = text.hasPrefix("\"") ? StringLiteral.quote(name) : name
            return [QuickFix(title: "Change to \(replacement)", edits: [TextEdit(start: span.start, end: span.end, newText: replacement)])]
        }
        for prefix in ["write text in double quotes: ", "quarters are written in capitals: ", "write the facet alone: "] {
            if let code = after(prefix, in: help) {
                return [QuickFix(title: "Change to \(code)", edits: [TextEdit(start: span.start, end: span.end, newText: code)])]
            }
        }
        if let code = after("write it as an escape, e.g. ", in: help) {
            return [QuickFix(title: "Write as \(code)", edits: [TextEdit(start: span.start, end: span.end, newText: code)])]
        }
        if help.hasPrefix("inside has "), let r = help.range(of: ", write "), let or = help.range(of: " or ", range: r.upperBound..<help.endIndex) {
            let field = String(help[r.upperBound..<or.lowerBound])
            return [QuickFix(title: "Change to \(field)", edits: [TextEdit(start: span.start, end: span.end, newText: field)])]
        }
        for prefix in ["write the smaller value first: ", "write the smaller number first: "] {
            if let code = after(prefix, in: help), let at = firstOffset(of: "between", in: doc, span: span) {
                return [QuickFix(title: "Swap the bounds", edits: [TextEdit(start: at, end: span.end, newText: code)])]
            }
        }
        if let code = after("write the earlier date first: ", in: help), let at = firstDigit(in: doc, span: span) {
            return [QuickFix(title: "Swap the dates", edits: [TextEdit(start: at, end: span.end, newText: code)])]
        }
        if help.hasPrefix("ground it with [RETRIEVED: "), let at = firstOffset(of: "INFERRED", in: doc, span: span) {
            return [QuickFix(title: "Tag it RETRIEVED", edits: [TextEdit(start: at, end: at + "INFERRED".utf8.count, newText: "RETRIEVED")])]
        }
        if let tag = after("add ", in: help), tag.hasPrefix("[RETRIEVED: "), let c = ConditionFinder.innermost(containing: span, in: doc.parsed.file) {
            return [QuickFix(title: "Add \(tag)", edits: [TextEdit(start: c.span.end, end: c.span.end, newText: " " + tag)])]
        }
        if help == "add a closing \"" || help.hasPrefix("close the string with \"") {
            return [QuickFix(title: "Close the string", edits: [TextEdit(start: span.end, end: span.end, newText: "\"")])]
        }
        if help == "test the facet directly, without has", let hasStart = keywordBefore("has", offset: span.start, in: doc) {
            return [QuickFix(title: "Remove has", edits: [TextEdit(start: hasStart, end: span.start, newText: "")])]
        }
        return []
    }

    /// `X` of a help line holding `did you mean "X"?`.
    static func didYouMean(_ help: String) -> String? {
        guard let r = help.range(of: "did you mean \""), help.hasSuffix("\"?") else { return nil }
        let end = help.index(help.endIndex, offsetBy: -2)
        guard r.upperBound <= end else { return nil }
        let name = String(help[r.upperBound..<end])
        return name.isEmpty || name.contains("…") ? nil : name
    }

    /// The code after `prefix` when the help line starts with it and names no placeholder.
    static func after(_ prefix: String, in help: String) -> String? {
        guard help.hasPrefix(prefix) else { return nil }
        let code = String(help.dropFirst(prefix.count))
        return code.isEmpty || code.contains("…") ? nil : code
    }

    static func firstOffset(of word: String, in doc: Document, span: Span) -> Int? {
        let w = Array(word.utf8), b = doc.bytes
        var i = span.start
        while i + w.count <= min(span.end, b.count) {
            if Array(b[i..<(i + w.count)]) == w { return i }
            i += 1
        }
        return nil
    }

    static func firstDigit(in doc: Document, span: Span) -> Int? {
        (span.start..<min(span.end, doc.bytes.count)).first { doc.bytes[$0] >= 0x30 && doc.bytes[$0] <= 0x39 }
    }

    /// Start of `word` right before `offset` (only whitespace between).
    static func keywordBefore(_ word: String, offset: Int, in doc: Document) -> Int? {
        var i = min(offset, doc.bytes.count) - 1
        while i >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(doc.bytes[i]) { i -= 1 }
        let w = Array(word.utf8)
        let start = i - w.count + 1
        guard start >= 0, Array(doc.bytes[start...i]) == w else { return nil }
        return start
    }
}

/// Finds conditions by position.
enum ConditionFinder {
    /// The innermost condition whose span holds `span`.
    static func innermost(containing span: Span, in file: SegFile) -> Condition? {
        var best: Condition?
        func visit(_ c: Condition) {
            guard c.span.start <= span.start, span.end <= c.span.end else { return }
            best = c
            switch c.kind {
            case .all(let b), .any(let b): b.conditions.forEach(visit)
            case .not(let inner): visit(inner)
            default: break
            }
        }
        for seg in file.segments where seg.span.start <= span.start && span.end <= seg.span.end {
            for item in seg.items {
                if case .include(let b, _) = item { b.conditions.forEach(visit) }
                if case .exclude(let b, _) = item { b.conditions.forEach(visit) }
            }
        }
        return best
    }
}
