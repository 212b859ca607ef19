import XCTest
import SegmintCore
@testable import SegmintSyntax

/// Colour in the human diagnostic form, and the rule that decides when to use it.
final class DiagnosticColorTests: XCTestCase {
    func render(color: Bool) -> String {
        let sources = SourceMap()
        let file = sources.add(path: "a.seg", text: "segment s {\n  include { age >= }\n}\n")
        let diags = Parser.parse(file).diagnostics + [
            Diagnostic(code: "W0301", severity: .warning, message: "w", span: Span(file: file.id, start: 0, end: 7), help: "h"),
        ]
        return DiagnosticRenderer(sources: sources, color: color).human(diags)
    }

    func testPlainByDefaultWithCodesInBrackets() {
        let sources = SourceMap()
        let file = sources.add(path: "a.seg", text: "segment s {\n  include { age >= }\n}\n")
        let text = DiagnosticRenderer(sources: sources).human(Parser.parse(file).diagnostics)
        XCTAssertFalse(text.contains("\u{1B}"), text)
        XCTAssertTrue(text.hasPrefix("a.seg:2:20: error[E0151]: expected a value"), text)
        XCTAssertEqual(render(color: false), render(color: true).replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression),
                       "colour only adds escape codes")
    }

    func testColoursErrorsRedWarningsYellowCaretsAndHelp() {
        let text = render(color: true)
        XCTAssertTrue(text.contains("\u{1B}[1;31merror[E0151]\u{1B}[0m"), text)
        XCTAssertTrue(text.contains("\u{1B}[1;33mwarning[W0301]\u{1B}[0m"), text)
        XCTAssertTrue(text.contains("\u{1B}[1;31m^\u{1B}[0m"), "error carets are red: \(text)")
        XCTAssertTrue(text.contains("\u{1B}[1;33m^^^^^^^\u{1B}[0m"), "warning carets are yellow: \(text)")
        XCTAssertTrue(text.contains("\u{1B}[1;36mhelp\u{1B}[0m: h"), text)
        XCTAssertTrue(text.contains("\u{1B}[1;34m|\u{1B}[0m"), "gutter is blue: \(text)")
    }

    func testColorChoiceRule() {
        XCTAssertTrue(ColorChoice.auto.enabled(isTerminal: true, environment: [:]))
        XCTAssertFalse(ColorChoice.auto.enabled(isTerminal: false, environment: [:]))
        XCTAssertFalse(ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(ColorChoice.auto.enabled(isTerminal: true, environment: ["NO_COLOR": ""]), "an empty NO_COLOR does not count (no-color.org)")
        XCTAssertTrue(ColorChoice.always.enabled(isTerminal: false, environment: ["NO_COLOR": "1"]), "an explicit flag wins")
        XCTAssertFalse(ColorChoice.never.enabled(isTerminal: true, environment: [:]))
        XCTAssertFalse(ColorChoice.auto.enabled(isTerminal: true, environment: ["TERM": "dumb"]))
        XCTAssertEqual(ColorChoice(rawValue: "always"), .always)
        XCTAssertNil(ColorChoice(rawValue: "yes"))
    }
}
