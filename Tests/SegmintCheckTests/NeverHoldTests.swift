import XCTest
import SegmintCore
import SegmintSyntax
import SegmintCatalog
@testable import SegmintCheck

/// The "can never hold" warning: contradictions on one facet inside one all/include.
final class NeverHoldTests: XCTestCase {
    private func warnings(_ build: (AST) -> [Condition]) -> [String] {
        let a = AST()
        let r = check([a.file([a.seg("s", include: build(a))])])
        XCTAssertFalse(r.diagnostics.hasErrors, "\(r.diagnostics)")
        return r.diagnostics.map(\.code)
    }

    private func mustWarn(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ build: (AST) -> [Condition]) {
        // The include requires the contradiction, so the segment can never match as well.
        XCTAssertEqual(warnings(build), ["W0301", "W0304"], what, file: file, line: line)
    }

    private func mustNotWarn(_ what: String, file: StaticString = #filePath, line: UInt = #line, _ build: (AST) -> [Condition]) {
        XCTAssertEqual(warnings(build), [], what, file: file, line: line)
    }

    func testSpecExampleAndPosition() throws {
        let a = AST()
        let first = a.c("age", .gt, a.n("60")), second = a.c("age", .lt, a.n("30"))
        let r = check([a.file([a.seg("s", include: [first, a.c("state", .eq, a.s("CA")), second])])])
        XCTAssertEqual(r.diagnostics.map(\.code), ["W0301", "W0304"])
        let d = try XCTUnwrap(r.diagnostics.first)
        XCTAssertEqual(d.message, "conditions on age can never hold together")
        guard case .predicate(let p1) = first.kind, case .predicate(let p2) = second.kind else { return XCTFail() }
        XCTAssertEqual(d.span, p2.span)
        XCTAssertEqual(d.notes.map(\.span), [p1.span])
    }

    func testContradictions() {
        mustWarn("two different equalities") { a in [a.c("state", .eq, a.s("CA")), a.c("state", .eq, a.s("OR"))] }
        mustWarn("= and !=") { a in [a.c("age", .eq, a.n("5")), a.c("age", .ne, a.n("5"))] }
        mustWarn("= 5 and != 5.0 (exact numbers)") { a in [a.c("lifetime_spend", .eq, a.n("5")), a.c("lifetime_spend", .ne, a.n("5.00"))] }
        mustWarn("is missing with a comparison") { a in [a.c(a.p("age", .isMissing(negated: false))), a.c("age", .gt, a.n("1"))] }
        mustWarn("is missing and is not missing") { a in [a.c(a.p("city", .isMissing(negated: false))), a.c(a.p("city", .isMissing(negated: true)))] }
        mustWarn("is missing with contains") { a in [a.c(a.p("city", .isMissing(negated: false))), a.c(a.p("city", .contains(StringLiteral(value: "x", span: a.span()))))] }
        mustWarn("disjoint in lists") { a in [a.c(a.p("state", .inList(negated: false, a.list([a.s("CA")])))),
                                               a.c(a.p("state", .inList(negated: false, a.list([a.s("OR"), a.s("WA")]))))] }
        mustWarn("in list fully excluded") { a in [a.c(a.p("state", .inList(negated: false, a.list([a.s("CA"), a.s("OR")])))),
                                                    a.c(a.p("state", .inList(negated: true, a.list([a.s("OR"), a.s("CA")]))))] }
        mustWarn("ordered enum ranges") { a in [a.c("loyalty_tier", .ge, a.s("gold")), a.c("loyalty_tier", .lt, a.s("silver"))] }
        mustWarn("ordered enum equality outside range") { a in [a.c("loyalty_tier", .eq, a.s("bronze")), a.c("loyalty_tier", .ge, a.s("gold"))] }
        mustWarn("int gap: > 5 and < 6") { a in [a.c("age", .gt, a.n("5")), a.c("age", .lt, a.n("6"))] }
        mustWarn("between and a bound") { a in [a.c(a.p("age", .between(a.n("20"), a.n("30")))), a.c("age", .ge, a.n("31"))] }
        mustWarn("point excluded") { a in [a.c("age", .ge, a.n("5")), a.c("age", .le, a.n("5")), a.c("age", .ne, a.n("5"))] }
        mustWarn("bool both ways") { a in [a.c("email_opt_out", .eq, a.b(true)), a.c("email_opt_out", .eq, a.b(false))] }
        mustWarn("bool != both") { a in [a.c("email_opt_out", .ne, a.b(true)), a.c("email_opt_out", .ne, a.b(false))] }
        mustWarn("decimal strict bounds touching") { a in [a.c("lifetime_spend", .gt, a.n("10.5")), a.c("lifetime_spend", .le, a.n("10.50"))] }
        mustWarn("date windows apart") { a in [a.c(a.p("signup_date", .window(a.window(.before(a.date("2024-01-01")))))),
                                                a.c(a.p("signup_date", .window(a.window(.since(a.date("2025-01-01"))))))] }
        mustWarn("fiscal year and date equality") { a in [a.c(a.p("signup_date", .window(a.window(.fiscalYear(2026))))),
                                                           a.c("signup_date", .eq, a.d("2026-02-01"))] }
        mustWarn("timestamp range vs later bound") { a in [a.c(a.p("last_login_at", .window(a.window(.range(a.date("2025-01-01"), a.date("2025-01-31")))))),
                                                            a.c("last_login_at", .ge, a.d("2025-02-01"))] }
        mustWarn("inside nested all") { a in [a.all([a.c("age", .gt, a.n("60")), a.c("age", .lt, a.n("30"))])] }
        mustWarn("has where on one field") { a in [a.has("purchase", [a.p("category", .eq, a.s("Outdoor")), a.p("category", .eq, a.s("Grocery"))])] }
    }

