import XCTest
import SegmintCore
@testable import SegmintSyntax

// Builders for expected ASTs: spans do not take part in `==`, so they are `.none` here.
private let n = Span.none
private func id(_ s: String) -> Ident { Ident(name: s, span: n) }
private func facet(_ s: String, _ m: String? = nil) -> FacetRef { FacetRef(base: id(s), member: m.map(id), span: n) }
private func str(_ s: String) -> Literal { Literal(value: .string(s), span: n) }
private func num(_ s: String, decimal: Bool = false) -> Literal { Literal(value: .number(NumberLiteral(text: s, isDecimal: decimal)), span: n) }
private func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate? { CivilDate(year: y, month: m, day: d) }
private func pred(_ f: FacetRef, _ t: PredicateTest) -> SegmintSyntax.Predicate { Predicate(facet: f, test: t, span: n) }
private func cond(_ k: ConditionKind, _ tags: [GroundingTag] = []) -> Condition { Condition(kind: k, tags: tags, span: n) }
private func win(_ k: WindowKind) -> Window { Window(kind: k, span: n) }

final class ParserTests: XCTestCase {
    func testEmptyFileHasNoSegments() {
        XCTAssertEqual(parseClean("").segments.count, 0)
        XCTAssertEqual(parseClean("  \n# only a comment\n").segments.count, 0)
        XCTAssertEqual(parseClean("# only a comment").comments.map(\.text), [" only a comment"])
    }

    func testSegmentHeaderAndItems() throws {
        let f = parseClean("""
        segment lapsed "Lapsed buyers" {
          description "Spent \\"a lot\\"\\n\\ttabbed \\u{1F600}"
          as_of 2026-03-01
          include { }
          exclude { }
        }
        """)
        let s = try XCTUnwrap(f.segments.first)
        XCTAssertEqual(s.name.name, "lapsed")
        XCTAssertEqual(s.title?.value, "Lapsed buyers")
        XCTAssertEqual(s.description?.value, "Spent \"a lot\"\n\ttabbed 😀")
        XCTAssertEqual(s.asOf?.date, date(2026, 3, 1))
        XCTAssertEqual(s.include?.conditions.count, 0)
        XCTAssertEqual(s.exclude?.conditions.count, 0)
        XCTAssertEqual(s.items.count, 4)
    }

    func testSegmentWithoutTitleAndSeveralSegments() {
        let f = parseClean("segment a {} segment b { include { x = 1 } }")
        XCTAssertEqual(f.segments.map(\.name.name), ["a", "b"])
        XCTAssertNil(f.segments.first?.title)
    }

    func testComparisons() {
        for op in ComparisonOp.allCases {
            XCTAssertEqual(condition("age \(op.rawValue) 30"), cond(.predicate(pred(facet("age"), .compare(op, num("30"))))))
        }
        XCTAssertEqual(condition("spend >= -12.50"), cond(.predicate(pred(facet("spend"), .compare(.ge, num("-12.50", decimal: true))))))
        XCTAssertEqual(condition("opt_out = true"), cond(.predicate(pred(facet("opt_out"), .compare(.eq, Literal(value: .bool(true), span: n))))))
        XCTAssertEqual(condition("opt_out != false"), cond(.predicate(pred(facet("opt_out"), .compare(.ne, Literal(value: .bool(false), span: n))))))
        XCTAssertEqual(condition("signup_date < 2025-01-31"),
                       cond(.predicate(pred(facet("signup_date"), .compare(.lt, Literal(value: .date(date(2025, 1, 31)!), span: n))))))
        XCTAssertEqual(condition("purchase.category = \"Outdoor\""),
                       cond(.predicate(pred(facet("purchase", "category"), .compare(.eq, str("Outdoor"))))))
    }

    func testListsBetweenStringTestsAndMissing() {
        XCTAssertEqual(condition("state in [\"CA\", \"OR\",]"),
                       cond(.predicate(pred(facet("state"), .inList(negated: false, ListLiteral(values: [str("CA"), str("OR")], span: n))))))
        XCTAssertEqual(condition("state not in []"),
                       cond(.predicate(pred(facet("state"), .inList(negated: true, ListLiteral(values: [], span: n))))))
        XCTAssertEqual(condition("age between 18 and 30"), cond(.predicate(pred(facet("age"), .between(num("18"), num("30"))))))
        XCTAssertEqual(condition("email contains \"%_\""), cond(.predicate(pred(facet("email"), .contains(StringLiteral(value: "%_", span: n))))))
        XCTAssertEqual(condition("email starts_with \"a\""), cond(.predicate(pred(facet("email"), .startsWith(StringLiteral(value: "a", span: n))))))
        XCTAssertEqual(condition("phone is missing"), cond(.predicate(pred(facet("phone"), .isMissing(negated: false)))))
        XCTAssertEqual(condition("phone is not missing"), cond(.predicate(pred(facet("phone"), .isMissing(negated: true)))))
    }

