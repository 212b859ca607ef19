import XCTest
import SegmintCore
import SegmintSyntax
import SegmintCatalog
@testable import SegmintCheck

/// Parser + checker over damaged and extreme input: diagnostics, never a crash or a hang.
final class CheckerRobustnessTests: XCTestCase {
    static let seeds: [String] = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let dir = repo + "/golden/check"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasSuffix(".seg") }.sorted().compactMap { try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
    }()

    /// The shipped catalog, which the golden inputs are written against.
    static let retail: Catalog = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        return CatalogLoader.load(path: repo + "/catalogs/retail.yaml", sources: SourceMap()).catalog ?? testCatalog
    }()

    private func parseAndCheck(_ text: String, tags: Bool = true, catalog: Catalog = testCatalog) -> CheckResult {
        let sources = SourceMap()
        let parsed = Parser.parse(sources.add(path: "m.seg", text: text))
        return Checker.check(files: [parsed.file], catalog: catalog, options: CheckOptions(strict: true, requireTags: tags))
    }

    /// Deterministic mutations (delete, duplicate, swap, splice a token) of every golden input.
    func testMutatedGoldenInputsNeverCrash() {
        XCTAssertGreaterThan(Self.seeds.count, 10)
        XCTAssertEqual(Self.retail.name, "retail")
        var rng = SplitMix(seed: 42)
        let splices = ["}", "{", "[", "]", "\"", "has", "in segment x", "not", "all {", "[RETRIEVED: ", "between 1 and", ".", "-", "9999999999999999999999", "2025-02-30", "#"]
        var checked = 0
        for seed in Self.seeds where !seed.isEmpty {
            let bytes = Array(seed.utf8)
            for _ in 0..<40 {
                var b = bytes
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    let i = Int(rng.next() % UInt64(max(1, b.count)))
                    switch rng.next() % 4 {
                    case 0: if i < b.count { b.remove(at: i) }
                    case 1: let j = min(b.count, i + Int(rng.next() % 20)); b.insert(contentsOf: b[i..<j], at: i)
                    case 2: let j = Int(rng.next() % UInt64(max(1, b.count))); if i < b.count, j < b.count { b.swapAt(i, j) }
                    default: b.insert(contentsOf: Array(splices[Int(rng.next() % UInt64(splices.count))].utf8), at: min(i, b.count))
                    }
                }
                let text = String(decoding: b, as: UTF8.self)
                _ = parseAndCheck(text, catalog: Self.retail)
                _ = parseAndCheck(text, tags: false, catalog: Self.retail)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 400)
    }

    func testManySegmentsAndLongBlocks() throws {
        // 5,000 conditions on one facet in one block: the never-hold grouping must stay linear.
        let conds = (0..<5_000).map { "age > \($0)" }.joined(separator: "\n")
        let big = parseAndCheck("segment s { include { \(conds) \n age < 0 } }", tags: false)
        XCTAssertEqual(big.diagnostics.filter { $0.code == CheckCode.neverHolds }.count, 1)
        let chain = (0..<5_000).map { "segment s\($0) { include { in segment s\($0 + 1) } }" }.joined(separator: "\n")
        let r = parseAndCheck(chain + "\nsegment s5000 { include { in segment s0 } }", tags: false)
        XCTAssertEqual(r.diagnostics.map(\.code), [CheckCode.segmentCycle])
        XCTAssertTrue(r.diagnostics.first?.message.hasPrefix("segment reference cycle: s0 -> s1 -> s2") ?? false)
    }

    func testDeepNestingWithinTheParserLimitChecks() {
        // `not all {` is two levels; stay just inside Parser.maxNesting.
        let depth = Parser.maxNesting / 2 - 1
        let text = "segment s { include { " + String(repeating: "not all { ", count: depth) + "age > 3"
            + String(repeating: " }", count: depth) + " } }"
        let r = parseAndCheck(text, tags: false)
        XCTAssertEqual(r.diagnostics, [])
        XCTAssertNotNil(r.program)
    }
}

/// A tiny deterministic generator so mutation tests are reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
