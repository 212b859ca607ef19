import XCTest
import SegmintCore
import SegmintSyntax
import SegmintCatalog
@testable import SegmintCheck

/// Checks one segment whose include block is `conds`.
private func include(_ a: AST, _ conds: [Condition], strict: Bool = false, requireTags: Bool = false) -> CheckResult {
    check([a.file([a.seg("s", include: conds)])], strict: strict, requireTags: requireTags)
}

private func codes(_ r: CheckResult) -> [String] { r.diagnostics.map(\.code) }

final class CheckerNameTests: XCTestCase {
    func testValidSegmentProducesProgram() throws {
        let a = AST()
        let r = include(a, [
            a.c("state", .eq, a.s("CA")),
            a.c("lifetime_spend", .ge, a.n("500")),
            a.has("purchase", [a.p("category", .eq, a.s("Outdoor"))], window: a.window(.last(2, .year)), agg: a.agg(.count, .ge, "2")),
            a.any([a.c("loyalty_tier", .ge, a.s("gold")), a.c("email_opt_out", .eq, a.b(false))]),
        ])
        XCTAssertEqual(r.diagnostics, [])
        let seg = try XCTUnwrap(r.program?.segments.first)
        XCTAssertEqual(seg.name, "s")
        XCTAssertEqual(seg.include?.count, 4)
        guard case .facet(let f, .compare(.ge, .decimal("500"))) = seg.include?[1] else { return XCTFail("\(String(describing: seg.include?[1]))") }
        XCTAssertEqual(f.name, "lifetime_spend")
        guard case .event(let e) = seg.include?[2] else { return XCTFail() }
        XCTAssertEqual(e.event.name, "purchase")
        XCTAssertEqual(e.predicates.first?.0.name, "category")
        XCTAssertEqual(e.window, .last(2, .year))
        XCTAssertEqual(e.aggregate?.function, .count)
        XCTAssertEqual(e.aggregate?.test, .compare(.ge, "2"))
    }

    func testUnknownFacetWithDidYouMeanPointsAtTheName() {
        let a = AST()
        let cond = a.c("lifetime_spent", .ge, a.n("500"))
        let r = include(a, [cond])
        XCTAssertNil(r.program)
        XCTAssertEqual(codes(r), ["E0201"])
        XCTAssertEqual(r.diagnostics[0].message, "unknown facet \"lifetime_spent\"")
        XCTAssertEqual(r.diagnostics[0].help, "did you mean \"lifetime_spend\"?")
        guard case .predicate(let p) = cond.kind else { return XCTFail() }
        XCTAssertEqual(r.diagnostics[0].span, p.facet.base.span)
    }

    func testUnknownEventAndField() {
        let a = AST()
        let r = include(a, [
            a.has("purchse"),
            a.has("purchase", [a.p("categroy", .eq, a.s("Outdoor"))]),
            a.has("purchase", agg: a.agg(.sum(a.id("amout")), .gt, "10")),
        ])
        XCTAssertEqual(codes(r), ["E0202", "E0203", "E0203"])
        XCTAssertEqual(r.diagnostics.map(\.help), ["did you mean \"purchase\"?", "did you mean \"category\"?", "did you mean \"amount\"?"])
        XCTAssertEqual(r.diagnostics[1].message, "event \"purchase\" has no field \"categroy\"")
    }

    func testEventFieldOutsideHas() {
        let a = AST()
        let r = include(a, [a.c("purchase.category", .eq, a.s("Outdoor"))])
        XCTAssertEqual(codes(r), ["E0207"])
        XCTAssertEqual(r.diagnostics[0].help, "use has purchase where category …")
    }

    func testEventUsedAsFacetAndFacetUsedAsEvent() {
        let a = AST()
        let r = include(a, [a.c("purchase", .eq, a.n("1")), a.has("age"), a.c("age.years", .eq, a.n("1"))])
        XCTAssertEqual(codes(r), ["E0209", "E0202", "E0208"])
        XCTAssertEqual(r.diagnostics[1].message, "\"age\" is a facet, not an event")
    }

