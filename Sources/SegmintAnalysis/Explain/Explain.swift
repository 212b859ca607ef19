import SegmintCore
import SegmintSyntax
import SegmintCheck

/// Counts the entities of one segment of a program (the driver compiles it with `--count`
/// and runs it). Analyses that need data take this, so they are tested without a database.
public typealias SegmentCounter = (CheckedProgram, String) throws -> Int

/// `segmint explain`: a segment in plain English with the grounding of every condition.
public struct ExplainReport: Sendable {
    public struct Line: Sendable {
        /// The condition in `.seg` syntax.
        public var text: String
        public var english: String
        /// Where each name or value came from ("retrieved …", "ASSUMED …"), or "written by hand".
        public var grounding: [String]
    }
    public struct Step: Sendable, Equatable {
        public var label: String
        public var count: Int
    }
    public var segment: String
    public var title: String?
    public var description: String?
    public var catalog: String
    public var asOf: String
    public var include: [Line]?
    public var exclude: [Line]
    public var assumptions: [Assumption]
    public var funnel: [Step]?
    /// The catalog's entity name ("customer", "account"), for the wording of the text.
    public var entity: String = "customer"
}

public enum Explain {
    public static func report(_ program: CheckedProgram, segment name: String, runAsOf: CivilDate? = nil) -> ExplainReport? {
        guard let seg = program.segment(named: name) else { return nil }
        let asOf = seg.asOf ?? runAsOf
        let english = English(program: program, asOf: asOf)
        let incSpans = seg.syntax.include?.conditions.map(\.span) ?? []
        let excSpans = seg.syntax.exclude?.conditions.map(\.span) ?? []
        func lines(_ cs: [CheckedCondition], _ spans: [Span]) -> [ExplainReport.Line] {
            cs.enumerated().map { i, c in
                let span = i < spans.count ? spans[i] : nil
                let tags = seg.groundings.filter { g in span.map { contains($0, g.span) } ?? false }
                return ExplainReport.Line(text: ConditionText.seg(c), english: english.condition(c), grounding: grounding(tags))
            }
        }
        let asOfText: String
        if let d = seg.asOf { asOfText = "\(d) (pinned in the segment)" }
        else if let d = runAsOf { asOfText = "\(d) (from --as-of)" }
        else { asOfText = "the warehouse's current date when run" }
        return ExplainReport(segment: seg.name, title: seg.title, description: seg.description, catalog: program.catalog.label,
                             asOf: asOfText, include: seg.include.map { lines($0, incSpans) }, exclude: lines(seg.exclude, excSpans),
                             assumptions: seg.assumptions, funnel: nil, entity: program.catalog.entity.name)
    }

    private static func contains(_ outer: Span, _ inner: Span) -> Bool {
        outer.file == inner.file && outer.file >= 0 && outer.start <= inner.start && inner.end <= outer.end
    }

    private static func grounding(_ tags: [Grounding]) -> [String] {
        if tags.isEmpty { return ["written by hand (no grounding tags)"] }
        return tags.map { g in
            let from = g.from.map { " from the words \(StringLiteral.quote($0))" } ?? ""
            switch (g.kind, g.isValue) {
            case (.retrieved, false): return "\(g.claim): retrieved from the catalog\(from)"
            case (.retrieved, true): return "\(g.claim): retrieved from the catalog's listed values\(from)"
            case (.inferred, true): return "\(g.claim): ASSUMED by the model\(from), please confirm"
            case (.inferred, false): return "\(g.claim): inferred name\(from)"
            }
        }
    }

    /// The segment built up one condition at a time: everyone, then each include condition
    /// added in order, then each exclude applied in order. Each step is its own derived
    /// segment (a prefix of the conditions) counted with `count`.
    public static func funnel(_ program: CheckedProgram, segment name: String, count: SegmentCounter) throws -> [ExplainReport.Step] {
        guard let seg = program.segment(named: name) else { return [] }
        var steps: [(String, [CheckedCondition]?, [CheckedCondition])] = [("everyone", nil, [])]
        let inc = seg.include ?? []
        for k in inc.indices { steps.append(("+ include " + ConditionText.seg(inc[k]), Array(inc[...k]), [])) }
        for k in seg.exclude.indices { steps.append(("- exclude " + ConditionText.seg(seg.exclude[k]), seg.include, Array(seg.exclude[...k]))) }
        var out: [ExplainReport.Step] = []
        for (i, s) in steps.enumerated() {
            var derived = seg
            derived.name = "\(seg.name)__funnel_\(i)"
            derived.include = s.1
            derived.exclude = s.2
            var p = program
            p.segments.append(derived)
            out.append(ExplainReport.Step(label: s.0, count: try count(p, derived.name)))
        }
        return out
    }
}
