import XCTest
import SegmintCore
@testable import SegmintSyntax

/// Segments built in code and printed by `Formatter.print` read exactly as `fmt` writes them.
final class ASTPrintTests: XCTestCase {
    func testSpecExampleBuiltInCodePrintsAsFmtWritesIt() throws {
        let date = try XCTUnwrap(CivilDate(iso: "2026-03-01"))
        let five = try XCTUnwrap(NumberLiteral("500"))
        let segment = SegmentDecl(
            name: "lapsed_outdoor", title: "Lapsed outdoor buyers",
            description: "Spent 500+ overall, 2+ outdoor orders in the last 2 years, none in 180 days", asOf: date,
            include: [
                .predicate("state", .list(["CA", "OR", "WA"].map(Literal.string)), tags: [.retrieved(name: "state")]),
                .predicate("lifetime_spend", .compare(.ge, .number(five)),
                           tags: [.retrieved(name: "lifetime_spend"), .inferred(value: .number(five), from: "high-value")]),
                .has("purchase", where: [Predicate("category", .compare(.eq, .string("Outdoor")))], window: .last(2, .year),
                     aggregate: Aggregate(.count, .ge, NumberLiteral(2)),
                     tags: [.retrieved(name: "purchase.category"), .retrieved(value: .string("Outdoor"))]),
                .any([.predicate("loyalty_tier", .compare(.ge, .string("gold"))), .inSegment("newsletter_readers")]),
            ],
            exclude: [.has("purchase", window: .last(180, .day)), .predicate("email_opt_out", .compare(.eq, .bool(true)))])
        let printed = Formatter.print(segment: segment, header: ["High-value West-coast outdoor buyers who have not bought recently"])
        XCTAssertEqual(printed, format(specExample))
        // Parses back to the same AST (equality ignores spans).
        let reparsed = Parser.parse(SourceFile(id: 0, path: "built.seg", text: printed))
        XCTAssertEqual(reparsed.diagnostics.map(\.message), [])
        XCTAssertEqual(reparsed.file.segments, [segment])
    }

    func testHeaderLinesStayOneCommentEach() {
        let printed = Formatter.print(segment: SegmentDecl(name: "s", include: []), header: ["a\nb\r\nc  ", ""])
        XCTAssertEqual(printed, "# a b  c\n#\nsegment s {\n  include {}\n}\n")
    }

    func testSegmentsAreSeparatedByOneBlankLine() {
        let printed = Formatter.print(segments: [SegmentDecl(name: "a"), SegmentDecl(name: "b", exclude: [.inSegment("a")])])
        XCTAssertEqual(printed, "segment a {}\n\nsegment b {\n  exclude {\n    in segment a\n  }\n}\n")
        XCTAssertEqual(Formatter.print(segments: []), "")
    }

    func testOneLineConditions() {
        let c: Condition = .not(.any([
            .predicate("city", .contains(StringLiteral("a\"b\u{202E}"))),
            .all([.predicate("age", .compare(.gt, .int(3)), tags: [.retrieved(name: "age")]), .predicate("x", .isMissing(negated: true))]),
            .all([]),
        ]))
        XCTAssertEqual(Formatter.print(condition: c),
                       "not any { city contains \"a\\\"b\\u{202E}\" all { age > 3 [RETRIEVED: age] x is not missing } all {} }")
        XCTAssertEqual(Formatter.print(condition: c, tags: false),
                       "not any { city contains \"a\\\"b\\u{202E}\" all { age > 3 x is not missing } all {} }")
        XCTAssertEqual(Formatter.print(block: Block([.inSegment("a"), .predicate("b", .isMissing(negated: false))])), "{ in segment a b is missing }")
        XCTAssertEqual(Formatter.print(block: Block([])), "{}")
        XCTAssertEqual(Formatter.print(test: .during(.fiscalQuarter(2026, 1))), "during fiscal_quarter 2026 Q1")
        XCTAssertEqual(Formatter.print(aggregate: Aggregate(.sum(Ident("amount")), between: NumberLiteral(10), and: NumberLiteral(20))),
                       "sum(amount) between 10 and 20")
        XCTAssertEqual(Formatter.print(tag: .inferred(value: .int(500), from: "big")), "[INFERRED: 500 from \"big\"]")
    }

    /// Every condition of generated files, printed on one line, parses back to itself.
    func testOneLineConditionsParseBack() {
        var gen = SegGenerator(seed: 0x0DE_11E5)
        var checked = 0
        for _ in 0..<200 {
            let parsed = Parser.parse(SourceFile(id: 0, path: "g.seg", text: gen.file()))
            guard !parsed.diagnostics.hasErrors else { continue }
            for segment in parsed.file.segments {
                for c in (segment.include?.conditions ?? []) + (segment.exclude?.conditions ?? []) {
                    let text = "segment s { include { " + Formatter.print(condition: c) + " } }"
                    let back = Parser.parse(SourceFile(id: 0, path: "c.seg", text: text))
                    XCTAssertEqual(back.diagnostics.map(\.message), [], text)
                    XCTAssertEqual(back.file.segments.first?.include?.conditions, [c], text)
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// A segment parsed from text and printed from its AST alone equals `fmt` of that text
    /// with the comments taken out.
    func testPrintEqualsFmtWithoutComments() {
        var gen = SegGenerator(seed: 0x5EC_0002)
        for i in 0..<200 {
            let source = SourceFile(id: 0, path: "g\(i).seg", text: gen.file())
            var parsed = Parser.parse(source)
            guard !parsed.diagnostics.hasErrors else { continue }
            parsed.file.comments = []
            XCTAssertEqual(Formatter.print(segments: parsed.file.segments), Formatter.format(parsed.file, source: source))
        }
    }

    func testNumberLiteralsFromText() {
        XCTAssertEqual(NumberLiteral("-3.50"), NumberLiteral(text: "-3.50", isDecimal: true))
        XCTAssertEqual(NumberLiteral("12"), NumberLiteral(text: "12", isDecimal: false))
        for bad in ["", "-", "1.", ".5", "1e3", "12a", "--1", "1.2.3", " 1"] { XCTAssertNil(NumberLiteral(bad), bad) }
    }

    func testFacetPaths() {
        XCTAssertEqual(FacetRef("purchase.category").description, "purchase.category")
        XCTAssertEqual(FacetRef("state").member, nil)
    }
}
