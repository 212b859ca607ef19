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

extension RetrievalIndexTests {
    /// An exact synonym of one facet ("spent" → lifetime_spend) must not hide a close synonym of
    /// another ("spend" → purchase.amount): map needs both to choose.
    func testExactWordStillBringsCloseNeighbours() {
        let claims = index.claims(for: index.search("customers who spent more than $500 on electronics in the past year"))
        XCTAssertTrue(claims.contains(.facet("lifetime_spend")))
        XCTAssertTrue(claims.contains(.field(event: "purchase", field: "amount")))
        XCTAssertTrue(claims.contains(.value(subject: "purchase.category", value: "Electronics")))
    }
}

extension RetrievalIndexTests {
    /// A short plural as written ("toys") finds the value "Toys" and so grounds its event.
    func testShortPluralFindsValue() {
        let claims = index.claims(for: index.search("frequent buyers of toys"))
        XCTAssertTrue(claims.contains(.value(subject: "purchase.category", value: "Toys")))
        XCTAssertTrue(claims.contains(.event("purchase")))
    }
}

extension RetrievalIndexTests {
    /// Catalog lookup before stopwords: the values US and IN are offered although "us" and "in"
    /// are stopwords; written in lower case they stay words.
    func testCountryCodesThatAreStopwordsAreKept() {
        let index = RetrievalIndex(catalog: DomainCatalogs.streaming)
        let claims = index.claims(for: index.search("premium subscribers in the US who streamed drama in the last 30 days"))
        XCTAssertTrue(claims.contains(.value(subject: "country", value: "US")))
        XCTAssertFalse(claims.contains(.value(subject: "country", value: "IN")))
        let india = index.claims(for: index.search("subscribers in IN"))
        XCTAssertTrue(india.contains(.value(subject: "country", value: "IN")))
        XCTAssertFalse(index.claims(for: index.search("tell us more")).contains(.value(subject: "country", value: "US")))
    }

    /// The English layer reaches items named with another verb, and place names reach codes.
    func testVerbClassesAndGazetteerInRetrieval() {
        let index = RetrievalIndex(catalog: DomainCatalogs.streaming)
        let claims = index.claims(for: index.search("streamed drama"))
        XCTAssertTrue(claims.contains(.event("view")))
        XCTAssertTrue(claims.contains(.value(subject: "view.genre", value: "drama")))
        let uk = index.search("United Kingdom")
        XCTAssertEqual(uk.first { $0.target.isValue }?.target, .value(subject: "country", value: "GB"))
    }

    /// Words that mean the entity name no facet: "devices" is not evidence for any facet.
    func testEntityWordsAreNotEvidence() {
        let index = RetrievalIndex(catalog: DomainCatalogs.devices)
        XCTAssertTrue(index.search("devices").isEmpty)
    }
}
