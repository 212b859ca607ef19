import XCTest
import SegmintCore
@testable import SegmintSyntax

/// Every `.seg` file the project keeps must parse and obey the formatter laws.
///
/// Convention (shared with the `check` golden tests): a file under a directory named
/// `errors/` or named `*.bad.seg` is meant to have syntax errors; a file with a `.diag`
/// beside it has its exact diagnostics pinned by the check golden test, so here it only
/// has to parse without crashing; every other `.seg` file under grammar/, golden/ and
/// examples/ must parse without a syntax error.
final class CorpusTests: XCTestCase {
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static func segFiles() -> [String] {
        var out: [String] = []
        for dir in ["grammar", "golden", "examples"] {
            let base = root + "/" + dir
            guard let e = FileManager.default.enumerator(atPath: base) else { continue }
            for case let rel as String in e where rel.hasSuffix(".seg") { out.append(base + "/" + rel) }
        }
        return out.sorted()
    }

    static func expectsErrors(_ path: String) -> Bool { path.contains("/errors/") || path.hasSuffix(".bad.seg") }
    static func pinnedByDiag(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: String(path.dropLast(4)) + ".diag")
    }

    func testEveryCorpusFileParses() throws {
        let files = CorpusTests.segFiles()
        XCTAssertGreaterThan(files.count, 10)
        for path in files {
            let source = SourceFile(id: 0, path: path, bytes: try FileInput.read(path))
            let r = Parser.parse(source)
            if CorpusTests.expectsErrors(path) {
                XCTAssertTrue(r.diagnostics.hasErrors, "\(path) is marked as bad but parses cleanly")
            } else if CorpusTests.pinnedByDiag(path) {
                continue // its .diag golden pins the exact diagnostics
            } else {
                XCTAssertEqual(r.diagnostics.map(\.message), [], path)
            }
        }
    }

    func testFormatterLawsOverTheCorpus() throws {
        for path in CorpusTests.segFiles() where !CorpusTests.expectsErrors(path) {
            assertFormatLaws(String(decoding: try FileInput.read(path), as: UTF8.self), path)
        }
    }

    func testGrammarKeywordsMatchTheReservedList() throws {
        // The EBNF's RESERVED rule and the lexer's keyword table are the same set.
        let ebnf = String(decoding: try FileInput.read(CorpusTests.root + "/grammar/segment.ebnf"), as: UTF8.self)
        guard let start = ebnf.range(of: "RESERVED    ="), let end = ebnf.range(of: ";", range: start.upperBound..<ebnf.endIndex) else {
            return XCTFail("RESERVED rule not found")
        }
        let words = ebnf[start.upperBound..<end.lowerBound].split(separator: "|").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        XCTAssertEqual(Set(words), Keywords.reserved)
        XCTAssertEqual(Set(Keywords.spelling), Keywords.reserved)
        for word in Keywords.reserved {
            let kind = Lexer.tokenize(SourceFile(id: 0, path: "k", text: word)).tokens.first?.kind
            XCTAssertEqual(kind?.fixedText, word, word)
        }
    }
}
