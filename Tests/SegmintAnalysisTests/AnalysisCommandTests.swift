import XCTest
import Foundation
import SegmintCore
import SegmintDriver

/// The analysis commands end to end: `.seg` text, the retail catalog, the demo database.
final class AnalysisCommandTests: XCTestCase {
    private var root: String { DemoDatabase.repoRoot }
    private var catalog: String { root + "/catalogs/retail.yaml" }
    private var tmp: String = ""

    override func setUpWithError() throws {
        tmp = NSTemporaryDirectory() + "segmint-analysis-cmd-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: tmp) }
    override class func tearDown() { DemoDatabase.removeShared() }

    private func write(_ name: String, _ text: String) throws -> String {
        let p = tmp + "/" + name
        try text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }

    private let segs = """
    segment west "West <coast> & co" { include { state in ["CA", "OR", "WA"] } }
    segment west_gold { include { in segment west  loyalty_tier >= "gold" } }
    segment east { include { state in ["NY", "NJ"] } }
    segment impossible { include { age > 60  age < 30 } }
    segment redundant { include { lifetime_spend > 100  lifetime_spend > 50 } }
    """

    func testStaticOverlapFromSegText() throws {
        let f = try write("a.seg", segs)
        let out = runOverlap(OverlapRequest(paths: [f], catalogPath: catalog, staticOnly: true))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("  impossible\n"), out.stdout)
        XCTAssertTrue(out.stdout.contains("west_gold ⊆ west"), out.stdout)
        XCTAssertTrue(out.stdout.contains("west ∩ east = ∅"), out.stdout)
        XCTAssertTrue(out.stdout.contains("redundant: include `lifetime_spend > 50` is implied by the rest"), out.stdout)
        let json = runOverlap(OverlapRequest(paths: [f], catalogPath: catalog, format: "json", staticOnly: true))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
    }

    func testOverlapOnTheDemoDatabaseWithPicture() throws {
        let demo = try DemoDatabase.shared()
        let f = try write("a.seg", segs)
        let svg = tmp + "/o.svg"
        let out = runOverlap(OverlapRequest(paths: [f], catalogPath: catalog, dbURL: demo.path, segments: ["west", "west_gold", "east"],
                                            format: "csv", svgPath: svg, asOf: "2026-03-01"))
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let west = try XCTUnwrap(demo.db.query("SELECT COUNT(*) FROM customers WHERE state IN ('CA', 'OR', 'WA')").rows.first?.first ?? nil)
        XCTAssertTrue(out.stdout.contains("size,west,,,\(west)\n"), out.stdout)
        XCTAssertTrue(out.stdout.contains("intersection,west,east,,0\n"), out.stdout)
        let picture = try String(contentsOfFile: svg, encoding: .utf8)
        XCTAssertTrue(picture.contains("West &lt;coast&gt; &amp; co"))   // the title, escaped, as a tooltip
    }

    func testOverlapUsageErrors() throws {
        let f = try write("a.seg", segs)
        XCTAssertEqual(runOverlap(OverlapRequest(paths: [f], catalogPath: catalog, format: "xml", staticOnly: true)).exitCode, 2)
        let unknown = runOverlap(OverlapRequest(paths: [f], catalogPath: catalog, segments: ["wset"], staticOnly: true))
        XCTAssertEqual(unknown.exitCode, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean \"west\"?"), unknown.stderr)
        XCTAssertEqual(runOverlap(OverlapRequest(paths: [f], catalogPath: catalog)).exitCode, 2)   // no --db
        XCTAssertEqual(runOverlap(OverlapRequest(paths: [f], catalogPath: catalog, dbURL: tmp + "/missing.db")).exitCode, 2)
        let bad = try write("bad.seg", "segment x { include { lifetime_spent > 5 } }")
        let checked = runOverlap(OverlapRequest(paths: [bad], catalogPath: catalog, staticOnly: true))
        XCTAssertEqual(checked.exitCode, 1)
        XCTAssertTrue(checked.stderr.contains("lifetime_spend"), checked.stderr)
        XCTAssertEqual(runOverlap(OverlapRequest(paths: [f], catalogPath: catalog, staticOnly: true, asOf: "2026-02-30")).exitCode, 2)
    }

    func testExplainWithTagsAndFunnel() throws {
        let demo = try DemoDatabase.shared()
        let f = try write("t.seg", """
        segment vip "Big West spenders" {
          include {
            state in ["CA", "OR", "WA"]                  [RETRIEVED: state]
            lifetime_spend >= 500                        [RETRIEVED: lifetime_spend] [INFERRED: 500 from "high-value"]
          }
          exclude { email_opt_out = true }
        }
        """)
        let out = runExplain(paths: [f], catalogPath: catalog, segment: "vip", dbURL: demo.path, asOf: "2026-03-01")
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("Catalog retail@3"), out.stdout)
        XCTAssertTrue(out.stdout.contains("grounding: state: retrieved from the catalog"), out.stdout)
        XCTAssertTrue(out.stdout.contains("grounding: 500: ASSUMED by the model from the words \"high-value\", please confirm"), out.stdout)
        XCTAssertTrue(out.stdout.contains("lifetime_spend uses 500, inferred from \"high-value\""), out.stdout)
        XCTAssertTrue(out.stdout.contains("3,000  100.0%"), out.stdout)
        XCTAssertTrue(out.stdout.contains("- exclude email_opt_out = true"), out.stdout)
        let json = runExplain(paths: [f], catalogPath: catalog, segment: "vip", format: "json")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
        XCTAssertEqual(runExplain(paths: [f], catalogPath: catalog, segment: "vpi").exitCode, 2)
    }

    func testRecommendOnTheExamples() throws {
        let demo = try DemoDatabase.shared()
        let f = root + "/examples/churn_risk.seg"
        let rules = runRecommend(paths: [f], catalogPath: catalog)
        XCTAssertEqual(rules.exitCode, 0, rules.stderr)
        XCTAssertTrue(rules.stdout.contains("[use_model_score] likely_to_churn"), rules.stdout)
        let data = runRecommend(paths: [f], catalogPath: catalog, dbURL: demo.path, format: "json", asOf: "2026-03-01")
        XCTAssertEqual(data.exitCode, 0, data.stderr)
        XCTAssertTrue(data.stdout.contains("\"suggested_cutoff\""), data.stdout)
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(data.stdout.utf8)))
    }
}
