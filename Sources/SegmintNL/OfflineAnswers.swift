import SegmintCore
import SegmintSyntax

/// A user's answer read into AST pieces for the offline translator: the answer forms
/// `AnswerParsing` accepts, turned into the grammar's text and read back by the real parser.
enum OfflineAnswers {
    /// "last 30 days", "since 2025-01-01", "2025-01-01 to 2025-03-31" → a window.
    static func window(_ answer: String) -> WindowKind? {
        guard let text = AnswerParsing.window(answer), let c = parsed("has e \(text)"),
              case .has(let h) = c.kind, h.predicates.isEmpty, h.aggregate == nil else { return nil }
        return h.window?.kind
    }

    /// ">= 500", "at least 3", "between 1 and 5", "500" → a numeric test.
    static func test(_ answer: String) -> PredicateTest? {
        guard let text = AnswerParsing.numberTest(answer), let c = parsed("x \(text)"), case .predicate(let p) = c.kind else { return nil }
        return p.test
    }

    /// The same answers as a bound on an event count.
    static func count(_ answer: String) -> Aggregate? {
        guard let text = AnswerParsing.numberTest(answer), let c = parsed("has e count \(text)"),
              case .has(let h) = c.kind, h.predicates.isEmpty, h.window == nil else { return nil }
        return h.aggregate
    }

    /// The single condition of `segment a { include { TEXT } }`, when it parses cleanly.
    static func parsed(_ condition: String) -> Condition? {
        guard !condition.contains("\n"), !condition.contains("{"), !condition.contains("}"), !condition.contains("#") else { return nil }
        let file = SourceFile(id: 0, path: "<answer>", text: "segment a {\n  include {\n    \(condition)\n  }\n}\n")
        let r = Parser.parse(file)
        guard !r.diagnostics.hasErrors, let seg = r.file.segments.first, seg.items.count == 1,
              let block = seg.include, block.conditions.count == 1 else { return nil }
        return block.conditions[0]
    }
}
