import SegmintCatalog
import SegmintSyntax

extension OfflineTranslator {
    /// "add up to", "spent", "average" (the layer's `aggregate_words`, where the catalog does
    /// not claim the words): the bound that follows is on a sum or an average, settled by
    /// `settleAggregate` once the event and its field are known.
    func aggregateWord(_ s: inout TranslationState, at i: Int) -> Int? {
        guard let table = EnglishLayer.shared.aggregate_words else { return nil }
        for (fn, phrases) in table.sorted(by: { $0.key < $1.key }) {
            for p in phrases.map({ Words.norms($0) }).sorted(by: { $0.count > $1.count })
            where !p.isEmpty && i + p.count <= s.words.count && p.indices.allSatisfy({ s.words[i + $0].norm == p[$0] }) {
                s.pendingAggregate = fn
                s.mark(i..<(i + p.count))
                return i + p.count
            }
        }
        return nil
    }

    /// The aggregate asked for, on the last event named: a sum of its one money field ("card
    /// transactions add up to more than 2000"), or an average of the numeric field named
    /// ("average humidity … above 80"). Left pending (the bound stays unmapped) otherwise.
    func settleAggregate(_ s: inout TranslationState) {
        guard let kind = s.pendingAggregate,
              let e = s.drafts.lastIndex(where: { if case .event = $0.subject { return $0.aggregate == nil }; return false }),
              case .event(let en) = s.drafts[e].subject, let ev = catalog.event(named: en) else { return }
        func make(_ field: String, _ op: String, _ numbers: [String]) -> Aggregate? {
            let f: AggregateFunction = kind == "avg" ? .avg(Ident(field)) : .sum(Ident(field))
            if op == "between" {
                guard numbers.count == 2, let a = NumberLiteral(numbers[0]), let b = NumberLiteral(numbers[1]) else { return nil }
                return Aggregate(f, between: a, and: b)
            }
            guard let o = ComparisonOp(rawValue: op), let n = numbers.first.flatMap(NumberLiteral.init) else { return nil }
            return Aggregate(f, o, n)
        }
        // The field named, holding the bound ("average humidity … above 80").
        if let k = s.drafts[e].preds.lastIndex(where: { $0.values.isEmpty && ev.field(named: $0.field)?.type.isNumeric == true }) {
            let pred = s.drafts[e].preds[k]
            func number(_ l: Literal) -> String? { if case .number(let n) = l.value { return n.text }; return nil }
            let bound: (String, [String])?
            switch pred.test {
            case .compare(let op, let l)?: bound = number(l).map { (op.rawValue, [$0]) }
            case .between(let a, let b)?: bound = number(a).flatMap { x in number(b).map { ("between", [x, $0]) } }
            case nil: bound = s.pendingComparison.map { ($0.0.op, $0.0.numbers) }
            default: bound = nil
            }
            if let (op, numbers) = bound, let agg = make(pred.field, op, numbers) {
                s.drafts[e].preds.remove(at: k)
                s.drafts[e].aggregate = agg
                if pred.test == nil { s.pendingComparison = nil }
                s.pendingAggregate = nil
            }
            return
        }
        // No field named: a sum is of the event's one money field.
        let money = ev.fields.filter { $0.type.isNumeric && OfflineTranslator.isCurrency($0.unit) }
        guard kind == "sum", money.count == 1, let p = s.pendingComparison, !p.0.times,
              let agg = make(money[0].name, p.0.op, p.0.numbers) else { return }
        s.drafts[e].aggregate = agg
        s.drafts[e].tags.append(TranslationState.tag("\(en).\(money[0].name)", nil))
        s.pendingComparison = nil
        s.pendingAggregate = nil
    }
}
