import XCTest
import SegmintCore
import SegmintCatalog
import SegmintSyntax
@testable import SegmintNL

/// The English layer's data file, its embedded copy, and the pieces built on it.
final class EnglishLayerTests: XCTestCase {
    static let repo: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The binary carries `lexicon/english.json` as generated Swift; regenerate with
    /// `scripts/gen_english_layer.sh` after editing the file.
    func testEmbeddedCopyEqualsTheFile() throws {
        let file = try String(contentsOf: Self.repo.appendingPathComponent("lexicon/english.json"), encoding: .utf8)
        XCTAssertEqual(EnglishLayerData.json, file.hasSuffix("\n") ? String(file.dropLast()) : file,
                       "lexicon/english.json changed: run scripts/gen_english_layer.sh")
    }

    func testDecodesWithAVersionAndEveryPart() throws {
        let l = try EnglishLayer.decode(EnglishLayerData.json)
        XCTAssertGreaterThanOrEqual(l.version, 1)
        XCTAssertEqual(EnglishLayer.shared.version, l.version)
        XCTAssertFalse(l.verb_classes.isEmpty); XCTAssertFalse(l.comparisons.isEmpty); XCTAssertFalse(l.negation.words.isEmpty)
        XCTAssertEqual(Set(l.gazetteers.map(\.name)), ["countries", "us_states", "ca_provinces"])
        XCTAssertGreaterThan(l.gazetteers.first { $0.name == "countries" }?.entries.count ?? 0, 240)
    }

    /// The layer names no catalog item: none of its words is a retail catalog name.
    func testTheLayerHoldsNoRetailCatalogNames() {
        let retail = Set(RetailCatalog.shared.facets.map(\.name) + RetailCatalog.shared.events.map(\.name))
        let layerWords = Set(EnglishLayerData.json.split { !$0.isLetter && $0 != "_" }.map(String.init))
        XCTAssertEqual(retail.intersection(layerWords).filter { $0.contains("_") }, [])
    }

    func testInflectionMeetsItsForms() {
        func stem(_ w: String) -> String { Inflection.stem(Words.normalize(w)) }
        for (forms, want) in [(["watched", "watching", "watchers", "watches", "watch"], "watch"), (["paid", "pay", "pays"], "pay"),
                              (["opted", "opt", "opting"], "opt"), (["purchased", "purchase", "purchases"], "purchas"),
                              (["shopper", "shopping", "shopped", "shop"], "shop"), (["companies", "company"], "company"),
                              (["used", "use"], "use"), (["bought", "buy"], "buy"), (["ordered", "orders", "order"], "ord")] {
            for f in forms { XCTAssertEqual(stem(f), want, f) }
        }
        XCTAssertEqual(Inflection.key("signed up"), Inflection.key("sign up"))
        XCTAssertEqual(Inflection.key("logged_in"), "log in")
        XCTAssertEqual(stem("status"), "status")
    }

    func testNumbersInWordsAndDigits() {
        func n(_ s: String) -> String? { NumberWords.match(Words.split(s), at: 0)?.text }
        XCTAssertEqual(n("twenty five"), "25"); XCTAssertEqual(n("two hundred"), "200"); XCTAssertEqual(n("a dozen"), "12")
        XCTAssertEqual(n("1,000"), "1000"); XCTAssertEqual(n("5k"), "5000"); XCTAssertEqual(n("2 thousand"), "2000")
        XCTAssertEqual(n("12.50"), "12.50"); XCTAssertNil(n("several"))
    }

    func testComparisonsAndCounts() {
        func c(_ s: String) -> String? { var i = 0; return Comparison.match(Words.split(s), at: &i)?.text }
        XCTAssertEqual(c("at least 3"), ">= 3"); XCTAssertEqual(c("fewer than five"), "< 5"); XCTAssertEqual(c("over 500"), "> 500")
        XCTAssertEqual(c("between 25 and 40"), "between 25 and 40"); XCTAssertEqual(c("3 or more"), ">= 3")
        XCTAssertEqual(c("no more than 2"), "<= 2"); XCTAssertEqual(c("at least twice"), ">= 2"); XCTAssertNil(c("more often"))
        XCTAssertEqual(Comparison.times(Words.split("three times"), at: 0)?.count, 3)
        XCTAssertEqual(Comparison.times(Words.split("once"), at: 0)?.count, 1)
    }

    func testNegationButNotAComparison() {
        for s in ["not", "never", "haven't", "didn't", "without", "excluding", "except", "but not", "other than"] {
            XCTAssertNotNil(NegationWords.match(Words.split(s + " x"), at: 0), s)
        }
        XCTAssertNil(NegationWords.match(Words.split("no more than 3"), at: 0))
    }

