/// Renders diagnostics for people (compiler style) and for programs (JSON).
public struct DiagnosticRenderer {
    public let sources: SourceMap
    /// ANSI colours in the human form. Off unless asked for, so tests and pipes stay plain;
    /// commands decide with `ColorChoice`.
    public let color: Bool

    /// The colour of renderers made without an explicit choice. The executable sets it once from
    /// `--color` before a command starts, so every command's diagnostics follow the flag without
    /// each driver function taking it; tests and library callers leave it off.
    nonisolated(unsafe) public static var defaultColor = false

    public init(sources: SourceMap) {
        self.init(sources: sources, color: DiagnosticRenderer.defaultColor)
    }

    public init(sources: SourceMap, color: Bool) {
        self.sources = sources
        self.color = color
    }

    private var style: DiagnosticStyle { DiagnosticStyle(enabled: color) }

    /// Human form; the code in brackets as rustc prints it, after a `file:line:column:`
    /// prefix that editors and terminals turn into a link:
    /// ```
    /// a.seg:4:5: error[E0201]: unknown facet "lifetime_spent"
    ///    |
    ///  4 |     lifetime_spent >= 500
    ///    |     ^^^^^^^^^^^^^^
    ///    = help: did you mean "lifetime_spend"?
    /// ```
    public func human(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(human).joined()
    }

    /// `error[E0201]: message`, coloured when asked.
    private func header(_ d: Diagnostic) -> String {
        let label = d.code.isEmpty ? d.severity.rawValue : "\(d.severity.rawValue)[\(d.code)]"
        return style.severity(label, d.severity) + style.message(": \(d.message)")
    }

    private func helpLine(_ help: String, gutter: String) -> String {
        "\(gutter)\(style.gutter("="))" + " \(style.help("help")): \(help)\n"
    }

    public func human(_ d: Diagnostic) -> String {
        var out = ""
        guard let span = d.span, let file = sources[span.file] else {
            if let loc = d.location {
                var prefix = loc.file
                if let line = loc.line { prefix += ":\(line)" }
                if let column = loc.column { prefix += ":\(column)" }
                out += "\(prefix): \(header(d))\n"
            } else {
                out += "segmint: \(header(d))\n"
            }
            if let help = d.help { out += helpLine(help, gutter: "  ") }
            return out
        }
        let start = file.location(of: span.start)
        out += "\(file.path):\(start.line):\(start.column): \(header(d))\n"
        // One gutter width for the diagnostic and its notes, so their bars line up.
        let notes = d.notes.compactMap { n in sources[n.span.file].map { (n, $0, $0.location(of: n.span.start)) } }
        let width = ([start.line] + notes.map(\.2.line)).map { String($0).count }.max() ?? 1
        out += snippet(file: file, span: span, severity: d.severity, width: width)
        for (note, nf, loc) in notes {
            out += "  \(style.note("note")): \(note.message) (\(nf.path):\(loc.line):\(loc.column))\n"
            out += snippet(file: nf, span: note.span, severity: .note, width: width)
        }
        if let help = d.help {
            out += helpLine(help, gutter: String(repeating: " ", count: width + 1))
        }
        return out
    }

    /// The source line with carets under the span; `width` is the gutter's digit count.
    private func snippet(file: SourceFile, span: Span, severity: Severity, width: Int) -> String {
        let start = file.location(of: span.start)
        let end = file.location(of: max(span.start, span.end))
        let digits = String(start.line)
        let lineNo = String(repeating: " ", count: max(0, width - digits.count)) + digits
        let gutter = String(repeating: " ", count: lineNo.count + 1)
        let fullLine = Array(file.lineText(start.line).unicodeScalars)
        var caretStart = start.column - 1
        var caretLength = end.line == start.line ? max(1, end.column - start.column) : max(1, fullLine.count - caretStart)
        // Very long lines (a 1 MB line) are shown as a window around the caret.
        var shown = fullLine
        var lead = ""
        let maxWidth = 160
        if fullLine.count > maxWidth {
            let from = max(0, min(caretStart - 40, fullLine.count - maxWidth))
            let to = min(fullLine.count, from + maxWidth)
            shown = Array(fullLine[from..<to])
            lead = from > 0 ? "…" : ""
            caretStart = caretStart - from + (lead.isEmpty ? 0 : 1)
            caretLength = min(caretLength, max(1, to - from))
            if to < fullLine.count { shown.append("…") }
        }
        var text = lead
        text.unicodeScalars.append(contentsOf: shown.map(printable))
        var indent = ""
        let scalars = Array(text.unicodeScalars)
        for i in 0..<min(caretStart, scalars.count) { indent += scalars[i] == "\t" ? "\t" : " " }
        if caretStart > scalars.count { indent += String(repeating: " ", count: caretStart - scalars.count) }
        let carets = style.caret(String(repeating: "^", count: max(1, min(caretLength, 200))), severity)
        let bar = style.gutter("|")
        return "\(gutter)\(bar)\n\(style.gutter(lineNo + " |")) \(text)\n\(gutter)\(bar) \(indent)\(carets)\n"
    }

    private func printable(_ s: Unicode.Scalar) -> Unicode.Scalar {
        // Control characters would garble a terminal; show them as the replacement glyph.
        (s.value < 0x20 && s != "\t") || s.value == 0x7F ? "\u{FFFD}" : s
    }

    /// JSON form: one array; each element has code, severity, message, file, line, column,
    /// end {line, column}, help (null when absent).
    public func json(_ diagnostics: [Diagnostic]) -> String {
        var items: [String] = []
        for d in diagnostics {
            var fields: [(String, String)] = [
                ("code", JSON.string(d.code)),
                ("severity", JSON.string(d.severity.rawValue)),
                ("message", JSON.string(d.message)),
            ]
            if let span = d.span, let file = sources[span.file] {
                let s = file.location(of: span.start), e = file.location(of: span.end)
                fields += [("file", JSON.string(file.path)), ("line", "\(s.line)"), ("column", "\(s.column)"),
                           ("end", "{\"line\": \(e.line), \"column\": \(e.column)}")]
            } else if let loc = d.location {
                fields += [("file", JSON.string(loc.file)), ("line", loc.line.map(String.init) ?? "null"),
                           ("column", loc.column.map(String.init) ?? "null"), ("end", "null")]
            } else {
                fields += [("file", "null"), ("line", "null"), ("column", "null"), ("end", "null")]
            }
            fields.append(("help", d.help.map(JSON.string) ?? "null"))
            items.append("  {" + fields.map { "\(JSON.string($0.0)): \($0.1)" }.joined(separator: ", ") + "}")
        }
        return items.isEmpty ? "[]\n" : "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }
}