    func testWindows() {
        XCTAssertEqual(condition("signup_date during last 30 days"), cond(.predicate(pred(facet("signup_date"), .window(win(.last(30, .day)))))))
        XCTAssertEqual(condition("signup_date during last 1 week"), cond(.predicate(pred(facet("signup_date"), .window(win(.last(1, .week)))))))
        XCTAssertEqual(condition("d during last 2 month"), cond(.predicate(pred(facet("d"), .window(win(.last(2, .month)))))))
        XCTAssertEqual(condition("d during last 3 years"), cond(.predicate(pred(facet("d"), .window(win(.last(3, .year)))))))
        XCTAssertEqual(condition("d during 2025-01-01 to 2025-03-31"),
                       cond(.predicate(pred(facet("d"), .window(win(.range(date(2025, 1, 1)!, date(2025, 3, 31)!)))))))
        XCTAssertEqual(condition("d during fiscal_year 2025"), cond(.predicate(pred(facet("d"), .window(win(.fiscalYear(2025)))))))
        XCTAssertEqual(condition("d during fiscal_quarter 2026 Q3"), cond(.predicate(pred(facet("d"), .window(win(.fiscalQuarter(2026, 3)))))))
        XCTAssertEqual(condition("d since 2024-02-29"), cond(.predicate(pred(facet("d"), .window(win(.since(date(2024, 2, 29)!)))))))
        XCTAssertEqual(condition("d before 2024-02-29"), cond(.predicate(pred(facet("d"), .window(win(.before(date(2024, 2, 29)!)))))))
    }

    func testBlocksNotAndInSegment() {
        let c = condition("any { all { a = 1 b = 2 } not c = 3 in segment vip }")
        let a1 = cond(.predicate(pred(facet("a"), .compare(.eq, num("1")))))
        let b2 = cond(.predicate(pred(facet("b"), .compare(.eq, num("2")))))
        let c3 = cond(.predicate(pred(facet("c"), .compare(.eq, num("3")))))
        XCTAssertEqual(c, cond(.any(Block(conditions: [cond(.all(Block(conditions: [a1, b2], span: n))),
                                                        cond(.not(c3)), cond(.inSegment(id("vip")))], span: n))))
        XCTAssertEqual(condition("not not in segment x"), cond(.not(cond(.not(cond(.inSegment(id("x"))))))))
    }

    func testHasConditions() {
        XCTAssertEqual(condition("has purchase"), cond(.has(HasCondition(event: id("purchase"), predicates: [], window: nil, aggregate: nil))))
        let full = condition("has purchase where category = \"Outdoor\" and amount > 10 during last 2 years count >= 2")
        XCTAssertEqual(full, cond(.has(HasCondition(
            event: id("purchase"),
            predicates: [pred(facet("category"), .compare(.eq, str("Outdoor"))), pred(facet("amount"), .compare(.gt, num("10")))],
            window: win(.last(2, .year)),
            aggregate: Aggregate(function: .count, test: .compare(.ge, NumberLiteral(text: "2", isDecimal: false), n), span: n)))))
        let agg = condition("has purchase since 2025-01-01 sum(amount) between 10 and 20.5")
        XCTAssertEqual(agg, cond(.has(HasCondition(
            event: id("purchase"), predicates: [], window: win(.since(date(2025, 1, 1)!)),
            aggregate: Aggregate(function: .sum(id("amount")),
                                 test: .between(NumberLiteral(text: "10", isDecimal: false), NumberLiteral(text: "20.5", isDecimal: true), n), span: n)))))
        for (kw, fn) in [("avg", AggregateFunction.avg(id("x"))), ("min", .min(id("x"))), ("max", .max(id("x"))), ("count_distinct", .countDistinct(id("x")))] {
            guard case .has(let h)? = condition("has e \(kw)(x) < 3")?.kind else { return XCTFail("not a has") }
            XCTAssertEqual(h.aggregate?.function, fn)
        }
    }

