import XCTest
import SegmintCore
import SegmintCatalog

/// The demo tests use `RetailFixture`; this proves it is the shipped `catalogs/retail.yaml`.
final class RetailCatalogFileTests: XCTestCase {
    func testFixtureMatchesTheShippedCatalog() throws {
        let r = CatalogLoader.load(path: TestFiles.retailCatalog, sources: SourceMap())
        let file = try XCTUnwrap(r.catalog, "\(r.diagnostics)")
        let fx = RetailFixture.catalog
        XCTAssertEqual(file.entity, fx.entity)
        XCTAssertEqual(file.fiscalYear, fx.fiscalYear)
        func shape(_ a: [Attribute]) -> [String] { a.map { "\($0.name)|\($0.type)|\($0.column)|\($0.values ?? [])|\($0.ordered)|\($0.nullable)" } }
        XCTAssertEqual(shape(file.facets), shape(fx.facets))
        XCTAssertEqual(file.events.map { "\($0.name)|\($0.table)|\($0.key)|\($0.time)|\($0.timeType)" },
                       fx.events.map { "\($0.name)|\($0.table)|\($0.key)|\($0.time)|\($0.timeType)" })
        for (a, b) in zip(file.events, fx.events) { XCTAssertEqual(shape(a.fields), shape(b.fields), a.name) }
    }
}
