import XCTest
import Foundation
import SegmintCore
@testable import SegmintSyntax

/// Hostile and broken input: each ends in diagnostics at the right place, never a crash.
final class BadInputTests: XCTestCase {
    func testUnterminatedStringAtEndOfFile() {
        assertDiagnostics("segment s 1️⃣\"Lapsed2️⃣", [
            ("1️⃣", "unterminated string literal"),
            ("2️⃣", "expected \"{\" to open segment \"s\", found end of file"),
        ])
    }

    func testRawNewlineInString() {
        // A string ends at the end of its line, so a forgotten quote costs one diagnostic.
        assertDiagnostics("segment s {\n  description 1️⃣\"two\n  as_of 2026-01-01\n}", [
            ("1️⃣", "newline inside string literal"),
        ])
        // A string written over two lines is reported first; what follows is debris.
        let r = parse("segment s {\n  description \"two\n  lines\"\n}")
        XCTAssertEqual(r.diagnostics.first?.message, "newline inside string literal")
        XCTAssertEqual(r.diagnostics.first?.span, Span(file: 0, start: 26, end: 30))
    }

    func testStringErrors() {
        assertDiagnostics("segment s { description \"a1️⃣\\q b2️⃣\\u{D800} c3️⃣\\u{110000} d4️⃣\\u{} e5️⃣\\u12\" }", [
            ("1️⃣", "unknown escape \"\\q\" in string literal"),
            ("2️⃣", "invalid unicode escape: not a Unicode scalar value"),
            ("3️⃣", "invalid unicode escape: not a Unicode scalar value"),
            ("4️⃣", "invalid unicode escape: not a Unicode scalar value"),
            ("5️⃣", "invalid unicode escape: expected \"{\" after \\u"),
        ])
    }

    func testStrayCharactersAreReportedOncePerRun() {
        assertDiagnostics("segment s { include { x = 1 1️⃣@@@ y = 2️⃣$ } }", [
            ("1️⃣", "unexpected characters \"@@@\""),
            ("2️⃣", "unexpected character \"$\""),
        ])
        assertDiagnostics("segment s { include { x =1️⃣= 1 } }", [
            ("1️⃣", "expected a value (string, number, date, true or false), found \"=\""),
        ])
        // The stray token is skipped silently by the parser, so no second diagnostic follows.
        assertDiagnostics("segment s { include { 1️⃣é = 1 } }", [("1️⃣", "unexpected character \"é\"")])
    }

    func testInvalidDates() {
        assertDiagnostics("segment s { as_of 1️⃣2025-02-30 include { d < 2️⃣2024-13-01 e > 3️⃣2025-1-1 f > 2024-02-29 } }", [
            ("1️⃣", "invalid date \"2025-02-30\""),
            ("2️⃣", "invalid date \"2024-13-01\""),
            ("3️⃣", "invalid date \"2025-1-1\""),
        ])
        let r = parse("segment s { as_of 2025-02-30 }")
        XCTAssertEqual(r.diagnostics.first?.help, "February 2025 has 28 days")
        XCTAssertEqual(r.diagnostics.first?.span, Span(file: 0, start: 18, end: 28))
    }

    func testNumbersOutOfRange() {
        assertDiagnostics("""
        segment s { include {
          a = 9223372036854775807
          b = -9223372036854775808
          c = 1️⃣9223372036854775808
          d = 2️⃣-9223372036854775809
          e = 12345678901234567890.123456789012345678
          f = 3️⃣12345678901234567890.1234567890123456789
          g = 0000000000000000000000000000000000000001.5
          h = 4️⃣12abc
        } }
        """, [
            ("1️⃣", "number out of range: integers must fit in 64 bits"),
            ("2️⃣", "number out of range: integers must fit in 64 bits"),
            ("3️⃣", "number out of range: a decimal has at most 38 significant digits"),
            ("4️⃣", "invalid number \"12abc\""),
        ])
    }