    func testPredicateWindowInsideWhereBindsFirst() {
        // `where ordered_at during …`: the window belongs to the predicate.
        guard case .has(let h)? = condition("has purchase where ordered_at during last 3 days")?.kind else { return XCTFail("not a has") }
        XCTAssertEqual(h.predicates, [pred(facet("ordered_at"), .window(win(.last(3, .day))))])
        XCTAssertNil(h.window)
        // `during` after a complete predicate is the window of the whole `has`.
        guard case .has(let h2)? = condition("has purchase where channel = \"online\" during last 3 days")?.kind else { return XCTFail("not a has") }
        XCTAssertEqual(h2.window, win(.last(3, .day)))
        XCTAssertEqual(h2.predicates.count, 1)
    }

    func testTagsAfterConditions() {
        let c = condition("lifetime_spend >= 500 [RETRIEVED: lifetime_spend] [INFERRED: 500 from \"high-value\"]")
        XCTAssertEqual(c?.tags, [
            GroundingTag(kind: .retrieved, subject: .name(facet("lifetime_spend")), from: nil, span: n),
            GroundingTag(kind: .inferred, subject: .value(num("500")), from: StringLiteral(value: "high-value", span: n), span: n),
        ])
        let h = condition("has purchase where category = \"Outdoor\" [RETRIEVED: purchase.category] [RETRIEVED: \"Outdoor\"]")
        XCTAssertEqual(h?.tags.map(\.subject), [.name(facet("purchase", "category")), .value(str("Outdoor"))])
        // A list after `in` is a list even when a tag follows it.
        let l = condition("state in [\"CA\"] [RETRIEVED: state]")
        XCTAssertEqual(l?.tags.count, 1)
        // Tags written after `not c` attach to c (the innermost condition).
        guard case .not(let inner)? = condition("not state = \"CA\" [RETRIEVED: state]")?.kind else { return XCTFail("not a not") }
        XCTAssertEqual(inner.tags.count, 1)
        // Tags after a block belong to the block condition.
        XCTAssertEqual(condition("all { a = 1 } [INFERRED: 2026-01-01]")?.tags.map(\.kind), [.inferred])
    }

    func testContextualWordsAreNames() {
        // RETRIEVED, INFERRED and Q1 are not reserved.
        XCTAssertEqual(condition("RETRIEVED = 1"), cond(.predicate(pred(facet("RETRIEVED"), .compare(.eq, num("1"))))))
        XCTAssertEqual(condition("Q1 is missing"), cond(.predicate(pred(facet("Q1"), .isMissing(negated: false)))))
    }

    func testCommentsAreKept() {
        let f = parseClean("# head\nsegment a { # after brace\n}\n# tail")
        XCTAssertEqual(f.comments.map(\.text), [" head", " after brace", " tail"])
        XCTAssertEqual(f.comments.first?.span, Span(file: 0, start: 0, end: 6))
    }

    func testSpansPointAtSource() throws {
        let text = "segment s { include { state = \"CA\" } }"
        let f = parseClean(text)
        let c = try XCTUnwrap(f.segments.first?.include?.conditions.first)
        let source = SourceFile(id: 0, path: "t", text: text)
        XCTAssertEqual(source.text(of: c.span), "state = \"CA\"")
        XCTAssertEqual(source.text(of: try XCTUnwrap(f.segments.first?.span)), text)
    }

    func testSpecExampleParses() throws {
        let f = parseClean(specExample)
        let s = try XCTUnwrap(f.segments.first)
        XCTAssertEqual(s.name.name, "lapsed_outdoor")
        XCTAssertEqual(s.include?.conditions.count, 4)
        XCTAssertEqual(s.exclude?.conditions.count, 2)
        XCTAssertEqual(s.include?.conditions[2].tags.count, 2)
        XCTAssertEqual(f.comments.count, 1)
    }
}

let specExample = """
# High-value West-coast outdoor buyers who have not bought recently
segment lapsed_outdoor "Lapsed outdoor buyers" {
  description "Spent 500+ overall, 2+ outdoor orders in the last 2 years, none in 180 days"
  as_of 2026-03-01

  include {
    state in ["CA", "OR", "WA"]                  [RETRIEVED: state]
    lifetime_spend >= 500                        [RETRIEVED: lifetime_spend] [INFERRED: 500 from "high-value"]
    has purchase where category = "Outdoor" during last 2 years count >= 2
                                                 [RETRIEVED: purchase.category] [RETRIEVED: "Outdoor"]
    any {
      loyalty_tier >= "gold"
      in segment newsletter_readers
    }
  }
  exclude {
    has purchase during last 180 days
    email_opt_out = true
  }
}

"""
