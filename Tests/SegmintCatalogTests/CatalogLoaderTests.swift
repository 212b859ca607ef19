import XCTest
import SegmintCore
@testable import SegmintCatalog

/// Loads YAML text and returns the result plus the rendered diagnostics' positions.
private func load(_ yaml: String) -> (CatalogLoadResult, SourceMap) {
    let sources = SourceMap()
    return (CatalogLoader.load(yaml: yaml, path: "test.yaml", sources: sources), sources)
}

/// `(code, line, text under the span)` of each diagnostic, for compact assertions.
private func where_(_ r: CatalogLoadResult, _ sources: SourceMap) -> [(String, Int, String)] {
    r.diagnostics.map { d in
        guard let s = d.span, let f = sources[s.file] else { return (d.code, 0, "") }
        return (d.code, f.location(of: s.start).line, f.text(of: s))
    }
}

private let minimal = """
name: shop
version: 1
entity: {name: customer, table: customers, key: id}

"""

final class CatalogLoaderTests: XCTestCase {
    func testShippedRetailCatalogLoadsCleanly() throws {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let sources = SourceMap()
        let r = CatalogLoader.load(path: repo.appendingPathComponent("catalogs/retail.yaml").path, sources: sources)
        XCTAssertEqual(r.diagnostics, [])
        let c = try XCTUnwrap(r.catalog)
        XCTAssertEqual(c.label, "retail@3")
        XCTAssertEqual(c.fiscalYear, FiscalCalendar(startMonth: 2, namedBy: .end))
        XCTAssertGreaterThanOrEqual(c.facets.count, 25)
        XCTAssertEqual(Set(c.facets.map(\.type)), Set(ValueType.allCases))
        XCTAssertTrue(c.facets.contains { $0.ordered })
        XCTAssertTrue(c.facets.contains { $0.isModelScore })
        XCTAssertEqual(c.facet(named: "zip_code")?.column, "postal_code")
        XCTAssertEqual(c.facet(named: "state")?.values?.contains("OR"), true, "YAML 1.1 would read OR/NO as booleans")
        XCTAssertEqual(c.facet(named: "country")?.nullable, false)
        XCTAssertEqual(c.event(named: "support_ticket")?.timeType, .date)
        XCTAssertEqual(c.event(named: "email_click")?.timeType, .timestamp)
        XCTAssertEqual(c.event(named: "purchase")?.field(named: "category")?.values?.first, "Outdoor")
    }

    func testMinimalCatalogDefaults() throws {
        let (r, _) = load(minimal + "facets:\n  - {name: age, type: int}\n")
        XCTAssertEqual(r.diagnostics, [])
        let c = try XCTUnwrap(r.catalog)
        XCTAssertEqual(c.version, "1")
        XCTAssertEqual(c.fiscalYear.startMonth, 1)
        XCTAssertEqual(c.facets.first?.column, "age")
        XCTAssertEqual(c.facets.first?.nullable, true)
        XCTAssertEqual(c.facets.first?.line, 5)
    }

    func testVersionMayBeString() throws {
        let (r, _) = load("name: s\nversion: \"2024-06\"\nentity: {name: c, table: t, key: k}\n")
        XCTAssertEqual(r.catalog?.version, "2024-06")
    }

    func testMissingRequiredKeys() {
        let (r, s) = load("name: s\nentity: {name: c, table: t}\n")
        XCTAssertNil(r.catalog)
        let w = where_(r, s)
        XCTAssertEqual(w.map(\.0), ["E0807", "E0807"])
        XCTAssertEqual(r.diagnostics[0].message, "the catalog is missing required key \"version\"")
        XCTAssertEqual(r.diagnostics[1].message, "entity is missing required key \"key\"")
        XCTAssertEqual(w[1].1, 2)
    }

    func testUnknownTypeWithSuggestion() {
        let (r, s) = load(minimal + "facets:\n  - {name: age, type: integer}\n")
        XCTAssertNil(r.catalog)
        XCTAssertEqual(r.diagnostics.first?.code, "E0808")
        XCTAssertEqual(r.diagnostics.first?.message, "unknown type \"integer\" for facet \"age\"")
        XCTAssertEqual(r.diagnostics.first?.help, "did you mean \"int\"?")
        XCTAssertEqual(where_(r, s).first?.1, 5)
        XCTAssertEqual(where_(r, s).first?.2, "integer")
    }

    func testFacetAndEventNamesShareANamespace() {
        let (r, s) = load(minimal + """
        facets:
          - {name: purchase, type: int}
        events:
          - {name: purchase, table: orders, time: at}

        """)
        XCTAssertNil(r.catalog)
        XCTAssertEqual(where_(r, s).map(\.0), ["E0809"])
        XCTAssertEqual(where_(r, s).first?.1, 7)
        XCTAssertEqual(r.diagnostics.first?.notes.first?.message, "first declared here")
    }