    func testInvalidUTF8() {
        var bytes = Array("segment s { include { x = 1 } }\n".utf8)
        bytes.insert(contentsOf: [0xFF, 0xC0, 0x80], at: 12)
        let source = SourceFile(id: 0, path: "bad.seg", bytes: bytes)
        let r = Parser.parse(source)
        XCTAssertEqual(r.diagnostics.map(\.message), ["invalid UTF-8"])
        XCTAssertEqual(r.diagnostics.first?.span, Span(file: 0, start: 12, end: 15))
        // Invalid UTF-8 inside a string and a comment is reported too.
        let inString = SourceFile(id: 0, path: "b", bytes: Array("segment s \"a".utf8) + [0xED, 0xA0, 0x80] + Array("\" {} # x".utf8) + [0xFE])
        XCTAssertEqual(Parser.parse(inString).diagnostics.map(\.message), ["invalid UTF-8 in string literal", "invalid UTF-8 in comment"])
    }

    func testBinaryGarbageEndsInBoundedDiagnostics() {
        var rng = SystemRandomNumberGenerator()
        var bytes = [UInt8]()
        for _ in 0..<200_000 { bytes.append(UInt8.random(in: 0...255, using: &rng)) }
        let r = Parser.parse(SourceFile(id: 0, path: "garbage", bytes: bytes))
        XCTAssertTrue(r.diagnostics.hasErrors)
        XCTAssertLessThanOrEqual(r.diagnostics.count, 2 * 502)
        // A fixed garbage input as well, so a failure here is reproducible.
        let fixed = (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }
        XCTAssertTrue(Parser.parse(SourceFile(id: 0, path: "fixed", bytes: fixed)).diagnostics.hasErrors)
    }

    func testTenThousandDeepNotEndsInOneDiagnostic() {
        let text = "segment s { include { " + String(repeating: "not ", count: 10_000) + "x = 1 } }\nsegment t { include { y = } }"
        let r = parse(text)
        XCTAssertEqual(r.diagnostics.map(\.message), [
            "nesting too deep: more than \(Parser.maxNesting) levels of all, any and not",
            "expected a value (string, number, date, true or false), found \"}\"",
        ])
        XCTAssertEqual(r.diagnostics.first?.span?.start, 22 + 4 * Parser.maxNesting)
        XCTAssertEqual(r.file.segments.map(\.name.name), ["s", "t"], "parsing goes on after the deep part")
    }

    func testTenThousandDeepAllEndsInOneDiagnostic() {
        let text = "segment s { include { " + String(repeating: "all { ", count: 10_000) + "x = 1" + String(repeating: " }", count: 10_000) + " } }"
        let r = parse(text)
        XCTAssertEqual(r.diagnostics.map(\.message), ["nesting too deep: more than \(Parser.maxNesting) levels of all, any and not"])
        // Unclosed deep nesting ends in the same diagnostic plus one per "{" left open above it.
        let open = parse("segment s { include { " + String(repeating: "any { ", count: 10_000))
        let messages = open.diagnostics.map(\.message)
        XCTAssertEqual(messages.filter { $0.hasPrefix("nesting too deep") }, ["nesting too deep: more than \(Parser.maxNesting) levels of all, any and not"])
        XCTAssertEqual(messages.filter { $0.hasPrefix("unclosed") }.count, Parser.maxNesting + 2, "the any blocks, the include and the segment")
    }

    func testNestingAtTheLimitIsFine() {
        let n = Parser.maxNesting
        let text = "segment s { include { " + String(repeating: "all { ", count: n) + "x = 1" + String(repeating: " }", count: n) + " } }"
        XCTAssertEqual(parse(text).diagnostics.map(\.message), [])
        XCTAssertEqual(parse("segment s { include { " + String(repeating: "not ", count: n) + "x = 1 } }").diagnostics.count, 0)
        XCTAssertEqual(parse("segment s { include { " + String(repeating: "not ", count: n + 1) + "x = 1 } }").diagnostics.count, 1)
    }