    func testQualifiedFieldInsideHas() {
        let a = AST()
        let ok = include(a, [a.has("purchase", [a.p("purchase.category", .eq, a.s("Grocery"))])])
        XCTAssertEqual(ok.diagnostics, [])
        let bad = include(a, [a.has("purchase", [a.p("support_ticket.severity", .eq, a.s("low"))])])
        XCTAssertEqual(codes(bad), ["E0208"])
    }

    func testSegmentReferencesAcrossFilesInAnyOrder() throws {
        let a = AST()
        let f1 = a.file([a.seg("a", include: [a.inSeg("b")])])
        let f2 = a.file([a.seg("b", include: [a.c("age", .gt, a.n("30"))])])
        let r = check([f1, f2])
        XCTAssertEqual(r.diagnostics, [])
        let p = try XCTUnwrap(r.program)
        XCTAssertEqual(p.segment(named: "a")?.references, ["b"])
        XCTAssertEqual(p.dependencyOrder(of: "a").map(\.name), ["b", "a"])
    }

    func testUnknownSegmentWithSuggestion() {
        let a = AST()
        let r = check([a.file([a.seg("newsletter_readers"), a.seg("x", include: [a.inSeg("newsleter_readers")])])])
        XCTAssertEqual(codes(r), ["E0204"])
        XCTAssertEqual(r.diagnostics[0].help, "did you mean \"newsletter_readers\"?")
    }

    func testUnknownSegmentWithoutCloseNameListsDeclaredOnes() {
        let a = AST()
        let r = check([a.file([a.seg("alpha"), a.seg("x", include: [a.inSeg("zzz")])])])
        XCTAssertEqual(r.diagnostics.first?.help,
                       "segments declared in this command: alpha, x; a segment from another file needs that file on the same command line")
    }

    func testDuplicateSegmentAcrossFilesHasNoteAtFirst() {
        let a = AST()
        let first = a.seg("dup")
        let second = a.seg("dup")
        let r = check([a.file([first]), a.file([second])])
        XCTAssertEqual(codes(r), ["E0205"])
        XCTAssertEqual(r.diagnostics[0].span, second.name.span)
        XCTAssertEqual(r.diagnostics[0].notes.first?.span, first.name.span)
    }

    func testCycleReportedOnceWithPath() {
        let a = AST()
        let r = check([a.file([
            a.seg("a", include: [a.inSeg("b")]),
            a.seg("b", include: [a.inSeg("c")]),
            a.seg("c", include: [a.inSeg("a")]),
            a.seg("self", include: [a.inSeg("self")]),
            a.seg("d", include: [a.inSeg("a")]),
        ])])
        XCTAssertEqual(codes(r), ["E0206", "E0206"])
        XCTAssertEqual(r.diagnostics.map(\.message), ["segment reference cycle: a -> b -> c -> a", "segment reference cycle: self -> self"])
    }

    func testLongReferenceChainDoesNotOverflow() {
        let a = AST()
        let n = 20_000
        var segs = (0..<n).map { a.seg("s\($0)", include: [a.inSeg("s\($0 + 1)")]) }
        segs.append(a.seg("s\(n)"))
        let r = check([a.file(segs)])
        XCTAssertEqual(r.diagnostics, [])
        XCTAssertEqual(r.program?.dependencyOrder(of: "s\(n - 5)").count, 6)
    }

    func testSecondItemIsIgnoredBecauseTheParserReportsIt() throws {
        let a = AST()
        let extra: [SegmentItem] = [.include(Block(conditions: [a.c("age", .eq, a.s("x"))], span: a.span()), a.span())]
        let r = check([a.file([a.seg("s", include: [a.c("age", .gt, a.n("3"))], extra: extra)])])
        XCTAssertEqual(r.diagnostics, [])
        XCTAssertEqual(r.program?.segments.first?.include?.count, 1)
    }

    func testCheckingContinuesAfterErrors() {
        let a = AST()
        let r = check([a.file([
            a.seg("a", include: [a.c("nope", .eq, a.n("1")), a.c("age", .eq, a.s("x"))]),
            a.seg("b", exclude: [a.has("nada"), a.c("state", .eq, a.s("XX"))]),
        ])])
        XCTAssertEqual(codes(r), ["E0201", "E0302", "E0202", "E0304"])
    }