    func testDuplicateFacetsAndDuplicateFields() {
        let (r, s) = load(minimal + """
        facets:
          - {name: age, type: int}
          - {name: age, type: decimal}
        events:
          - name: purchase
            table: orders
            time: at
            fields:
              - {name: amount, type: decimal}
              - {name: amount, type: int}
              - {name: age, type: int}

        """)
        XCTAssertNil(r.catalog)
        XCTAssertEqual(where_(r, s).map(\.0), ["E0809", "E0809"])
        XCTAssertEqual(where_(r, s).map(\.1), [6, 13])
        XCTAssertEqual(r.diagnostics[1].message, "field \"amount\" is declared twice in event \"purchase\"")
    }

    func testOrderedNeedsValuesAndValuesOnlyOnStrings() {
        let (r, s) = load(minimal + """
        facets:
          - {name: tier, type: string, ordered: true}
          - {name: age, type: int, values: [1, 2]}
          - {name: size, type: int, values: [1, 2], ordered: true}

        """)
        XCTAssertNil(r.catalog)
        XCTAssertEqual(where_(r, s).map(\.0), ["E0810", "E0811", "E0811", "E0810"])
        XCTAssertEqual(where_(r, s).map(\.1), [5, 6, 7, 7])
    }

    func testValuesDuplicatedOrEmpty() {
        let (r, s) = load(minimal + "facets:\n  - {name: a, type: string, values: [x, y, x]}\n  - {name: b, type: string, values: []}\n")
        XCTAssertEqual(where_(r, s).map(\.0), ["E0818", "E0819"])
        XCTAssertEqual(where_(r, s).first?.2, "x")
    }

    func testFiscalYearRules() throws {
        let (ok, _) = load(minimal + "fiscal_year: {start_month: 7, named_by: start}\n")
        XCTAssertEqual(ok.catalog?.fiscalYear, FiscalCalendar(startMonth: 7, namedBy: .start))
        for bad in ["0", "13", "feb", "2.5"] {
            let (r, s) = load(minimal + "fiscal_year: {start_month: \(bad)}\n")
            XCTAssertEqual(where_(r, s).map(\.0), ["E0812"], bad)
            XCTAssertEqual(where_(r, s).first?.2, bad)
            XCTAssertNil(r.catalog)
        }
        let (r, s) = load(minimal + "fiscal_year: {named_by: ending}\n")
        XCTAssertEqual(where_(r, s).map(\.0), ["E0813"])
        XCTAssertEqual(r.diagnostics.first?.help, "did you mean \"end\"?")
    }

    func testNamesMustBeIdentifiersAndNotReserved() {
        let (r, s) = load(minimal + """
        facets:
          - {name: home state, type: string}
          - {name: count, type: int}
          - {name: 9lives, type: int}
        events:
          - {name: during, table: t, time: at}

        """)
        XCTAssertNil(r.catalog)
        XCTAssertEqual(where_(r, s).map(\.0), ["E0814", "E0815", "E0814", "E0815"])
        XCTAssertEqual(where_(r, s).map(\.2), ["home state", "count", "9lives", "during"])
    }

    func testUnknownKeysAreWarningsWithDidYouMean() throws {
        let (r, s) = load(minimal + "facets:\n  - {name: age, type: int, synonym: [years]}\n")
        XCTAssertNotNil(r.catalog, "unknown keys do not invalidate the catalog")
        XCTAssertEqual(r.diagnostics.count, 1)
        let d = try XCTUnwrap(r.diagnostics.first)
        XCTAssertEqual(d.code, "W0801")
        XCTAssertEqual(d.severity, .warning)
        XCTAssertEqual(d.message, "unknown key \"synonym\" in facet \"age\" is ignored")
        XCTAssertEqual(d.help, "did you mean \"synonyms\"?")
        XCTAssertEqual(where_(r, s).first?.2, "synonym")
    }

    func testEventRules() throws {
        let (r, s) = load(minimal + """
        events:
          - {name: visit, table: visits}
          - {name: click, table: clicks, time: at, time_type: datetime}
          - {name: order, table: orders, time: at, time_type: date, key: cust}

        """)
        XCTAssertEqual(where_(r, s).map(\.0), ["E0807", "E0816"])
        XCTAssertEqual(r.diagnostics[0].message, "event \"visit\" is missing required key \"time\"")
        XCTAssertNil(r.catalog)
        let (ok, _) = load(minimal + "events:\n  - {name: order, table: orders, time: at}\n")
        let e = try XCTUnwrap(ok.catalog?.events.first)
        XCTAssertEqual(e.key, "id", "event key defaults to the entity key")
        XCTAssertEqual(e.timeType, .timestamp)
    }

    func testModelScoreOnlyOnNumbers() {
        let (r, s) = load(minimal + "facets:\n  - {name: a, type: string, kind: model_score}\n  - {name: b, type: decimal, kind: score}\n  - {name: c, type: decimal, kind: model_score}\n")
        XCTAssertEqual(where_(r, s).map(\.0), ["E0817", "E0817"])
        XCTAssertEqual(r.diagnostics[1].help, "did you mean \"model_score\"?")
    }

