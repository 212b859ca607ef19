import XCTest
@testable import SegmintNL

final class RetrievalIndexTests: XCTestCase {
    let index = RetrievalIndex(catalog: RetailCatalog.shared)

    func testSynonymFindsFacetFirst() {
        let hits = index.search("their home state")
        XCTAssertEqual(hits.first?.target, .facet("state"))
    }

    func testDescriptionWordsFindFacet() {
        // "churn" appears only in churn_score's synonyms and description.
        let hits = index.search("customers at risk of churn")
        XCTAssertEqual(hits.first(where: { !$0.target.isValue })?.target, .facet("churn_score"))
    }

    func testValueHitGroundsItsFieldAndEvent() {
        let hits = index.search("outdoor gear")
        XCTAssertTrue(hits.contains { $0.target == .value(subject: "purchase.category", value: "Outdoor") })
        let claims = index.claims(for: hits)
        XCTAssertTrue(claims.contains(.field(event: "purchase", field: "category")))
        XCTAssertTrue(claims.contains(.event("purchase")))
        XCTAssertFalse(claims.contains(.facet("lifetime_spend")))
    }

    func testTrigramsForgiveMisspelledValues() {
        let hits = index.search("Electroncs")
        XCTAssertEqual(hits.first(where: { $0.target.isValue })?.target, .value(subject: "purchase.category", value: "Electronics"))
    }

    func testTopKPerKind() {
        let hits = index.search("email opt out spend order value churn tier points", k: 2)
        XCTAssertLessThanOrEqual(hits.filter { !$0.target.isValue }.count, 2)
        XCTAssertLessThanOrEqual(hits.filter { $0.target.isValue }.count, 2)
    }

    func testUnrelatedTextFindsNothingClose() {
        let hits = index.search("zzzqqq")
        XCTAssertTrue(hits.isEmpty)
    }
}

extension RetrievalIndexTests {
    /// The byte-level tokenizer used while building agrees with the one used on requests.
    func testFastNormsAgreeWithNorms() {
        var phrases: [String] = ["Opt-outs, v1.2 and 12.50 USD", "Ünïcode naïve cafés", "status bus address is"]
        for f in RetailCatalog.shared.facets { phrases += [f.name, f.description ?? ""] + f.synonyms }
        for e in RetailCatalog.shared.events {
            phrases += [e.name, e.description ?? ""] + e.synonyms
            for f in e.fields { phrases += [f.name, f.description ?? ""] + f.synonyms }
        }
        for p in phrases { XCTAssertEqual(Words.fastNorms(p), Words.norms(p), p) }
    }

    func testExactValueBeatsFuzzyNeighbours() {
        let hits = index.search("Apparel")
        XCTAssertEqual(hits.first(where: { $0.target.isValue }), hits.first { $0.target == .value(subject: "purchase.category", value: "Apparel") })
        XCTAssertEqual(hits.first(where: { $0.target.isValue })?.score, 1)
    }
}
