import XCTest
import SegmintCore
@testable import SegmintCheck

final class SegmentSelectionTests: XCTestCase {
    func choose(_ requested: String?, _ names: [String]) -> Result<String, Diagnostic.Boxed> {
        SegmentSelection.choose(requested, among: names)
    }

    func testTheNamedSegmentOrTheOnlyOne() {
        XCTAssertEqual(try choose("b", ["a", "b"]).get(), "b")
        XCTAssertEqual(try choose(nil, ["only"]).get(), "only")
        XCTAssertEqual(try choose("only", ["only"]).get(), "only")
    }

    func testSeveralWithoutANameListsThem() throws {
        guard case .failure(let e) = choose(nil, ["a", "b", "c"]) else { return XCTFail("expected an error") }
        XCTAssertEqual(e.diagnostic.code, "E0501")
        XCTAssertEqual(e.diagnostic.message, "the input declares 3 segments; choose one with --segment")
        XCTAssertEqual(e.diagnostic.help, "segments: a, b, c")
    }

    func testNoSegmentAtAll() {
        guard case .failure(let e) = choose(nil, []) else { return XCTFail("expected an error") }
        XCTAssertEqual(e.diagnostic.message, "the input declares no segment")
        guard case .failure(let named) = choose("x", []) else { return XCTFail("expected an error") }
        XCTAssertEqual(named.diagnostic.message, "no segment named \"x\"")
        XCTAssertEqual(named.diagnostic.help, "the input declares no segment")
    }

    func testUnknownNameSuggestsAndCutsLongLists() {
        let names = (0..<19_868).map { "segment_\($0)" }
        guard case .failure(let e) = choose("segment_1x", names) else { return XCTFail("expected an error") }
        XCTAssertEqual(e.diagnostic.code, "E0501")
        XCTAssertEqual(e.diagnostic.message, "no segment named \"segment_1x\"")
        XCTAssertEqual(e.diagnostic.help, "did you mean \"segment_1\"? segments: "
                       + (0..<10).map { "segment_\($0)" }.joined(separator: ", ") + ", … and 19858 more")
        guard case .failure(let many) = choose(nil, names) else { return XCTFail("expected an error") }
        XCTAssertTrue(many.diagnostic.help?.hasSuffix("segment_9, … and 19858 more") == true, many.diagnostic.help ?? "")
    }

    func testHostileNameIsQuotedOnOneLine() {
        guard case .failure(let e) = choose("a\"b\nc\u{202E}", ["ab"]) else { return XCTFail("expected an error") }
        XCTAssertEqual(e.diagnostic.message, "no segment named \"a\\\"b\\nc\\u202e\"")
    }
}
