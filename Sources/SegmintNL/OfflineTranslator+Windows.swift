import SegmintCore
import SegmintSyntax

extension OfflineTranslator {
    /// Time windows ("in the last 90 days", "this fiscal quarter", "since March 2025"): applied to
    /// the date facet or event they follow, else kept for the next event. A period that needs the
    /// user's choice ("last year", "recently") becomes a `window` question until answered.
    func window(_ s: inout TranslationState, at i: Int) -> Int? {
        let parser = PeriodParser(words: s.words, today: today, fiscal: catalog.fiscalYear)
        guard let (result, end) = parser.match(at: i) else { return nil }
        s.mark(i..<end)
        switch result {
        case .window(let w):
            s.applyWindow(w, i..<end)
        case .ambiguous, .vague:
            let span = s.quote(i..<end)
            if let a = s.answers.answer(.window, span), let w = OfflineAnswers.window(a) {
                s.usedAnswers[Question.key(.window, span)] = a
                s.applyWindow(w, i..<end)
            } else {
                let q = result == .ambiguous
                    ? Question(kind: .window, span: span,
                               text: "what period does \"\(span)\" mean: the last 12 months, the previous calendar year, or the previous fiscal year?",
                               example: "last 12 months")
                    : Question(kind: .window, span: span, text: "what time window does \"\(span)\" mean?",
                               example: suggestion(measure: "window") ?? "last 30 days")
                if !s.questions.contains(q) { s.questions.append(q) }
            }
        }
        return end
    }

    /// The English layer's suggested threshold or period for a kind of vague word.
    func suggestion(measure: String) -> String? {
        EnglishLayer.shared.vague.first { $0.measure == measure }?.suggest
    }
}