    /// Every period prints a window the grammar accepts (checked by the real parser).
    func testPeriodsPrintGrammarWindows() throws {
        let today = try XCTUnwrap(CivilDate(year: 2026, month: 3, day: 10))
        let fiscal = FiscalCalendar(startMonth: 2, namedBy: .end)
        func w(_ s: String) -> PeriodParser.Result? {
            PeriodParser(words: Words.split(s), today: today, fiscal: fiscal).match(at: 0)?.0
        }
        let cases: [(String, String)] = [
            ("in the last 90 days", "during last 90 days"), ("past 6 months", "during last 6 months"),
            ("over the past 2 quarters", "during last 6 months"), ("in the past year", "during last 1 year"),
            ("today", "during last 1 day"), ("yesterday", "during 2026-03-09 to 2026-03-09"),
            ("this month", "since 2026-03-01"), ("this quarter", "since 2026-01-01"), ("this year", "since 2026-01-01"),
            ("this week", "since 2026-03-09"), ("year to date", "since 2026-01-01"),
            ("this fiscal year", "during fiscal_year 2027"), ("last fiscal year", "during fiscal_year 2026"),
            ("this fiscal quarter", "during fiscal_quarter 2027 Q1"), ("last fiscal quarter", "during fiscal_quarter 2026 Q4"),
            ("in fiscal year 2025", "during fiscal_year 2025"), ("FY2025", "during fiscal_year 2025"),
            ("in Q4 of fiscal 2026", "during fiscal_quarter 2026 Q4"), ("in January 2026", "during 2026-01-01 to 2026-01-31"),
            ("in calendar year 2025", "during 2025-01-01 to 2025-12-31"), ("since March 2025", "since 2025-03-01"),
            ("before December 1, 2025", "before 2025-12-01"), ("since the start of fiscal 2027", "since 2026-02-01"),
            ("between February 1 and April 30, 2025", "during 2025-02-01 to 2025-04-30"),
        ]
        for (text, want) in cases {
            guard case .window(let kind)? = w(text) else { XCTFail("no window for \(text)"); continue }
            XCTAssertEqual(Formatter.window(kind), want, text)
            let v = SegmentValidation.run("segment s { include { has purchase \(want) } }", catalog: RetailCatalog.shared, requireTags: false)
            XCTAssertEqual(v.errors.map(\.rendered), [], want)
        }
        XCTAssertEqual(w("last year"), .ambiguous)
        XCTAssertEqual(w("recently"), .vague)
    }

    /// Place names reach codes only where an attribute's values are that gazetteer's codes.
    func testGazetteersApplyOnlyWhereTheCatalogHoldsTheirCodes() {
        let retail = Lexicon(catalog: RetailCatalog.shared)
        func targets(_ l: Lexicon, _ s: String) -> [RetrievalTarget] { l.longest(Words.split(s), at: 0)?.entries.map(\.target) ?? [] }
        XCTAssertEqual(targets(retail, "California"), [.value(subject: "state", value: "CA")])
        XCTAssertEqual(targets(retail, "Canada"), [.value(subject: "country", value: "CA")])
        XCTAssertEqual(targets(retail, "Mexican"), [.value(subject: "country", value: "MX")])
        XCTAssertEqual(targets(retail, "Ontario"), [])
        let saas = Lexicon(catalog: DomainCatalogs.saas)
        XCTAssertEqual(targets(saas, "Germany"), [])
        let devices = Lexicon(catalog: DomainCatalogs.devices)
        XCTAssertEqual(targets(devices, "United Kingdom"), [.value(subject: "country", value: "GB")])
        XCTAssertEqual(targets(devices, "USA"), [.value(subject: "country", value: "US")])
    }

    /// A verb class reaches an item only through the item's own words.
    func testVerbClassesGoThroughTheCatalogsOwnNames() {
        let streaming = Lexicon(catalog: DomainCatalogs.streaming)
        let viewTargets = streaming.longest(Words.split("streamed"), at: 0)?.entries.map(\.target)
        XCTAssertEqual(viewTargets, [.event("view")])
        let devices = Lexicon(catalog: DomainCatalogs.devices)
        XCTAssertNil(devices.longest(Words.split("streamed"), at: 0), "no event of the devices catalog is a kind of watching")
    }

    func testEntityWordsComeFromTheCatalog() {
        let devices = Lexicon(catalog: DomainCatalogs.devices)
        XCTAssertEqual(devices.entityLength(Words.split("devices"), at: 0), 1)
        XCTAssertEqual(devices.entityLength(Words.split("fleet devices"), at: 0), 2)
        XCTAssertEqual(devices.entityLength(Words.split("customers"), at: 0), 0)
        let saas = Lexicon(catalog: DomainCatalogs.saas)
        XCTAssertEqual(saas.entityLength(Words.split("accounts"), at: 0), 1)
        XCTAssertEqual(EntityWords.names("company").plural, "companies")
        XCTAssertEqual(EntityWords.names("box").plural, "boxes")
    }
}