    func testBoolKeysAndWrongShapes() {
        let (r, s) = load(minimal + "facets:\n  - {name: a, type: bool, nullable: maybe}\n  - [name, type]\nevents: {name: x}\n")
        XCTAssertEqual(where_(r, s).map(\.0), ["E0806", "E0806", "E0806"])
        XCTAssertEqual(r.diagnostics[0].message, "\"nullable\" of facet \"a\" must be true or false")
        XCTAssertEqual(r.diagnostics[2].message, "\"events\" must be a list")
    }

    func testTopLevelMustBeAMapping() {
        let (r, _) = load("- a\n- b\n")
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0806"])
        XCTAssertEqual(r.diagnostics.first?.message, "the catalog must be a mapping")
    }

    // MARK: - Bad input: never a crash, always a diagnostic

    func testYAMLSyntaxErrorAtItsLine() {
        let (r, s) = load(minimal + "facets:\n  - {name: age, type: int\n  - {name: b, type: int}\n")
        XCTAssertNil(r.catalog)
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0804"])
        XCTAssertTrue(r.diagnostics[0].message.hasPrefix("invalid YAML: "), r.diagnostics[0].message)
        XCTAssertGreaterThanOrEqual(where_(r, s).first?.1 ?? 0, 5)
    }

    func testBadIndentation() {
        let (r, _) = load("name: a\n  version: 1\n")
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0804"])
    }

    func testDuplicateYAMLKeyPointsAtTheRepeat() {
        let (r, s) = load(minimal + "name: again\n")
        XCTAssertNil(r.catalog)
        XCTAssertEqual(r.diagnostics.map(\.code), ["E0805"])
        XCTAssertEqual(r.diagnostics.first?.message, "duplicate key \"name\" in one mapping")
        XCTAssertEqual(where_(r, s).first?.1, 4)
        XCTAssertEqual(where_(r, s).first?.2, "name")
        XCTAssertEqual(r.diagnostics.first?.notes.first.map { s[0]?.location(of: $0.span.start).line }, 1)
    }

    func testDuplicateKeyInBlockAndFlowMappings() {
        let (block, s1) = load(minimal + "facets:\n  - name: age\n    # a comment\n\n    type: int\n    type: decimal\n  - name: b\n")
        XCTAssertEqual(where_(block, s1).map(\.1), [9])
        XCTAssertEqual(where_(block, s1).first?.2, "type")
        let (flow, s2) = load(minimal + "facets:\n  - {name: age, type: int, type: decimal}\n")
        XCTAssertEqual(where_(flow, s2).map(\.1), [5])
        XCTAssertEqual(s2[0]?.location(of: flow.diagnostics.first?.span?.start ?? 0).column, 28)
    }

    func testMissingFileAndDirectory() {
        for path in ["/nonexistent/catalog.yaml", "/tmp"] {
            let sources = SourceMap()
            let r = CatalogLoader.load(path: path, sources: sources)
            XCTAssertNil(r.catalog)
            XCTAssertEqual(r.diagnostics.map(\.code), ["E0801"])
            XCTAssertTrue(r.isIOFailure)
            XCTAssertEqual(r.diagnostics.first?.location?.file, path)
        }
    }

    func testEmptyAndCommentOnlyCatalogs() {
        for text in ["", "\n\n", "# nothing here\n"] {
            let (r, _) = load(text)
            XCTAssertEqual(r.diagnostics.map(\.code), ["E0802"], text)
            XCTAssertEqual(r.diagnostics.first?.message, "catalog is empty")
            XCTAssertFalse(r.isIOFailure)
        }
    }

    func testBinaryAndInvalidUTF8() {
        let sources = SourceMap()
        let bin = CatalogLoader.load(bytes: [0x7F, 0x45, 0x4C, 0x46, 0, 1, 2], path: "a.yaml", sources: sources)
        XCTAssertEqual(bin.diagnostics.map(\.message), ["catalog is binary data, not YAML text"])
        XCTAssertEqual(bin.diagnostics.first?.span?.start, 4)
        let bad = CatalogLoader.load(bytes: Array("name: caf".utf8) + [0xC3, 0x28], path: "b.yaml", sources: sources)
        XCTAssertEqual(bad.diagnostics.map(\.code), ["E0803"])
        XCTAssertEqual(bad.diagnostics.first?.span?.start, 9)
    }

    func testRandomGarbageNeverCrashes() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]:-,#&*!|>'\"\n  \tabc1.?%@`")
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0..<80, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? " " })
            let (r, _) = load(text)
            XCTAssertTrue(r.catalog != nil || !r.diagnostics.isEmpty, text)
        }
    }

    func testDiagnosticRendersWithCaretUnderTheKey() {
        let (r, s) = load(minimal + "facets:\n  - {name: age, type: integer}\n")
        let text = DiagnosticRenderer(sources: s).human(r.diagnostics)
        XCTAssertEqual(text, """
        test.yaml:5:23: error[E0808]: unknown type "integer" for facet "age"
          |
        5 |   - {name: age, type: integer}
          |                       ^^^^^^^
          = help: did you mean "int"?

        """)
    }
}