    func testNoIncludeMeansEveryEntity() throws {
        let a = AST()
        let r = check([a.file([a.seg("s", exclude: [a.c("email_opt_out", .eq, a.b(true))])])])
        let seg = try XCTUnwrap(r.program?.segments.first)
        XCTAssertNil(seg.include)
        XCTAssertEqual(seg.exclude.count, 1)
    }

    func testExcludeConditionsAreNotContradictions() {
        let a = AST()
        let r = check([a.file([a.seg("s", exclude: [a.c("age", .gt, a.n("60")), a.c("age", .lt, a.n("30"))])])])
        XCTAssertEqual(r.diagnostics, [])
    }
}

final class CheckerTypeTests: XCTestCase {
    func testOrderingOnUnorderedStringAndBool() {
        let a = AST()
        let r = include(a, [a.c("state", .gt, a.s("CA")), a.c("email_opt_out", .lt, a.b(true)),
                            a.c(a.p("city", .between(a.s("a"), a.s("b"))))])
        XCTAssertEqual(codes(r), ["E0301", "E0301", "E0301"])
        XCTAssertEqual(r.diagnostics[0].message, "\">\" cannot order state: it is an unordered string")
    }

    func testOrderingOnOrderedStringNumbersDates() {
        let a = AST()
        let r = include(a, [a.c("loyalty_tier", .ge, a.s("gold")), a.c("age", .lt, a.n("3")),
                            a.c("signup_date", .gt, a.d("2025-01-01")), a.c("last_login_at", .le, a.d("2025-01-01"))])
        XCTAssertEqual(r.diagnostics, [])
    }

    func testContainsOnlyOnStrings() throws {
        let a = AST()
        let r = include(a, [a.c(a.p("age", .contains(StringLiteral(value: "1", span: a.span())))),
                            a.c(a.p("state", .startsWith(StringLiteral(value: "C", span: a.span())))),
                            a.c(a.p("city", .contains(StringLiteral(value: "%_", span: a.span()))))])
        XCTAssertEqual(codes(r), ["E0301"])
        XCTAssertEqual(r.diagnostics[0].message, "contains needs a string, but age is int")
    }

    func testLiteralTypes() {
        let a = AST()
        let r = include(a, [
            a.c("lifetime_spend", .ge, a.n("500")),      // int literal fits decimal
            a.c("age", .eq, a.n("30.5")),                // E0303
            a.c("age", .eq, a.s("30")),                  // E0302
            a.c("email_opt_out", .eq, a.n("1")),         // E0302
            a.c("signup_date", .eq, a.s("2025-01-01")),  // E0302
            a.c("city", .eq, a.b(true)),                 // E0302
            a.c("age", .eq, a.n("99999999999999999999")),// E0308
        ])
        XCTAssertEqual(codes(r), ["E0303", "E0302", "E0302", "E0302", "E0302", "E0308"])
        XCTAssertEqual(r.diagnostics[0].message, "30.5 is a decimal, but age is int")
        XCTAssertEqual(r.diagnostics[1].message, "\"30\" is a string, but age is int")
        XCTAssertEqual(r.diagnostics[1].help, "write a whole number, e.g. 42")
    }

    func testEnumeratedValuesWithDidYouMean() {
        let a = AST()
        let bad = a.s("Outdor")
        let r = include(a, [
            a.has("purchase", [a.p("category", .eq, bad)]),
            a.c(a.p("state", .inList(negated: true, a.list([a.s("CA"), a.s("NV")])))),
            a.c("loyalty_tier", .ge, a.s("diamond")),
        ])
        XCTAssertEqual(codes(r), ["E0304", "E0304", "E0304"])
        XCTAssertEqual(r.diagnostics[0].message, "\"Outdor\" is not a value of purchase.category")
        XCTAssertEqual(r.diagnostics[0].help, "did you mean \"Outdoor\"?")
        XCTAssertEqual(r.diagnostics[0].span, bad.span)
        XCTAssertEqual(r.diagnostics[2].help, "values are \"bronze\", \"silver\", \"gold\", \"platinum\"")
    }

    func testContainsIgnoresEnumeratedValues() {
        let a = AST()
        let r = include(a, [a.has("purchase", [a.p("category", .contains(StringLiteral(value: "door", span: a.span())))])])
        XCTAssertEqual(r.diagnostics, [])
    }

