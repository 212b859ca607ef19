import SegmintCore
import SegmintCatalog

/// Writes enrichment proposals into the catalog's own text: a flow mapping (`- {name: plan, …}`)
/// gets `, synonyms: […]` before its `}`, a block mapping gets `synonyms:` / `description:`
/// lines after its last line at its keys' indentation. Comments, order and layout stay as they
/// are; strings are written double-quoted (JSON escapes are valid YAML).
enum CatalogTextEdit {
    struct Change {
        var line: Int; var old: String?; var new: [String]; var path: String; var indent = 0
        /// Apply order: bottom-up; at one line the replacement, then insertions outermost first
        /// (an inner mapping's keys inserted later land directly under its last line).
        var applyKey: (Int, Int, Int) { (-line, old == nil ? 0 : -1, indent) }
    }

    static func apply(_ text: String, catalog: Catalog, proposals: [CatalogEnrichment.Proposal]) -> (text: String, diff: String, notes: [String]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var notes: [String] = []
        var changes: [Change] = []
        for p in proposals {
            let parts = p.path.split(separator: ".").map(String.init)
            var line: Int?
            switch parts.first {
            case "facets" where parts.count == 2: line = catalog.facet(named: parts[1])?.line
            case "events" where parts.count == 2: line = catalog.event(named: parts[1])?.line
            case "events" where parts.count == 4: line = catalog.event(named: parts[1])?.field(named: parts[3])?.line
            case "values":
                notes.append("not written (the catalog format has no value synonyms): \(p.path): " + p.synonyms.map(JSON.string).joined(separator: ", "))
                continue
            default: break
            }
            guard let l = line, l >= 1, l <= lines.count else { notes.append("not written (no line for \(p.path))"); continue }
            var entries: [(String, String)] = []
            if !p.synonyms.isEmpty { entries.append(("synonyms", "[" + p.synonyms.map(JSON.string).joined(separator: ", ") + "]")) }
            if let d = p.description { entries.append(("description", JSON.string(d))) }
            if let edited = flowEdit(lines[l - 1], entries) {
                changes.append(Change(line: l, old: lines[l - 1], new: [edited], path: p.path))
            } else if !lines[l - 1].contains("{") {
                let (after, indent) = blockEnd(lines, keyLine: l)
                changes.append(Change(line: after, old: nil, new: entries.map { String(repeating: " ", count: indent) + "\($0.0): \($0.1)" }, path: p.path, indent: indent))
            } else {
                notes.append("not written (line \(l) is a flow mapping spanning lines): \(p.path)")
            }
        }
        // Bottom-up, so earlier line numbers stay valid; a replaced line keeps its number.
        for c in changes.sorted(by: { $0.applyKey < $1.applyKey }) {
            if c.old != nil { lines[c.line - 1] = c.new[0] } else { lines.insert(contentsOf: c.new, at: c.line) }
        }
        return (lines.joined(separator: "\n"), diff(changes.sorted { ($0.line, $0.old == nil ? 1 : 0, -$0.indent) < ($1.line, $1.old == nil ? 1 : 0, -$1.indent) }), notes)
    }

    /// The line with `entries` added before the `}` closing its first flow mapping, or nil when
    /// the line holds no complete flow mapping.
    static func flowEdit(_ line: String, _ entries: [(String, String)]) -> String? {
        guard let open = line.firstIndex(of: "{") else { return nil }
        var depth = 0
        var quote: Character?
        var i = open
        while i < line.endIndex {
            let c = line[i]
            if let q = quote {
                if c == "\\" && q == "\"" { i = line.index(after: i); if i < line.endIndex { i = line.index(after: i) }; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" { quote = c
            } else if c == "#" && line[line.index(before: i)] == " " { return nil
            } else if c == "{" || c == "[" { depth += 1
            } else if c == "}" || c == "]" {
                depth -= 1
                if depth == 0 {
                    let inner = line[line.index(after: open)..<i].trimmingCharacters(in: .whitespaces)
                    let added = entries.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
                    let head = line[..<i].replacingOccurrences(of: #"\s+$"#, with: "", options: .regularExpression)
                    return head + (inner.isEmpty ? "" : ", ") + added + line[i...]
                }
            }
            i = line.index(after: i)
        }
        return nil
    }

    /// For a block mapping whose first key is on `keyLine` (1-based): the line after which new
    /// keys go (its last content line) and the keys' indentation.
    static func blockEnd(_ lines: [String], keyLine: Int) -> (after: Int, indent: Int) {
        let first = lines[keyLine - 1]
        var indent = first.prefix { $0 == " " }.count
        var rest = first.dropFirst(indent)
        while rest.hasPrefix("- ") { rest = rest.dropFirst(2); let more = rest.prefix { $0 == " " }.count; indent += 2 + more; rest = rest.dropFirst(more) }
        var last = keyLine
        var j = keyLine
        while j < lines.count {
            let l = lines[j]
            let t = l.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { j += 1; continue }
            if l.prefix(while: { $0 == " " }).count < indent { break }
            last = j + 1
            j += 1
        }
        return (last, indent)
    }

    static func diff(_ changes: [Change]) -> String {
        var out = ""
        var shift = 0
        for c in changes {
            if let old = c.old {
                out += "@@ -\(c.line) +\(c.line + shift) @@ \(c.path)\n-\(old)\n+\(c.new[0])\n"
            } else {
                out += "@@ -\(c.line),0 +\(c.line + shift + 1),\(c.new.count) @@ \(c.path)\n" + c.new.map { "+\($0)\n" }.joined()
                shift += c.new.count
            }
        }
        return out
    }
}
