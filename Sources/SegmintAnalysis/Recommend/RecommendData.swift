import SegmintCore
import SegmintSyntax
import SegmintCatalog
import SegmintCheck

extension Recommend {
    /// Signals that need counts: size against the base, near-duplicate pairs, fragile cut-offs.
    static func data(_ segs: [CheckedSegment], program: CheckedProgram, _ t: RecommendThresholds,
                     count: SegmentCounter) throws -> [Recommendation] {
        var out: [Recommendation] = []
        let entities = ExplainReport.plural(program.catalog.entity.name)
        let base = try countDerived(program, from: segs.first, name: "__recommend_base", include: nil, exclude: [], count: count)
        var sizes: [String: Int] = [:]
        for s in segs { sizes[s.name] = try count(program, s.name) }
        for s in segs {
            let n = sizes[s.name] ?? 0
            let share = base > 0 ? Double(n) / Double(base) : 0
            let ev = "\(Fmt.count(n)) of \(Fmt.count(base)) \(entities) (\(Fmt.percent(share, 2)))"
            if base > 0 && share < t.smallShare {
                out.append(Recommendation(signal: .tooSmall, segment: s.name,
                                          evidence: [ev + ", under \(Fmt.percent(t.smallShare, 1)) of the base"],
                                          numbers: [("size", Double(n)), ("base", Double(base)), ("share", share)],
                                          action: "too small to act on or to measure a lift: loosen the tightest condition (see `segmint explain --db` for the funnel) or merge it into a broader segment"))
            } else if base > 0 && share > t.largeShare {
                out.append(Recommendation(signal: .tooLarge, segment: s.name,
                                          evidence: [ev + ", over \(Fmt.percent(t.largeShare, 0)) of the base"],
                                          numbers: [("size", Double(n)), ("base", Double(base)), ("share", share)],
                                          action: "this is most of the \(program.catalog.entity.name) base, not a target: add a condition that separates the people you mean, or rank by a model score and take the top"))
            }
        }
        for (i, a) in segs.enumerated() {
            for b in segs[(i + 1)...] {
                let na = sizes[a.name] ?? 0, nb = sizes[b.name] ?? 0
                let inter = try countDerived(program, from: a, name: "__recommend_\(a.name)_and_\(b.name)",
                                             include: [.inSegment(a.name), .inSegment(b.name)], exclude: [], count: count)
                let union = na + nb - inter
                guard union > 0 else { continue }
                let j = Double(inter) / Double(union)
                if j > t.mergeJaccard {
                    out.append(Recommendation(signal: .nearDuplicate, segment: a.name,
                                              evidence: ["\(a.name) \(Fmt.count(na)), \(b.name) \(Fmt.count(nb)), shared \(Fmt.count(inter)): Jaccard \(Fmt.fixed(j, 3)) > \(Fmt.fixed(t.mergeJaccard, 2))"],
                                              numbers: [("size_a", Double(na)), ("size_b", Double(nb)), ("intersection", Double(inter)), ("jaccard", j)],
                                              action: "\(a.name) and \(b.name) reach nearly the same \(entities): merge them into one segment (or make the smaller one `in segment` the other plus its distinguishing condition)"))
                }
            }
        }
        for s in segs { out += try fragile(s, program: program, t, size: sizes[s.name] ?? 0, count: count) }
        return out
    }

    /// Fills in T for a `use_model_score` recommendation: the cut-off at which `score >= T`
    /// reaches about as many customers as the rule-based segment does today.
    static func withSuggestedCutoff(_ rec: Recommendation, program: CheckedProgram, count: SegmentCounter) throws -> Recommendation {
        guard let seg = program.segment(named: rec.segment),
              let fit = modelFits(intentText(seg), catalog: program.catalog).first(where: { $0.facet.type.isNumeric }) else { return rec }
        let f = fit.facet
        let target = try count(program, seg.name)
        guard target > 0 else { return rec }
        func value(_ x: Double) -> Value { f.type == .int ? .int(Int64(x.rounded())) : .decimal(Fmt.fixed(x, 4)) }
        func reach(_ x: Double) throws -> Int {
            try countDerived(program, from: seg, name: "__recommend_cutoff", include: [.facet(f, .compare(.ge, value(x)))], exclude: [], count: count)
        }
        // Scores are taken to be non-negative: find an upper end that reaches fewer, then bisect.
        var lo = 0.0, hi = 1.0, steps = 0
        while try reach(hi) > target && steps < 40 { lo = hi; hi *= 2; steps += 1 }
        for _ in 0..<18 {
            let mid = (lo + hi) / 2
            if try reach(mid) > target { lo = mid } else { hi = mid }
        }
        // Ties in the score make the reach jump: take whichever end lands closer to the target.
        let nHi = try reach(hi), nLo = try reach(lo)
        let (cut, n) = abs(nLo - target) < abs(nHi - target) ? (lo, nLo) : (hi, nHi)
        hi = cut
        var r = rec
        r.evidence.append("\(f.name) >= \(value(hi)) reaches \(Fmt.count(n)) \(ExplainReport.plural(program.catalog.entity.name)); the rules reach \(Fmt.count(target))")
        r.numbers += [("suggested_cutoff", Double(value(hi).description) ?? hi), ("rules_size", Double(target)), ("model_size", Double(n))]
        r.action = "replace the proxy rules with the model score: include { \(f.name) >= \(value(hi)) } [RETRIEVED: \(f.name)] "
            + "(same reach as today's rules; raise the cut-off for a tighter, more certain list)"
        return r
    }

