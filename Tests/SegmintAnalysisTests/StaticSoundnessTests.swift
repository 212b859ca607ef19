import XCTest
import SegmintCore
import SegmintCheck
@testable import SegmintAnalysis

/// Every claim the static analysis makes on random programs must hold on random data
/// evaluated by an independent reference evaluator.
final class StaticSoundnessTests: XCTestCase {
    func testEveryClaimHoldsOnData() {
        var gen = RandomSegments(seed: 20260301)
        let data = gen.entities(2000)
        var claims: [StaticFinding.Kind: Int] = [:]
        for trial in 0..<200 {
            let program = gen.program(segments: 5)
            let eval = ReferenceEvaluator(program: program, runDate: CivilDate(year: 2026, month: 2, day: 15) ?? RandomSegments.days[0])
            let report = StaticAnalysis.analyze(program)
            var members: [String: Set<Int>] = [:]
            for s in program.segments { members[s.name] = eval.members(s.name, in: data) }
            for f in report.findings {
                claims[f.kind, default: 0] += 1
                let a = members[f.segment] ?? []
                let context = "trial \(trial): \(f.message)\n" + program.segments.map(describe).joined(separator: "\n")
                switch f.kind {
                case .empty:
                    XCTAssertTrue(a.isEmpty, context)
                case .disjoint:
                    XCTAssertTrue(a.isDisjoint(with: members[f.other ?? ""] ?? []), context)
                case .contained:
                    XCTAssertTrue(a.isSubset(of: members[f.other ?? ""] ?? []), context)
                case .redundantInclude, .redundantExclude:
                    guard let seg = program.segment(named: f.segment), let i = f.conditionIndex else { return XCTFail(context) }
                    let without = Set(data.indices.filter {
                        eval.holds(seg, data[$0], skipInclude: f.kind == .redundantInclude ? i : nil,
                                   skipExclude: f.kind == .redundantExclude ? i : nil)
                    })
                    XCTAssertEqual(without, a, context)
                }
            }
        }
        // The random programs must actually provoke every kind of claim, or this test proves little.
        for k in [StaticFinding.Kind.empty, .disjoint, .contained, .redundantInclude, .redundantExclude] {
            XCTAssertGreaterThan(claims[k] ?? 0, 5, "too few \(k) claims: \(claims)")
        }
        print("static soundness claims checked: \(claims)")
    }

    private func describe(_ s: CheckedSegment) -> String {
        "  \(s.name) as_of=\(s.asOf?.description ?? "-") include: " + (s.include ?? []).map(ConditionText.seg).joined(separator: " ; ")
            + " exclude: " + s.exclude.map(ConditionText.seg).joined(separator: " ; ")
    }
}
