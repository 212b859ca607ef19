import SegmintCore
import SegmintCheck

/// One fact proved about segments without data.
public struct StaticFinding: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// No entity can ever be in `segment`.
        case empty
        /// No entity can be in both `segment` and `other`.
        case disjoint
        /// Every entity of `segment` is in `other`.
        case contained
        /// Include condition `conditionIndex` is implied by the rest of `segment`.
        case redundantInclude = "redundant_include"
        /// Exclude condition `conditionIndex` never removes anyone the rest keeps.
        case redundantExclude = "redundant_exclude"
    }
    public var kind: Kind
    public var segment: String
    public var other: String?
    public var conditionIndex: Int?
    /// The condition in `.seg` syntax.
    public var condition: String?
    public var span: Span?

    /// One plain sentence.
    public var message: String {
        switch kind {
        case .empty: return "segment \(segment) can never match anyone"
        case .disjoint: return "segments \(segment) and \(other ?? "?") cannot share anyone"
        case .contained: return "every member of \(segment) is also in \(other ?? "?")"
        case .redundantInclude: return "in \(segment), include condition `\(condition ?? "?")` is implied by the other conditions"
        case .redundantExclude: return "in \(segment), exclude condition `\(condition ?? "?")` never removes anyone the other conditions keep"
        }
    }
}

/// Everything the static analysis proved, plus how many questions it could not settle.
public struct StaticReport: Sendable, Equatable {
    public var segments: [String]
    public var findings: [StaticFinding]
    /// Questions abandoned because the search budget ran out (no claim was made for them).
    public var undecided: Int
}

/// Sound reasoning over checked segments (spec §3 two-valued logic): empty segments, disjoint
/// pairs, containment (through `in segment` too) and redundant conditions. A claim is made
/// only when a bounded search proves that no assignment of column values, event outcomes and
/// opaque tests contradicts it; everything it cannot model is treated as free.
public enum StaticAnalysis {
    public static func analyze(_ program: CheckedProgram, segments names: [String]? = nil, budget: Int = 200_000) -> StaticReport {
        let builder = FormulaBuilder(program: program)
        let chosen = names ?? program.segments.map(\.name)
        var findings: [StaticFinding] = []
        var undecided = 0
        var search = SatSearch(budget: budget)
        func unsat(_ f: Formula) -> Bool {
            let r = search.solve(f)
            if r == .unknown { undecided += 1 }
            return r == .unsatisfiable
        }

        var empty = Set<String>()
        for n in chosen {
            guard let seg = program.segment(named: n) else { continue }
            if unsat(builder.segment(n)) {
                empty.insert(n)
                findings.append(StaticFinding(kind: .empty, segment: n, span: seg.syntax.name.span))
                continue
            }
            findings += redundancies(seg, builder: builder, unsat: unsat)
        }
        for (i, a) in chosen.enumerated() where !empty.contains(a) && program.segment(named: a) != nil {
            for b in chosen[(i + 1)...] where !empty.contains(b) && program.segment(named: b) != nil {
                let fa = builder.segment(a), fb = builder.segment(b)
                if unsat(.and([fa, fb])) {
                    findings.append(StaticFinding(kind: .disjoint, segment: a, other: b))
                    continue
                }
                if unsat(.and([fa, builder.segment(b, positive: false)])) {
                    findings.append(StaticFinding(kind: .contained, segment: a, other: b))
                }
                if unsat(.and([fb, builder.segment(a, positive: false)])) {
                    findings.append(StaticFinding(kind: .contained, segment: b, other: a))
                }
            }
        }
        return StaticReport(segments: chosen, findings: findings, undecided: undecided)
    }

    private static func redundancies(_ seg: CheckedSegment, builder: FormulaBuilder, unsat: (Formula) -> Bool) -> [StaticFinding] {
        var out: [StaticFinding] = []
        let includeSpans = seg.syntax.include?.conditions.map(\.span)
        let excludeSpans = seg.syntax.exclude?.conditions.map(\.span)
        for (i, c) in (seg.include ?? []).enumerated() {
            // Dropping c keeps the same members iff the rest together with ¬c is impossible.
            let rest = builder.body(of: seg, skipInclude: i)
            if unsat(.and([rest, builder.condition(c, in: seg, positive: false)])) {
                out.append(StaticFinding(kind: .redundantInclude, segment: seg.name, conditionIndex: i,
                                         condition: ConditionText.seg(c), span: span(includeSpans, i)))
            }
        }
        for (i, c) in seg.exclude.enumerated() {
            let rest = builder.body(of: seg, skipExclude: i)
            if unsat(.and([rest, builder.condition(c, in: seg, positive: true)])) {
                out.append(StaticFinding(kind: .redundantExclude, segment: seg.name, conditionIndex: i,
                                         condition: ConditionText.seg(c), span: span(excludeSpans, i)))
            }
        }
        return out
    }

    private static func span(_ spans: [Span]?, _ i: Int) -> Span? {
        guard let s = spans, i < s.count else { return nil }
        return s[i]
    }

    /// Warnings the checker can attach to a program: segments that can never match (W0701),
    /// redundant include (W0702) and exclude (W0703) conditions. Pairwise facts are not
    /// warnings (two disjoint segments are normal).
    public static func warnings(_ program: CheckedProgram, budget: Int = 50_000) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for seg in program.segments {
            let report = analyze(program, segments: [seg.name], budget: budget)
            for f in report.findings {
                switch f.kind {
                case .empty:
                    out.append(.warning("W0701", f.message, at: f.span ?? seg.span,
                                        help: "some conditions contradict each other; `segmint overlap --static` lists the facts it proved"))
                case .redundantInclude:
                    out.append(.warning("W0702", "include condition is implied by the other conditions of \(seg.name)",
                                        at: f.span ?? seg.span, help: "remove it, or check whether another condition is wrong"))
                case .redundantExclude:
                    out.append(.warning("W0703", "exclude condition never removes anyone from \(seg.name)",
                                        at: f.span ?? seg.span, help: "remove it, or check whether the include conditions are wrong"))
                case .disjoint, .contained: break
                }
            }
        }
        return out
    }
}
