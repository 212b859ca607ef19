import XCTest
@testable import SegmintNL

final class OfflineTranslatorTests: XCTestCase {
    let t = OfflineTranslator(catalog: RetailCatalog.shared)

    func testReadmeMainCommand() throws {
        let r = t.translate("California customers who bought outdoor gear in the last 90 days but not email opt-outs")
        XCTAssertEqual(r.unmapped, [])
        XCTAssertEqual(r.include, [
            #"state = "CA" [RETRIEVED: state] [RETRIEVED: "CA" from "California"]"#,
            #"has purchase where category = "Outdoor" during last 90 days [RETRIEVED: purchase from "bought"] [RETRIEVED: purchase.category from "gear"] [RETRIEVED: "Outdoor" from "outdoor"]"#,
        ])
        XCTAssertEqual(r.exclude, [#"email_opt_out = true [RETRIEVED: email_opt_out from "email opt-outs"]"#])
        let seg = try XCTUnwrap(r.seg)
        XCTAssertTrue(seg.contains("segment california_bought_outdoor_gear \"California customers"), seg)
        XCTAssertTrue(seg.hasPrefix("# segmint ask (offline translator)\n"), seg)
    }
}