    func testDeepestNestingFitsInASmallThreadStack() {
        // The limit keeps the parser's stack bounded: the deepest legal nesting (and far
        // deeper input) parses on a thread with a 1 MB stack, even in a debug build.
        let text = "segment s { include { " + String(repeating: "all { not any { ", count: 1_000) + "x = 1"
            + String(repeating: " } }", count: 1_000) + " } }"
        let done = expectation(description: "parsed on a small stack")
        nonisolated(unsafe) var count = -1
        let thread = Thread {
            count = parse(text).diagnostics.count
            done.fulfill()
        }
        thread.stackSize = 1 << 20
        thread.start()
        wait(for: [done], timeout: 60)
        XCTAssertEqual(count, 1)
    }

    func testOneMegabyteLine() {
        let conditions = String(repeating: "state = \"CA\" ", count: 80_000)
        let text = "segment s { include { " + conditions + "x = } }"
        XCTAssertGreaterThan(text.utf8.count, 1_000_000)
        let r = parse(text)
        XCTAssertEqual(r.diagnostics.count, 1)
        XCTAssertEqual(r.file.segments.first?.include?.conditions.count, 80_000)
        let source = SourceFile(id: 0, path: "long", text: text)
        XCTAssertEqual(source.location(of: r.diagnostics.first?.span?.start ?? 0).column, text.utf8.count - 2)
        // A 1 MB string literal that never ends.
        let open = parse("segment s \"" + String(repeating: "a", count: 1_000_000))
        XCTAssertEqual(open.diagnostics.first?.message, "unterminated string literal")
    }

    func testTooManyErrorsStops() {
        let text = "segment s { include { " + String(repeating: "x =\n", count: 5_000) + "} }"
        let r = parse(text)
        XCTAssertEqual(r.diagnostics.last?.message, "too many syntax errors; stopping here")
        XCTAssertEqual(r.diagnostics.count, 501)
    }

    func testUnterminatedComment() {
        // A comment runs to the end of the line or file; one at end of file is fine.
        let r = parse("segment s {} # no newline at the end")
        XCTAssertEqual(r.diagnostics.count, 0)
        XCTAssertEqual(r.file.comments.map(\.text), [" no newline at the end"])
    }

    func testByteOrderMarkAndCRLF() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("segment s {\r\n  include { x = 1 } # c\r\n}\r\n".utf8)
        let r = Parser.parse(SourceFile(id: 0, path: "bom", bytes: bytes))
        XCTAssertEqual(r.diagnostics.count, 0)
        XCTAssertEqual(r.file.comments.map(\.text), [" c"])
    }

    func testMutatedInputsGiveDiagnosticsInsideTheFile() {
        // Valid generated files with a byte range deleted or garbage inserted: the parser
        // ends, and every diagnostic points inside the file with start <= end.
        var gen = SegGenerator(seed: 0xBAD_5EED)
        for _ in 0..<400 {
            var bytes = Array(gen.file().utf8)
            guard !bytes.isEmpty else { continue }
            let at = gen.int(bytes.count)
            if gen.chance(50) {
                bytes.removeSubrange(at..<min(bytes.count, at + 1 + gen.int(12)))
            } else {
                bytes.insert(contentsOf: (0..<(1 + gen.int(6))).map { _ in UInt8(truncatingIfNeeded: gen.next()) }, at: at)
            }
            let r = Parser.parse(SourceFile(id: 0, path: "m", bytes: bytes))
            for d in r.diagnostics {
                guard let span = d.span else { XCTFail("diagnostic without a span: \(d.message)"); continue }
                XCTAssertTrue(span.start <= span.end && span.end <= bytes.count, "\(d.message) at \(span)")
                XCTAssertFalse(d.message.isEmpty)
            }
        }
    }
}
