import XCTest
@testable import SegmintIDE

final class CompletionTests: XCTestCase {
    func testEventsAfterHas() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has $0 } }"), ["login", "invoice"])
    }

    func testFieldsAfterWhereAndAnd() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login where $0 } }"), ["device", "duration"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login where device = \"web\" and d$0 } }"), ["device", "duration"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login.$0 } }"), ["device", "duration"])
    }

    func testAggregateArgumentsAreNumericFields() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login sum($0 } }"), ["duration"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login count_distinct($0 } }"), ["device", "duration"])
    }

    func testOrderedValuesInCatalogOrder() throws {
        let f = try IDEFixture()
        let at = f.open("a.seg", "segment a { include { plan >= $0 } }")
        let items = f.host.completions(f.uri("a.seg"), at: at)
        XCTAssertEqual(items.map(\.label), ["\"free\"", "\"pro\"", "\"enterprise\""])
        XCTAssertEqual(items.sorted { $0.sortText < $1.sortText }.map(\.label), ["\"free\"", "\"pro\"", "\"enterprise\""])
        XCTAssertEqual(items.last?.detail, "plan · 3 of 3")
    }

    func testValuesInListsStringsAndBetween() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { region in [\"north\", $0] } }").count, 4)
        XCTAssertEqual(f.labels("a.seg", "segment a { include { region not in [$0 } }").count, 4)
        let at = f.open("a.seg", "segment a { include { region = \"so$0 } }")
        let item = try XCTUnwrap(f.host.completions(f.uri("a.seg"), at: at).first { $0.label == "\"south\"" })
        XCTAssertEqual(item.replaceStart, at - 3)   // replaces the string typed so far, quote included
        XCTAssertEqual(f.labels("a.seg", "segment a { include { plan between \"free\" and $0 } }").count, 3)
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login where device = $0 } }"), ["\"web\"", "\"ios\"", "\"android\""])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { churned = $0 } }"), ["true", "false"])
    }

    func testFacetsWithTypeAndDescription() throws {
        let f = try IDEFixture()
        let at = f.open("a.seg", "segment a {\n  include {\n    $0\n  }\n}")
        let items = f.host.completions(f.uri("a.seg"), at: at)
        let plan = try XCTUnwrap(items.first { $0.label == "plan" })
        XCTAssertEqual(plan.kind, .facet)
        XCTAssertEqual(plan.detail, "string, ordered values · facet")
        XCTAssertTrue(plan.documentation?.contains("Subscription plan") == true)
        XCTAssertTrue(items.contains { $0.label == "has" && $0.kind == .keyword })
        XCTAssertTrue(items.contains { $0.label == "in segment" })
        XCTAssertFalse(items.contains { $0.label == "include" })
    }

    func testItemsInSegmentBodyAndSegmentAtTopLevel() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a \"t\" {\n  $0\n}"), ["description", "as_of", "include", "exclude"])
        XCTAssertEqual(f.labels("a.seg", "$0"), ["segment"])
        XCTAssertEqual(f.labels("a.seg", "segment a { }\n$0"), ["segment"])
    }

    func testSegmentNamesAfterInSegmentAcrossFiles() throws {
        let f = try IDEFixture(files: ["b.seg": "segment big \"Big accounts\" { include { seats >= 100 } }\n"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { in segment $0 } }"), ["a", "big"])
    }

    func testUnitsAndWindows() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login during last 3 $0 } }"), ["days", "weeks", "months", "years"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login during last 1 $0 } }"), ["day", "week", "month", "year"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login during $0 } }"), ["last", "fiscal_year", "fiscal_quarter", "DATE to DATE"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login during fiscal_quarter 2026 $0 } }"), ["Q1", "Q2", "Q3", "Q4"])
    }

    func testOperatorsFitTheType() throws {
        let f = try IDEFixture()
        let date = f.labels("a.seg", "segment a { include { signup_date $0 } }")
        XCTAssertTrue(date.contains("during") && date.contains("between"), "\(date)")
        let region = f.labels("a.seg", "segment a { include { region $0 } }")
        XCTAssertTrue(region.contains("contains") && !region.contains("<"), "\(region)")
    }

    func testGroundingTags() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { seats > 3 [$0 } }"), ["RETRIEVED", "INFERRED"])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { region = \"north\" [RETRIEVED: $0 } }"), ["region", "\"north\""])
        XCTAssertEqual(f.labels("a.seg", "segment a { include { has login where device = \"web\" [RETRIEVED: $0 } }"),
                       ["login", "device", "\"web\""])
    }

    func testHasContextEndsWithTheCondition() throws {
        let f = try IDEFixture()
        // After a finished has condition a new condition starts: facets, not the event's fields.
        let labels = f.labels("a.seg", "segment a { include {\n has login where device = \"web\"\n $0 } }")
        XCTAssertTrue(labels.contains("plan"), "\(labels)")
        XCTAssertTrue(labels.contains("and"), "\(labels)")
        let after = f.labels("a.seg", "segment a { include {\n has login where device = \"web\"\n region = $0 } }")
        XCTAssertEqual(after.count, 4)
    }

    func testInStartsASegmentReferenceOrAList() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { in $0 } }"), ["segment"])
        let at = f.open("a.seg", "segment a { include { region in $0 } }")
        let list = try XCTUnwrap(f.host.completions(f.uri("a.seg"), at: at).first)
        XCTAssertEqual(list.insertText, "[${1|\"north\",\"south\",\"east\",\"west\"|}$0]")
        XCTAssertTrue(list.isSnippet)
        XCTAssertEqual(CompletionBuilder.escapedForChoice("a,b|c$}\\"), "a\\,b\\|c\\$\\}\\\\")
    }

    func testNothingInComments() throws {
        let f = try IDEFixture()
        XCTAssertEqual(f.labels("a.seg", "segment a { include { # has $0\n } }"), [])
    }
}