    func testSatisfiableCombinationsDoNotWarn() {
        mustNotWarn("range with room") { a in [a.c("age", .gt, a.n("30")), a.c("age", .lt, a.n("60"))] }
        mustNotWarn("touching inclusive") { a in [a.c("age", .ge, a.n("30")), a.c("age", .le, a.n("30"))] }
        mustNotWarn("decimal gap") { a in [a.c("lifetime_spend", .gt, a.n("5")), a.c("lifetime_spend", .lt, a.n("6"))] }
        mustNotWarn("same equality twice") { a in [a.c("state", .eq, a.s("CA")), a.c("state", .eq, a.s("CA"))] }
        mustNotWarn("5 and 5.0") { a in [a.c("lifetime_spend", .eq, a.n("5")), a.c("lifetime_spend", .eq, a.n("5.0"))] }
        mustNotWarn("!= only") { a in [a.c("state", .ne, a.s("CA")), a.c("state", .ne, a.s("OR")), a.c("state", .ne, a.s("WA"))] }
        mustNotWarn("overlapping lists") { a in [a.c(a.p("state", .inList(negated: false, a.list([a.s("CA"), a.s("OR")])))),
                                                  a.c(a.p("state", .inList(negated: false, a.list([a.s("OR"), a.s("WA")]))))] }
        mustNotWarn("different facets") { a in [a.c("age", .gt, a.n("60")), a.c("lifetime_spend", .lt, a.n("30"))] }
        mustNotWarn("inside any") { a in [a.any([a.c("age", .gt, a.n("60")), a.c("age", .lt, a.n("30"))])] }
        mustNotWarn("split across not") { a in [a.c("age", .gt, a.n("60")), a.not(a.c("age", .gt, a.n("30")))] }
        mustNotWarn("split across nested all") { a in [a.c("age", .gt, a.n("60")), a.all([a.c("age", .lt, a.n("30"))])] }
        mustNotWarn("timestamp after midnight") { a in [a.c("last_login_at", .gt, a.d("2025-01-01")), a.c("last_login_at", .lt, a.d("2025-01-02"))] }
        mustNotWarn("relative windows") { a in [a.c(a.p("signup_date", .window(a.window(.last(30, .day))))), a.c("signup_date", .lt, a.d("2000-01-01"))] }
        mustNotWarn("is not missing with comparison") { a in [a.c(a.p("age", .isMissing(negated: true))), a.c("age", .gt, a.n("1"))] }
        mustNotWarn("contains and equality") { a in [a.c("city", .eq, a.s("Paris")), a.c(a.p("city", .contains(StringLiteral(value: "x", span: a.span()))))] }
        mustNotWarn("separate has conditions") { a in [a.has("purchase", [a.p("category", .eq, a.s("Outdoor"))]),
                                                        a.has("purchase", [a.p("category", .eq, a.s("Grocery"))])] }
        mustNotWarn("timestamp range end day") { a in [a.c(a.p("last_login_at", .window(a.window(.range(a.date("2025-01-01"), a.date("2025-01-31")))))),
                                                        a.c("last_login_at", .gt, a.d("2025-01-31"))] }
        mustNotWarn("int extremes") { a in [a.c("age", .gt, a.n("9223372036854775806")), a.c("age", .le, a.n("9223372036854775807"))] }
    }

    func testWarnsOncePerFacet() {
        let a = AST()
        let r = check([a.file([a.seg("s", include: [a.c("age", .gt, a.n("60")), a.c("age", .lt, a.n("30")), a.c("age", .lt, a.n("20"))])])])
        XCTAssertEqual(r.diagnostics.map(\.code), ["W0301", "W0304"])
    }

    func testExactDecimal() {
        func d(_ s: String) -> ExactDecimal? { ExactDecimal(s) }
        XCTAssertEqual(d("5"), d("5.000"))
        XCTAssertEqual(d("-0"), d("0"))
        XCTAssertEqual(d("007.50"), d("7.5"))
        XCTAssertTrue(d("-3")! < d("-2.5")!)
        XCTAssertTrue(d("0.51")! < d("0.6")!)
        XCTAssertTrue(d("99")! < d("100")!)
        XCTAssertTrue(d("12345678901234567890.1")! > d("12345678901234567890.09")!)
        XCTAssertNil(d("1e5"))
        XCTAssertNil(d("abc"))
        XCTAssertEqual(d("-42")?.int64, -42)
    }
}
