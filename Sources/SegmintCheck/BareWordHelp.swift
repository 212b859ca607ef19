import SegmintCore
import SegmintSyntax
import SegmintCatalog

extension Checker {
    /// The parser reports a bare word where a value belongs (`email_opt_out = yes`) with the
    /// help "write text in double quotes". Once the catalog is known, that help is replaced by
    /// one for the compared facet's type: a bool takes `true` or `false`, a number digits, a
    /// date `YYYY-MM-DD`. Text facets, and words whose facet is unknown, keep the quotes help.
    public static func refineBareWordHelp(_ diagnostics: [Diagnostic], words: [BareWord], catalog: Catalog) -> [Diagnostic] {
        guard !words.isEmpty else { return diagnostics }
        var helpAt: [Span: String] = [:]
        for w in words {
            guard let (label, type) = attribute(of: w, in: catalog), let help = help(for: w.word, label: label, type: type) else { continue }
            helpAt[w.span] = help
        }
        guard !helpAt.isEmpty else { return diagnostics }
        return diagnostics.map { d in
            guard d.code == ParseCode.expected, let span = d.span, let help = helpAt[span] else { return d }
            var refined = d
            refined.help = help
            return refined
        }
    }

    private static func attribute(of w: BareWord, in catalog: Catalog) -> (String, ValueType)? {
        let base = w.subject.base.name
        if let member = w.subject.member?.name {
            guard let field = catalog.event(named: base)?.fields.first(where: { $0.name == member }) else { return nil }
            return ("\(base).\(member)", field.type)
        }
        if let event = w.event {
            guard let field = catalog.event(named: event)?.fields.first(where: { $0.name == base }) else { return nil }
            return ("\(event).\(base)", field.type)
        }
        return catalog.facet(named: base).map { (base, $0.type) }
    }

    private static func help(for word: String, label: String, type: ValueType) -> String? {
        switch type {
        case .bool:
            let lower = word.lowercased()
            if lower == "true" || lower == "false" { return "\(label) is a bool: write \(lower) in lower case" }
            return "\(label) is a bool: write true or false"
        case .int, .decimal:
            return "\(label) is a number: write it in digits, without quotes"
        case .date, .timestamp:
            return "\(label) is a \(type.rawValue): write a date as YYYY-MM-DD, without quotes"
        case .string:
            return nil
        }
    }
}
