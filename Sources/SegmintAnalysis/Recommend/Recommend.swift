import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

/// `segmint recommend`: where a model would serve better than hand-written rules, and where
/// the rules themselves look off. Rule signals need only the program; data signals take a
/// `SegmentCounter`.
public enum Recommend {
    public static func run(_ program: CheckedProgram, segments names: [String]? = nil,
                           thresholds t: RecommendThresholds = RecommendThresholds(),
                           count: SegmentCounter? = nil) throws -> [Recommendation] {
        let chosen = (names ?? program.segments.map(\.name)).compactMap { program.segment(named: $0) }
        var out: [Recommendation] = []
        for seg in chosen { out += rules(seg, program: program, t) }
        if let count = count {
            out = try out.map { try $0.signal == .useModelScore ? withSuggestedCutoff($0, program: program, count: count) : $0 }
            out += try data(chosen, program: program, t, count: count)
        }
        return out
    }

    // MARK: rule signals

    /// Everything the segment's author said about it: name, title, description, `from` words.
    static func intentText(_ seg: CheckedSegment) -> String {
        var parts = [English.phrase(seg.name)]
        parts += [seg.title, seg.description].compactMap { $0 }
        parts += seg.assumptions.compactMap(\.from) + seg.groundings.compactMap(\.from)
        return parts.joined(separator: " | ").lowercased()
    }

    static func rules(_ seg: CheckedSegment, program: CheckedProgram, _ t: RecommendThresholds) -> [Recommendation] {
        var out: [Recommendation] = []
        let text = intentText(seg)
        let phrases = t.intentPhrases.filter { text.contains($0) }
        let used = usedAttributes(seg)
        if !phrases.isEmpty {
            let allFits = modelFits(text, catalog: program.catalog)
            let fits = allFits.filter { !used.facets.contains($0.facet.name) }
            let usesAModel = program.catalog.facets.contains { $0.isModelScore && used.facets.contains($0.name) }
            if usesAModel {
                // Already rests on a model score: nothing to recommend on intent.
            } else if let best = fits.first {
                let proxies = used.facets.sorted() + used.events.sorted()
                out.append(Recommendation(
                    signal: .useModelScore, segment: seg.name,
                    evidence: ["intent words: " + phrases.map { "\"\($0)\"" }.joined(separator: ", "),
                               "catalog model score \(best.facet.name) fits: " + best.matched.map { "\"\($0)\"" }.joined(separator: ", ")
                                   + (best.facet.description.map { " (\($0))" } ?? ""),
                               "the segment approximates it with \(proxies.count) proxy rule input(s): " + proxies.joined(separator: ", ")],
                    numbers: [("intent_phrases", Double(phrases.count)), ("proxy_inputs", Double(proxies.count))],
                    action: "replace the proxy rules with the model score: include { \(best.facet.name) >= T } [RETRIEVED: \(best.facet.name)], "
                        + "choosing T so the segment keeps its intended size (`segmint recommend --db` suggests T)"))
            } else {
                out.append(Recommendation(
                    signal: .predictiveIntent, segment: seg.name,
                    evidence: ["intent words: " + phrases.map { "\"\($0)\"" }.joined(separator: ", "),
                               "no catalog model score matches this intent"],
                    numbers: [("intent_phrases", Double(phrases.count))],
                    action: "this segment predicts behaviour: ask the data team for a model score for it (add it to the catalog as kind: model_score); "
                        + "until then, validate the rules against the outcome they predict"))
            }
        }
        let inferred = seg.assumptions.filter { a in ExactNumber(a.value) != nil || CivilDate(iso: a.value) != nil }
        if inferred.count >= t.inferredNumbers {
            out.append(Recommendation(
                signal: .inferredThresholds, segment: seg.name,
                evidence: inferred.map { "\($0.subject) \($0.value)" + ($0.from.map { " from \"\($0)\"" } ?? " (no source words)") },
                numbers: [("inferred_numbers", Double(inferred.count))],
                action: "\(inferred.count) cut-offs were guessed, not given: confirm each with the requester, or let a model learn them from outcomes"))
        }
        let shape = Shape(seg)
        var sprawl: [String] = []
        if shape.depth >= t.sprawlDepth { sprawl.append("nesting depth \(shape.depth) (threshold \(t.sprawlDepth))") }
        if shape.orOfAnd >= t.sprawlOrOfAnd { sprawl.append("an `any` of \(shape.orOfAnd) `all` branches (threshold \(t.sprawlOrOfAnd))") }
        // Many conditions side by side are a long AND, which reads and tests as well as a short
        // one: only branching (nesting, alternatives of conjunctions) makes rules tangled.
        if !sprawl.isEmpty {
            out.append(Recommendation(
                signal: .ruleSprawl, segment: seg.name, evidence: sprawl,
                numbers: [("depth", Double(shape.depth)), ("or_of_and", Double(shape.orOfAnd)),
                          ("facets_and_fields", Double(used.facets.count + used.fields.count)), ("leaves", Double(shape.leaves))],
                action: "rules this tangled usually encode a score: train a model on the outcome they aim at, "
                    + "or split the branches into named segments combined with `in segment` so each can be checked"))
        }
        return out
    }

