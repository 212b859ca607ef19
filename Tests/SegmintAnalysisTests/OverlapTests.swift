import XCTest
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SegmintStore
@testable import SegmintAnalysis

/// Overlap figures derived from pattern counts must equal the figures computed directly from
/// the member sets.
final class OverlapTests: XCTestCase {
    /// Random member sets over `entities` ids for `n` segments, with correlated memberships.
    private func randomSets(_ n: Int, entities: Int, seed: UInt64) -> [Set<Int>] {
        var rng = SeededRandom(seed: seed)
        return (0..<n).map { i in
            let p = Double(i % 5 + 1) / 12
            return Set((0..<entities).filter { e in
                // Segments i and i+1 share entities with the same id parity more often.
                Double.random(in: 0..<1, using: &rng) < (e % 2 == i % 2 ? p * 1.6 : p * 0.4)
            })
        }
    }

    /// What the one-scan query returns: one row per distinct non-empty pattern.
    private func patterns(_ sets: [Set<Int>], entities: Int) -> [MembershipPattern] {
        var counts: [[Bool]: Int] = [:]
        for e in 0..<entities {
            let bits = sets.map { $0.contains(e) }
            if bits.contains(true) { counts[bits, default: 0] += 1 }
        }
        return counts.map { MembershipPattern(members: $0.key, count: $0.value) }
    }

    func testFiguresMatchDirectComputationForTwentyTwoSegments() throws {
        let n = 22, entities = 5000
        let sets = randomSets(n, entities: entities, seed: 7)
        let names = (0..<n).map { "seg_\($0)" }
        let report = try OverlapReport.derive(segments: names, patterns: patterns(sets, entities: entities), base: entities).get()
        for i in 0..<n {
            XCTAssertEqual(report.sizes[i], sets[i].count)
            let others = sets.indices.filter { $0 != i }.reduce(into: Set<Int>()) { $0.formUnion(sets[$1]) }
            XCTAssertEqual(report.uniqueReach[i], sets[i].subtracting(others).count)
            for j in 0..<n {
                let inter = sets[i].intersection(sets[j]).count
                XCTAssertEqual(report.intersections[i][j], inter, "\(i) \(j)")
                let union = sets[i].union(sets[j]).count
                if i != j, let jac = report.jaccard(i, j) { XCTAssertEqual(jac, Double(inter) / Double(union), accuracy: 1e-12) }
                if let c = report.containment(i, in: j) { XCTAssertEqual(c, Double(inter) / Double(sets[i].count), accuracy: 1e-12) }
            }
        }
        let all = sets.reduce(into: Set<Int>()) { $0.formUnion($1) }
        XCTAssertEqual(report.union, all.count)
        for k in 0...n {
            let direct = (0..<entities).filter { e in sets.filter { $0.contains(e) }.count == k }.count
            XCTAssertEqual(report.exactly[k], direct, "k = \(k)")
        }
        // Largest patterns first, and they account for every member exactly once.
        XCTAssertEqual(report.patterns.map(\.count), report.patterns.map(\.count).sorted(by: >))
        XCTAssertEqual(report.patterns.map(\.count).reduce(0, +), all.count)
    }

    func testQueryResultParsingAndErrors() throws {
        let result = QueryResult(columns: ["m0", "m1", "n"], rows: [["1", "0", "5"], ["1", "1", "2"], ["0", "1", "3"], ["t", "f", "1"]])
        let pats = try OverlapReport.patterns(from: result, segments: 2).get()
        let r = try OverlapReport.derive(segments: ["a", "b"], patterns: pats).get()
        XCTAssertEqual(r.sizes, [8, 5])
        XCTAssertEqual(r.intersections[0][1], 2)
        XCTAssertEqual(r.uniqueReach, [6, 3])
        if case .success = OverlapReport.patterns(from: QueryResult(columns: ["m0", "n"], rows: [["x", "1"]]), segments: 1) { XCTFail("bad flag accepted") }
        if case .success = OverlapReport.patterns(from: QueryResult(columns: ["m0"], rows: []), segments: 1) { XCTFail("missing n accepted") }
        if case .success = OverlapReport.derive(segments: ["a"], patterns: [MembershipPattern(members: [true, false], count: 1)]) { XCTFail("wrong width accepted") }
    }

    func testFormats() throws {
        let pats = [MembershipPattern(members: [true, false], count: 6), MembershipPattern(members: [true, true], count: 2),
                    MembershipPattern(members: [false, true], count: 3)]
        let r = try OverlapReport.derive(segments: ["a", "b,c"], patterns: pats, base: 100).get()
        let table = r.render(.table)
        XCTAssertTrue(table.contains("b,c"))
        XCTAssertTrue(table.contains("0.182"))   // 2 / 11
        let csv = r.render(.csv)
        XCTAssertTrue(csv.contains("intersection,a,\"b,c\",,2\n"))
        XCTAssertTrue(csv.contains("exactly_k,,,0,89\n"))
        let json = r.render(.json)
        XCTAssertTrue(json.contains("\"jaccard\": 0.181818"))
        XCTAssertTrue(json.contains("\"union\": 11"))
        // Valid JSON.
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)))
    }

    func testSVGEscapesTextAndIsWellFormed() throws {
        let pats = [MembershipPattern(members: [true, false], count: 6), MembershipPattern(members: [true, true], count: 2)]
        let r = try OverlapReport.derive(segments: ["a", "b"], patterns: pats).get()
        let svg = OverlapSVG.render(r, titles: ["<script>alert(1)</script> & \"x\"", "Tom's \u{1}list"])
        XCTAssertFalse(svg.contains("<script>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;"))
        XCTAssertFalse(svg.contains("\u{1}"))
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
    }

    /// Renders a 20-segment picture in headless Chromium and checks the PNG has content.
    func testSVGRendersInHeadlessChromium() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else { throw XCTSkip("chromium not installed") }
        let n = 20, entities = 3000
        let sets = randomSets(n, entities: entities, seed: 11)
        let names = (0..<n).map { "segment_\($0)" }
        let r = try OverlapReport.derive(segments: names, patterns: patterns(sets, entities: entities), base: entities).get()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("segmint-svg-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svgPath = dir.appendingPathComponent("o.svg").path, pngPath = dir.appendingPathComponent("o.png").path
        try OverlapSVG.render(r).write(toFile: svgPath, atomically: true, encoding: .utf8)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../bench/overlap/render_svg.sh").standardized.path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [script, svgPath, pngPath]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        p.waitUntilExit()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0, out)
        if let keep = ProcessInfo.processInfo.environment["SEGMINT_KEEP_SVG"] {   // to look at the picture
            try? FileManager.default.removeItem(atPath: keep + ".png"); try? FileManager.default.removeItem(atPath: keep + ".svg")
            try FileManager.default.copyItem(atPath: pngPath, toPath: keep + ".png")
            try FileManager.default.copyItem(atPath: svgPath, toPath: keep + ".svg")
        }
        let parts = out.split(whereSeparator: { $0 == " " || $0 == "\n" })
        XCTAssertEqual(parts.count, 3, out)
        guard parts.count == 3, let w = Int(parts[0]), let h = Int(parts[1]), let share = Double(parts[2]) else { return }
        XCTAssertGreaterThan(w, 500)
        XCTAssertGreaterThan(h, 500)
        // A blank page is ~0; the heatmap and bars cover a good part of the picture.
        XCTAssertGreaterThan(share, 0.05, out)
        XCTAssertLessThan(share, 0.95, out)
    }
}