    /// A derived segment (same as-of as `from`) counted through the program.
    static func countDerived(_ program: CheckedProgram, from: CheckedSegment?, name: String, include: [CheckedCondition]?,
                             exclude: [CheckedCondition], count: SegmentCounter) throws -> Int {
        let decl = SegmentDecl(name: Ident(name: name, span: .none), title: nil, items: [], span: .none)
        let seg = CheckedSegment(name: name, title: nil, description: nil, asOf: from?.asOf, include: include, exclude: exclude,
                                 references: [], assumptions: [], groundings: [], span: .none, syntax: from?.syntax ?? decl)
        var p = program
        p.segments.append(seg)
        return try count(p, name)
    }

    /// Re-counts the segment with each top-level numeric cut-off moved by ±step.
    static func fragile(_ seg: CheckedSegment, program: CheckedProgram, _ t: RecommendThresholds, size: Int,
                        count: SegmentCounter) throws -> [Recommendation] {
        guard let inc = seg.include, size > 0 else { return [] }
        var out: [Recommendation] = []
        for (i, c) in inc.enumerated() {
            guard case .facet(let f, .compare(let op, let v)) = c, f.type.isNumeric, op != .eq, op != .ne,
                  let lo = scaled(v, by: 1 - t.thresholdStep, type: f.type), let hi = scaled(v, by: 1 + t.thresholdStep, type: f.type) else { continue }
            var counts: [Int] = []
            for nv in [lo, hi] {
                var changed = inc
                changed[i] = .facet(f, .compare(op, nv))
                counts.append(try countDerived(program, from: seg, name: "__recommend_\(seg.name)_\(i)_\(counts.count)",
                                               include: changed, exclude: seg.exclude, count: count))
            }
            let swing = counts.map { abs(Double($0 - size)) / Double(size) }.max() ?? 0
            if swing > t.fragileSwing {
                out.append(Recommendation(
                    signal: .fragileThreshold, segment: seg.name,
                    evidence: ["\(f.name) \(op.rawValue) \(lo): \(Fmt.count(counts[0]));  \(f.name) \(op.rawValue) \(v): \(Fmt.count(size));  \(f.name) \(op.rawValue) \(hi): \(Fmt.count(counts[1]))",
                               "a \(Fmt.percent(t.thresholdStep, 0)) move of the cut-off changes the size by up to \(Fmt.percent(swing, 0)) (threshold \(Fmt.percent(t.fragileSwing, 0)))"],
                    numbers: [("threshold", Double(v.description) ?? 0), ("size", Double(size)), ("size_minus", Double(counts[0])),
                              ("size_plus", Double(counts[1])), ("swing", swing)],
                    action: "the cut-off \(f.name) \(op.rawValue) \(v) sits where many \(ExplainReport.plural(program.catalog.entity.name)) are: small errors in it move many people, "
                        + "so rank by a model score and take a fixed top share, or move the cut-off to a sparse point of the distribution"))
            }
        }
        return out
    }

    /// `v` scaled, kept in the facet's type; nil when that cannot move it (0).
    static func scaled(_ v: Value, by k: Double, type: ValueType) -> Value? {
        switch v {
        case .int(let i):
            guard i != 0 else { return nil }
            var n = Int64((Double(i) * k).rounded())
            if n == i { n = k < 1 ? i - 1 : i + 1 }
            return type == .int ? .int(n) : .decimal(String(n))
        case .decimal(let d):
            guard let x = Double(d), x != 0 else { return nil }
            let digits = max(2, d.split(separator: ".").dropFirst().first?.count ?? 0)
            return .decimal(Fmt.fixed(x * k, min(digits, 6)))
        default: return nil
        }
    }
}
