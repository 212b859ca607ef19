import SegmintCore
import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// One draft as a `.seg` condition line with its tags, or nil when it has no test.
    func render(_ d: Draft) -> String? {
        switch d.subject {
        case .facet(let fn):
            var test = d.test
            if !d.values.isEmpty {
                let lits = d.values.map { StringLiteral.quote($0) }
                if let o = d.ordered, lits.count == 1 { test = "\(o) \(lits[0])" }
                else { test = lits.count == 1 ? "= \(lits[0])" : "in [\(lits.joined(separator: ", "))]" }
            }
            guard let t = test else { return nil }
            return ([fn + " " + t] + d.tags).joined(separator: " ")
        case .event(let en):
            var s = "has \(en)"
            let preds = d.preds.compactMap { p -> String? in
                if let t = p.test { return "\(p.field) \(t)" }
                if p.values.count == 1 { return "\(p.field) = \(StringLiteral.quote(p.values[0]))" }
                if p.values.count > 1 { return "\(p.field) in [\(p.values.map { StringLiteral.quote($0) }.joined(separator: ", "))]" }
                return nil
            }
            if !preds.isEmpty { s += " where " + preds.joined(separator: " and ") }
            if let w = d.window { s += " " + w }
            if let a = d.aggregate { s += " " + a }
            return ([s] + d.tags).joined(separator: " ")
        }
    }
}

/// Writing `.seg` text: one segment with its header comment, in `fmt`'s layout.
public enum SegWriter {
    public static func segment(name: String, title: String, include: [String], exclude: [String], header: [String]) -> String {
        var out = header.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined()
        out += "segment \(name) \(StringLiteral.quote(title)) {\n"
        if !include.isEmpty { out += "  include {\n" + include.map { "    \($0)\n" }.joined() + "  }\n" }
        if !exclude.isEmpty { out += "  exclude {\n" + exclude.map { "    \($0)\n" }.joined() + "  }\n" }
        return out + "}\n"
    }

    /// A segment name from the request's first content words: `california_bought_outdoor_gear`.
    /// Function words and, given the catalog's entity, the words that mean it are left out.
    public static func name(for request: String, entity: Entity? = nil) -> String {
        let entityWords = entity.map { EntityWords.keys($0, english: .shared) } ?? []
        let words = Words.split(request).filter { !Stopwords.set.contains($0.norm) && !entityWords.contains($0.norm) }
            .map { $0.text.lowercased() }
            .map { String($0.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init)) }
            .filter { !$0.isEmpty }
        var n = words.prefix(4).joined(separator: "_")
        if n.isEmpty { n = "asked_segment" }
        if n.first?.isNumber == true { n = "s_" + n }
        if Keywords.reserved.contains(n) { n += "_segment" }
        return n
    }
}
