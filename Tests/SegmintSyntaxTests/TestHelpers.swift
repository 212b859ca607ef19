import XCTest
import SegmintCore
@testable import SegmintSyntax

/// Parses `text` as file id 0.
func parse(_ text: String) -> ParseResult {
    Parser.parse(SourceFile(id: 0, path: "test.seg", text: text))
}

/// Parses text that must have no diagnostics and returns its AST.
func parseClean(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SegFile {
    let r = parse(text)
    XCTAssertEqual(r.diagnostics.map(\.message), [], "unexpected diagnostics", file: file, line: line)
    return r.file
}

/// The single condition of `segment s { include { <condition> } }`.
func condition(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Condition? {
    let f = parseClean("segment s { include { \(text) } }", file: file, line: line)
    let c = f.segments.first?.include?.conditions
    XCTAssertEqual(c?.count, 1, "expected exactly one condition", file: file, line: line)
    return c?.first
}

let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

/// Removes the markers (1️⃣ …) from `text`, returning the clean text and each marker's
/// 1-based line and column in it.
func strippingMarkers(_ text: String) -> (String, [String: (line: Int, column: Int)]) {
    var clean = text
    var offsets: [(String, Int)] = []
    while let (marker, range) = markers.compactMap({ m in clean.range(of: m).map { (m, $0) } })
        .min(by: { $0.1.lowerBound < $1.1.lowerBound }) {
        offsets.append((marker, clean.utf8.distance(from: clean.startIndex, to: range.lowerBound)))
        clean.removeSubrange(range)
    }
    let source = SourceFile(id: 0, path: "test.seg", text: clean)
    var result: [String: (Int, Int)] = [:]
    for (m, o) in offsets { let l = source.location(of: o); result[m] = (l.line, l.column) }
    return (clean, result)
}

/// Asserts that parsing `text` (with markers) gives exactly these diagnostics, each starting
/// at its marker's line and column.
func assertDiagnostics(_ text: String, _ expected: [(String, String)],
                       file: StaticString = #filePath, line: UInt = #line) {
    let (clean, places) = strippingMarkers(text)
    let source = SourceFile(id: 0, path: "test.seg", text: clean)
    let result = Parser.parse(source)
    let actual = result.diagnostics.map { d -> String in
        let loc = d.span.map { source.location(of: $0.start) }
        return "\(loc?.line ?? 0):\(loc?.column ?? 0): \(d.message)"
    }
    let wanted = expected.map { (marker, message) -> String in
        let p = places[marker]
        return "\(p?.line ?? -1):\(p?.column ?? -1): \(message)"
    }
    XCTAssertEqual(actual, wanted, file: file, line: line)
}