    struct Fit { var facet: Facet; var matched: [String] }

    /// Model-score facets whose synonyms or distinctive name words occur in the intent text, best first.
    static func modelFits(_ text: String, catalog: Catalog) -> [Fit] {
        let generic: Set<String> = ["score", "model", "predicted", "purchase", "value", "p"]
        let words = Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        var fits: [Fit] = []
        for f in catalog.facets where f.isModelScore {
            var matched = f.synonyms.map { $0.lowercased() }.filter { text.contains($0) }
            matched += f.name.lowercased().split(separator: "_").map(String.init).filter { !generic.contains($0) && words.contains($0) }
            if !matched.isEmpty { fits.append(Fit(facet: f, matched: Array(Set(matched)).sorted())) }
        }
        return fits.sorted { $0.matched.count > $1.matched.count || ($0.matched.count == $1.matched.count && $0.facet.name < $1.facet.name) }
    }

    struct Used { var facets = Set<String>(); var fields = Set<String>(); var events = Set<String>() }

    static func usedAttributes(_ seg: CheckedSegment) -> Used {
        var u = Used()
        func walk(_ c: CheckedCondition) {
            switch c {
            case .all(let xs), .any(let xs): xs.forEach(walk)
            case .not(let x): walk(x)
            case .inSegment: break
            case .facet(let f, _): u.facets.insert(f.name)
            case .event(let e):
                u.events.insert(e.event.name)
                for (f, _) in e.predicates { u.fields.insert("\(e.event.name).\(f.name)") }
                if let f = e.aggregate?.field { u.fields.insert("\(e.event.name).\(f.name)") }
            }
        }
        (seg.include ?? []).forEach(walk); seg.exclude.forEach(walk)
        return u
    }

    /// Structural size of a segment's rules.
    struct Shape {
        var depth = 0, orOfAnd = 0, leaves = 0
        init(_ seg: CheckedSegment) {
            func walk(_ c: CheckedCondition, _ d: Int) {
                switch c {
                case .all(let xs), .any(let xs):
                    depth = max(depth, d + 1)
                    if case .any = c {
                        orOfAnd = max(orOfAnd, xs.filter { if case .all(let ys) = $0 { return ys.count > 1 }; return false }.count)
                    }
                    xs.forEach { walk($0, d + 1) }
                case .not(let x): depth = max(depth, d + 1); walk(x, d + 1)
                case .inSegment, .facet, .event: leaves += 1
                }
            }
            (seg.include ?? []).forEach { walk($0, 0) }
            seg.exclude.forEach { walk($0, 0) }
        }
    }
}