    func testWindowsOnlyOnTemporal() {
        let a = AST()
        let r = include(a, [
            a.c(a.p("signup_date", .window(a.window(.last(30, .day))))),
            a.c(a.p("last_login_at", .window(a.window(.since(a.date("2025-01-01")))))),
            a.c(a.p("age", .window(a.window(.last(30, .day))))),
            a.has("purchase", [a.p("shipped_on", .window(a.window(.fiscalYear(2025))))]),
            a.has("purchase", [a.p("amount", .window(a.window(.fiscalYear(2025))))]),
        ])
        XCTAssertEqual(codes(r), ["E0305", "E0305"])
        XCTAssertEqual(r.diagnostics[0].message, "a window needs a date or timestamp, but age is int")
    }

    func testFiscalWindowsUseTheCatalogCalendar() throws {
        let a = AST()
        let r = include(a, [a.has("purchase", window: a.window(.fiscalYear(2026))),
                            a.has("purchase", window: a.window(.fiscalQuarter(2026, 4)))])
        let inc = try XCTUnwrap(r.program?.segments.first?.include)
        guard case .event(let y) = inc[0], case .event(let q) = inc[1] else { return XCTFail() }
        // start_month 2, named by end: FY2026 = 2025-02-01 ..< 2026-02-01; Q4 = 2025-11-01 ..< 2026-02-01.
        XCTAssertEqual(y.window, .fiscal(start: a.date("2025-02-01"), end: a.date("2026-02-01"), label: "FY2026"))
        XCTAssertEqual(q.window, .fiscal(start: a.date("2025-11-01"), end: a.date("2026-02-01"), label: "FY2026 Q4"))
        let bad = include(a, [a.has("purchase", window: a.window(.fiscalYear(99999)))])
        XCTAssertEqual(codes(bad), ["E0308"])
    }

    func testAggregates() {
        let a = AST()
        let r = include(a, [
            a.has("purchase", agg: a.agg(.sum(a.id("amount")), .gt, "100.50")),
            a.has("purchase", agg: a.agg(.avg(a.id("category")), .gt, "1")),     // E0306
            a.has("purchase", agg: a.agg(.max(a.id("shipped_on")), .gt, "1")),   // E0306
            a.has("purchase", agg: a.agg(.countDistinct(a.id("category")), .ge, "2")),
            a.has("purchase", agg: a.agg(.count, .ge, "1.5")),                   // E0307
            a.has("purchase", agg: a.agg(.count, .ge, "-1")),                    // E0307
            a.has("purchase", agg: a.agg(.min(a.id("item_count")), .ge, "-1")),
        ])
        XCTAssertEqual(codes(r), ["E0306", "E0306", "E0307", "E0307"])
        XCTAssertEqual(r.diagnostics[0].message, "avg needs a numeric field, but purchase.category is string")
    }

    func testBetweenLowAboveHighWarns() {
        let a = AST()
        // Alone in the include, the empty range also makes the segment never match (W0304).
        let r = include(a, [a.c(a.p("age", .between(a.n("60"), a.n("30"))))])
        XCTAssertEqual(codes(r), ["W0302", "W0304"])
        XCTAssertEqual(r.diagnostics[0].severity, .warning)
        XCTAssertNotNil(r.program, "warnings do not block the program")
        let ordered = include(a, [a.c(a.p("loyalty_tier", .between(a.s("gold"), a.s("silver"))))])
        XCTAssertEqual(codes(ordered), ["W0302", "W0304"])
        let fine = include(a, [a.c(a.p("age", .between(a.n("30"), a.n("30"))))])
        XCTAssertEqual(codes(fine), [])
        let window = include(a, [a.has("purchase", window: a.window(.range(a.date("2025-05-01"), a.date("2025-01-01"))))])
        XCTAssertEqual(codes(window), ["W0302", "W0304"])
    }

    func testNonNullableIsMissing() {
        let a = AST()
        let r = include(a, [a.c(a.p("country", .isMissing(negated: false)))])
        XCTAssertEqual(codes(r), ["W0303", "W0304"])
        XCTAssertEqual(r.diagnostics[0].message, "country is declared nullable: false, so \"is missing\" can never hold")
    }
}
