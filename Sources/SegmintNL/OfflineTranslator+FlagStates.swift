import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// "auto update turned off", "notifications enabled": the state written right after a bool
    /// facet (or an event's bool field) sets it.
    func flagState(_ s: inout TranslationState, at i: Int) -> Int? {
        guard let states = EnglishLayer.shared.flag_states, i > 0, s.used[i - 1] else { return nil }
        func phrase(_ list: [String]) -> Int? {
            list.map { Words.norms($0) }.filter { !$0.isEmpty && i + $0.count <= s.words.count }
                .first { p in p.indices.allSatisfy { s.words[i + $0].norm == p[$0] } }?.count
        }
        let value: Bool, n: Int
        if let k = phrase(states.false) { value = false; n = k } else if let k = phrase(states.true) { value = true; n = k } else { return nil }
        guard let d = s.drafts.indices.last else { return nil }
        let set = PredicateTest.compare(.eq, .bool(value))
        switch s.drafts[d].subject {
        case .facet(let f):
            guard catalog.facet(named: f)?.type == .bool else { return nil }
            s.drafts[d].test = set
        case .event(let e):
            guard let k = s.drafts[d].preds.indices.last, catalog.event(named: e)?.field(named: s.drafts[d].preds[k].field)?.type == .bool else { return nil }
            s.drafts[d].preds[k].test = set
        }
        s.mark(i..<(i + n))
        return i + n
    }
}
