import XCTest
import SegmintCore
@testable import SegmintSyntax

/// Did-you-mean for misspelt keywords, unclosed braces at their "{", bare words recorded
/// with the facet they were compared with.
final class ParserHintTests: XCTestCase {
    private func run(_ text: String) -> (ParseResult, SourceFile) {
        let file = SourceFile(id: 0, path: "a.seg", text: text)
        return (Parser.parse(file), file)
    }

    private func helps(_ text: String) -> [String?] { run(text).0.diagnostics.map(\.help) }

    func testMisspeltKeywordsGetDidYouMean() {
        XCTAssertEqual(helps("segment s {\n  inclde { age >= 18 }\n}"), ["did you mean \"include\"?"])
        XCTAssertEqual(helps("segment s {\n  exlude { age >= 18 }\n}"), ["did you mean \"exclude\"?"])
        XCTAssertEqual(helps("segmnt s { include { age > 1 } }"), ["did you mean \"segment\"?"])
        XCTAssertEqual(helps("segment s { include { has order wher amount > 1 } }"), ["\"wher\" is not a keyword; did you mean \"where\"?"])
        XCTAssertEqual(helps("segment s { include { ayn { age > 1 } } }").first, "\"ayn\" is not a keyword; did you mean \"any\"?")
        XCTAssertEqual(helps("segment s { include { age betwen 1 and 3 } }"), ["did you mean \"between\"?"])
        XCTAssertEqual(helps("segment s { include { age is mising } }"), ["did you mean \"missing\"?"])
        XCTAssertEqual(helps("segment s { include { d during last 3 dayz } }"), ["did you mean \"days\"?"])
    }

    func testNoKeywordHintForWordsFarFromEveryKeyword() {
        XCTAssertEqual(helps("segment s {\n  conditions { age >= 18 }\n}"), ["conditions go inside include { … } or exclude { … }"])
        XCTAssertEqual(helps("segment s { include { age country = \"US\" } }"), [nil])
    }

    func testUnclosedBracePointsAtTheOpenBraceWithANoteAtTheEnd() throws {
        let text = "segment s {\n  include {\n    age > 1\n  }\n\n"
        let (r, file) = run(text)
        let d = try XCTUnwrap(r.diagnostics.first)
        XCTAssertEqual(r.diagnostics.count, 1)
        XCTAssertEqual(d.code, ParseCode.unclosed)
        XCTAssertEqual(d.message, "unclosed \"{\" of segment \"s\"")
        XCTAssertEqual(d.span, Span(file: 0, start: 10, end: 11), "the segment's {")
        XCTAssertEqual(d.help, "add \"}\" to close it")
        let note = try XCTUnwrap(d.notes.first)
        XCTAssertEqual(note.message, "the file ends here")
        XCTAssertEqual(file.location(of: note.span.start).line, 4, "after the last text, not on the blank lines")

        let (next, _) = run("segment s { include { age > 1 }\nsegment t {}")
        XCTAssertEqual(next.diagnostics.map(\.message), ["unclosed \"{\" of segment \"s\""])
        XCTAssertEqual(next.diagnostics.first?.notes.map(\.message), ["keyword \"segment\" comes before the \"}\""])
        let (block, _) = run("segment s { include { all { age > 1 }\n}")
        XCTAssertEqual(block.diagnostics.map(\.message), ["unclosed \"{\" of segment \"s\""])
        let (inner, _) = run("segment s { include { any { age > 1 }\n exclude { age < 0 } }")
        XCTAssertEqual(inner.diagnostics.map(\.message), ["unclosed \"{\" of include"])
    }

    func testBareWordsAreRecordedWithTheirFacet() {
        let (r, _) = run("segment s { include {\n  flag = yes\n  has order where kind = web\n  e.f in [a]\n} }")
        XCTAssertEqual(r.bareWords.map(\.word), ["yes", "web", "a"])
        XCTAssertEqual(r.bareWords.map { $0.subject.description }, ["flag", "kind", "e.f"])
        XCTAssertEqual(r.bareWords.map(\.event), [nil, "order", nil])
        XCTAssertEqual(r.bareWords.map(\.span), r.diagnostics.filter { $0.help?.hasPrefix("write text") == true }.compactMap(\.span))
        XCTAssertEqual(run("segment s { include { x = 1 [RETRIEVED: yes] } }").0.bareWords, [], "tags are not values of a facet")
    }
}
