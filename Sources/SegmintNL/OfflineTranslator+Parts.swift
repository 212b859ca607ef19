import SegmintCore
import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// One draft as a condition (an AST value for the formatter), or nil when it has no test.
    func condition(_ d: Draft) -> Condition? {
        switch d.subject {
        case .facet(let fn):
            var test = d.test
            if !d.values.isEmpty {
                if let o = d.ordered, d.values.count == 1 { test = .compare(o, .string(d.values[0])) }
                else { test = d.values.count == 1 ? .compare(.eq, .string(d.values[0])) : .list(d.values.map { .string($0) }) }
            }
            guard let t = test else { return nil }
            return .predicate(fn, t, tags: d.tags)
        case .event(let en):
            let preds = d.preds.compactMap { p -> Predicate? in
                if let t = p.test { return Predicate(p.field, t) }
                if p.values.count == 1 { return Predicate(p.field, .compare(.eq, .string(p.values[0]))) }
                if p.values.count > 1 { return Predicate(p.field, .list(p.values.map { .string($0) })) }
                return nil
            }
            return .has(en, where: preds, window: d.window, aggregate: d.aggregate, tags: d.tags)
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

    /// A segment name from the request's first content words: `premium_watched_drama`.
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
