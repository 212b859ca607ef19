import XCTest
import SegmintCore
@testable import SegmintSyntax

final class LexerTests: XCTestCase {
    func lex(_ text: String) -> [Token] { Lexer.tokenize(SourceFile(id: 0, path: "l", text: text)).tokens }

    func testTokensCarryByteSpans() {
        XCTAssertEqual(lex("segment a_1 \"t\" { x.y <= -12.5 2026-03-01 }# c"), [
            Token(kind: .kwSegment, start: 0, end: 7),
            Token(kind: .ident, start: 8, end: 11),
            Token(kind: .string, start: 12, end: 15),
            Token(kind: .lbrace, start: 16, end: 17),
            Token(kind: .ident, start: 18, end: 19),
            Token(kind: .dot, start: 19, end: 20),
            Token(kind: .ident, start: 20, end: 21),
            Token(kind: .le, start: 22, end: 24),
            Token(kind: .decimal, start: 25, end: 30),
            Token(kind: .date, start: 31, end: 41),
            Token(kind: .rbrace, start: 42, end: 43),
            Token(kind: .eof, start: 46, end: 46),
        ])
    }

    func testPunctuationAndOperators() {
        XCTAssertEqual(lex("[](),:= != < > >= <=").map(\.kind),
                       [.lbracket, .rbracket, .lparen, .rparen, .comma, .colon, .eq, .ne, .lt, .gt, .ge, .le, .eof])
    }

    func testKeywordsAreExactAndCaseSensitive() {
        XCTAssertEqual(lex("count count_distinct counts Count in is to day days x").map(\.kind),
                       [.kwCount, .kwCountDistinct, .ident, .ident, .kwIn, .kwIs, .kwTo, .kwDay, .kwDays, .ident, .eof])
        XCTAssertEqual(lex("RETRIEVED INFERRED Q1 fiscal_quarterx").map(\.kind), [.ident, .ident, .ident, .ident, .eof])
    }

    func testStringDecoding() {
        let text = #""a\"b\\c\nd\te\u{1F600}\u{41}""#
        let source = SourceFile(id: 0, path: "s", text: text)
        let tokens = Lexer.tokenize(source)
        XCTAssertEqual(tokens.diagnostics.count, 0)
        XCTAssertEqual(tokens.tokens.first?.hasEscapes, true)
        XCTAssertEqual(tokens.tokens.first.map { Lexer.decodeString(source.bytes, $0) }, "a\"b\\c\nd\te😀A")
    }

    func testMinusOnlyStartsANumberBeforeADigit() {
        let r = Lexer.tokenize(SourceFile(id: 0, path: "m", text: "- 3 -3"))
        XCTAssertEqual(r.tokens.map(\.kind), [.invalid, .int, .int, .eof])
        XCTAssertEqual(r.diagnostics.map(\.message), ["unexpected character \"-\""])
    }

    func testCommentsAreCollectedWithSpans() {
        let r = Lexer.tokenize(SourceFile(id: 0, path: "c", text: "a # one\r\n# two"))
        XCTAssertEqual(r.comments.map(\.text), [" one", " two"])
        XCTAssertEqual(r.comments.map(\.span.start), [2, 9])
    }
}
