import XCTest
import Foundation
import SegmintCore
@testable import SegmintAnalysis

/// The overlap picture rendered by headless Chromium: for 1, 2, 5, 20 and 40 segments, with
/// short and long names, every text lies inside the picture and the title, subtitle, column
/// labels, heatmap, legend, UpSet heading and UpSet chart do not overlap.
final class OverlapSVGLayoutTests: XCTestCase {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../bench/overlap/svg_boxes.sh").standardized.path
    static let parts = ["title", "subtitle", "column-labels", "heatmap", "legend", "upset-title", "upset"]

    struct Boxes: Decodable {
        var width: Double
        var height: Double
        var parts: [String: [Double]]
        var texts: [Box]
        struct Box: Decodable {
            var x, y, w, h: Double
            var text: String
            init(from decoder: Decoder) throws {
                var c = try decoder.unkeyedContainer()
                x = try c.decode(Double.self); y = try c.decode(Double.self); w = try c.decode(Double.self)
                h = try c.decode(Double.self); text = try c.decode(String.self)
            }
        }
    }

    func report(_ n: Int, longNames: Bool, base: Int = 2_000) throws -> OverlapReport {
        let names = (0..<n).map { i in longNames ? "customers_who_bought_outdoor_gear_and_camping_\(i)" : "s\(i)" }
        var rng = UInt64(n * 7919 + 1)
        func next() -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return rng >> 33 }
        var counts: [[Bool]: Int] = [:]
        for _ in 0..<base { counts[(0..<n).map { _ in next() % 3 == 0 }, default: 0] += 1 }
        let patterns = counts.filter { $0.key.contains(true) }.map { MembershipPattern(members: $0.key, count: $0.value) }
        return try OverlapReport.derive(segments: names, patterns: patterns, base: base).get()
    }

    /// Every SVG measured in one Chromium page.
    func measure(_ svgs: [String]) throws -> [Boxes] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("segmint-layout-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for (i, svg) in svgs.enumerated() {
            let path = dir.appendingPathComponent("o\(i).svg").path
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = [Self.script] + paths
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        return try JSONDecoder().decode([Boxes].self, from: data)
    }

    func testLongNamesAreCutInTheMiddle() {
        XCTAssertEqual(OverlapSVG.short("customers_who_bought_outdoor_gear_and_camping_12", 28), "customers_who_…nd_camping_12")
        XCTAssertEqual(OverlapSVG.short(String(repeating: "x", count: 40), 28).count, 28)
        XCTAssertEqual(OverlapSVG.short("short", 28), "short")
    }

    func testTitleLegendAndHeadingsAreNeverClippedOrOverlapping() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
            throw XCTSkip("chromium is not installed (scripts/deps.sh --test installs it); the layout is not measured")
        }
        let cases = [1, 2, 5, 20, 40].flatMap { n in [false, true].map { (n, $0) } }
        let svgs = try cases.map { OverlapSVG.render(try report($0.0, longNames: $0.1), entities: "customers") }
        if let keep = ProcessInfo.processInfo.environment["SEGMINT_KEEP_SVG"] {   // to look at the pictures
            for ((n, long), svg) in zip(cases, svgs) { try svg.write(toFile: "\(keep)-\(n)\(long ? "-long" : "").svg", atomically: true, encoding: .utf8) }
        }
        let measured = try measure(svgs)
        XCTAssertEqual(measured.count, cases.count)
        for ((n, long), b) in zip(cases, measured) {
            do {
                let label = "\(n) segments, \(long ? "long" : "short") names"
                XCTAssertGreaterThan(b.texts.count, n, label)
                for t in b.texts where t.w > 0 {
                    XCTAssertTrue(t.x >= -0.5 && t.y >= -0.5 && t.x + t.w <= b.width + 0.5 && t.y + t.h <= b.height + 0.5,
                                  "\(label): \"\(t.text)\" at \(t.x),\(t.y) size \(t.w)x\(t.h) leaves the \(b.width)x\(b.height) picture")
                }
                for (i, a) in Self.parts.enumerated() {
                    guard let ra = b.parts[a] else { XCTFail("\(label): no \(a)"); continue }
                    for c in Self.parts[(i + 1)...] {
                        guard let rc = b.parts[c] else { continue }
                        let overlapX = min(ra[0] + ra[2], rc[0] + rc[2]) - max(ra[0], rc[0])
                        let overlapY = min(ra[1] + ra[3], rc[1] + rc[3]) - max(ra[1], rc[1])
                        XCTAssertFalse(overlapX > 0.5 && overlapY > 0.5, "\(label): \(a) \(ra) overlaps \(c) \(rc)")
                    }
                }
            }
        }
    }
}
