import Foundation
import XCTest
@testable import SegmintLSP

/// The server end to end over pipes: framing, lifecycle, errors, documents, features.
final class ServerTests: XCTestCase {
    func testLifecycleAndExitAfterShutdown() throws {
        let h = try ServerHarness()
        XCTAssertEqual(errorCode(h.request("textDocument/hover", [:])), -32002)
        let initResult = h.request("initialize", ["rootUri": "file://" + h.dir, "capabilities": [:] as [String: Any]])
        let caps = (initResult?["result"] as? [String: Any])?["capabilities"] as? [String: Any]
        XCTAssertEqual(caps?["positionEncoding"] as? String, "utf-16")
        XCTAssertNotNil(caps?["semanticTokensProvider"])
        XCTAssertEqual(errorCode(h.request("initialize", [:])), -32600)
        h.notify("initialized")
        let shutdown = h.request("shutdown")
        XCTAssertTrue(shutdown?.keys.contains("result") == true && shutdown?["error"] == nil)
        XCTAssertEqual(errorCode(h.request("textDocument/hover", [:])), -32600)
        h.notify("exit")
        XCTAssertEqual(h.waitForExit(), 0)
    }

    func testExitWithoutShutdownIsOne() throws {
        let h = try ServerHarness()
        h.initialize()
        h.notify("exit")
        XCTAssertEqual(h.waitForExit(), 1)
    }

    func testEndOfInputWithoutExit() throws {
        let h = try ServerHarness()
        h.initialize()
        _ = h.request("shutdown")
        h.closeInput()
        XCTAssertEqual(h.waitForExit(), 0)
        let h2 = try ServerHarness()
        h2.closeInput()
        XCTAssertEqual(h2.waitForExit(), 1)
    }

    func testMalformedMessagesGetErrorsAndTheServerGoesOn() throws {
        let h = try ServerHarness()
        h.initialize()
        func nullIDError() -> Int? { errorCode(h.wait { $0["id"] is NSNull && $0["error"] != nil }) }
        h.sendRaw(Array("Content-Type: x\r\n\r\n".utf8))
        XCTAssertEqual(nullIDError(), -32700)
        h.sendRaw(Array("Content-Length: 5\r\n\r\n{oops".utf8))
        XCTAssertEqual(nullIDError(), -32700)
        h.sendRaw(Array("Content-Length: 3\r\n\r\n".utf8) + [0x22, 0xFF, 0x22])
        XCTAssertEqual(nullIDError(), -32700)
        h.sendRaw(Array("Content-Length: 3\r\n\r\n[1]".utf8))
        XCTAssertEqual(nullIDError(), -32600)
        h.send(["jsonrpc": "2.0", "id": ["no"], "method": "shutdown"])
        XCTAssertEqual(nullIDError(), -32600)
        // A good request after all that is still answered.
        XCTAssertEqual(errorCode(h.request("no/such/method")), -32601)
    }

    func testUnknownNotificationsAreIgnored() throws {
        let h = try ServerHarness()
        h.initialize()
        h.notify("no/such/notification", ["x": 1])
        h.notify("$/setTrace", ["value": "off"])
        let r = h.request("shutdown")
        XCTAssertNil(r?["error"])
        XCTAssertNil(h.wait(timeout: 0.2) { $0["method"] == nil && $0["id"] == nil })
    }

    func testCancelledRequestAnswersRequestCancelled() throws {
        let h = try ServerHarness()
        h.initialize()
        h.open("a.seg", "segment a { include { seats > 1 } }")
        h.notify("$/cancelRequest", ["id": 7])
        h.send(["jsonrpc": "2.0", "id": 7, "method": "textDocument/hover",
                "params": ["textDocument": ["uri": h.uri("a.seg")], "position": ["line": 0, "character": 23]]])
        XCTAssertEqual(errorCode(h.wait { $0["id"] as? Int == 7 }), -32800)
        // The id is forgotten once used: a later request with it is answered normally.
        h.send(["jsonrpc": "2.0", "id": 7, "method": "textDocument/hover",
                "params": ["textDocument": ["uri": h.uri("a.seg")], "position": ["line": 0, "character": 23]]])
        XCTAssertNil(h.wait { $0["id"] as? Int == 7 }?["error"])
    }

    func testDiagnosticsOnOpenChangeAndClose() throws {
        let h = try ServerHarness()
        h.initialize()
        h.open("a.seg", "segment a { include { sets > 1 } }")
        let first = try XCTUnwrap(h.diagnostics(for: "a.seg"))
        XCTAssertEqual(codes(first), ["E0201"])
        XCTAssertEqual(first.first?["message"] as? String, "unknown facet \"sets\"\nhelp: did you mean \"seats\"?")
        XCTAssertEqual(first.first?["severity"] as? Int, 1)
        // An incremental edit: replace "sets" (line 0, characters 22–26) with "seats".
        h.notify("textDocument/didChange", ["textDocument": ["uri": h.uri("a.seg"), "version": 2],
                                            "contentChanges": [["range": ["start": ["line": 0, "character": 22], "end": ["line": 0, "character": 26]],
                                                                "text": "seats"]]])
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), [])
        h.notify("textDocument/didChange", ["textDocument": ["uri": h.uri("a.seg"), "version": 3],
                                            "contentChanges": [["text": "segment a { include { plan = \"gold\" } }"]]])
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), ["E0304"])
        h.notify("textDocument/didClose", ["textDocument": ["uri": h.uri("a.seg")]])
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), [])
    }

    func testRelatedInformationPointsIntoTheFile() throws {
        let h = try ServerHarness()
        h.initialize()
        h.open("a.seg", "segment a { }\nsegment a { }")
        let d = try XCTUnwrap(h.diagnostics(for: "a.seg")?.first)
        let related = try XCTUnwrap((d["relatedInformation"] as? [[String: Any]])?.first)
        XCTAssertEqual(related["message"] as? String, "first declared here")
        let loc = related["location"] as? [String: Any]
        XCTAssertEqual(loc?["uri"] as? String, h.uri("a.seg"))
        XCTAssertEqual(((loc?["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int, 8)
    }

    func testCatalogEditsReloadIt() throws {
        let h = try ServerHarness()
        h.initialize()
        h.open("a.seg", "segment a { include { color = \"red\" } }")
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), ["E0201"])
        try h.write("catalog.yaml", ServerHarness.catalog.replacingOccurrences(of: "facets:\n", with: "facets:\n  - {name: color, type: string}\n"))
        h.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": h.uri("catalog.yaml"), "type": 2]]])
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), [])
        // A broken catalog: the document says so, the catalog file gets its own diagnostics.
        try h.write("catalog.yaml", "name: x\nfacets: [\n")
        h.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": h.uri("catalog.yaml"), "type": 2]]])
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), ["E1303"])
        let catalogDiagnostics = h.wait {
            ($0["params"] as? [String: Any])?["uri"] as? String == h.uri("catalog.yaml")
                && !((($0["params"] as? [String: Any])?["diagnostics"] as? [Any]) ?? []).isEmpty
        }
        XCTAssertNotNil(catalogDiagnostics)
    }

    func testCatalogFromInitializationOptionsAndConfiguration() throws {
        let h = try ServerHarness()
        try h.write("other.yaml", "name: o\nversion: 1\nentity: {name: a, table: t, key: k}\nfacets:\n  - {name: color, type: string}\n")
        h.initialize(["initializationOptions": ["catalog": "other.yaml"]])
        h.open("a.seg", "segment a { include { color = \"red\" } }")
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), [])
        h.notify("workspace/didChangeConfiguration", ["settings": ["segmint": ["catalog": "missing.yaml"]]])
        XCTAssertEqual(codes(h.diagnostics(for: "a.seg")), ["E1301"])
    }

    func testFeaturesOverTheProtocolUseUTF16() throws {
        let h = try ServerHarness(files: ["b.seg": "segment big { include { seats > 100 } }\n"])
        h.initialize()
        // "é" is one UTF-16 unit but two bytes: positions after it differ between the encodings.
        let text = "segment a \"é\" { include { plan >= \"pro\"  in segment big } }"
        h.open("a.seg", text)
        let doc: [String: Any] = ["uri": h.uri("a.seg")]
        let completion = h.request("textDocument/completion", ["textDocument": doc, "position": ["line": 0, "character": 35]])
        let items = ((completion?["result"] as? [String: Any])?["items"] as? [[String: Any]]) ?? []
        XCTAssertEqual(items.map { $0["label"] as? String ?? "" }, ["\"free\"", "\"pro\"", "\"enterprise\""])
        let edit = items.first?["textEdit"] as? [String: Any]
        // Inside a string the whole string is replaced: the range starts at its quote (UTF-16 column 34).
        XCTAssertEqual(((edit?["range"] as? [String: Any])?["start"] as? [String: Any])?["character"] as? Int, 34)

        let hover = h.request("textDocument/hover", ["textDocument": doc, "position": ["line": 0, "character": 28]])
        let contents = (hover?["result"] as? [String: Any])?["contents"] as? [String: Any]
        XCTAssertTrue((contents?["value"] as? String)?.contains("facet **plan**") == true)

        let def = h.request("textDocument/definition", ["textDocument": doc, "position": ["line": 0, "character": 53]])
        let loc = (def?["result"] as? [[String: Any]])?.first
        XCTAssertEqual(loc?["uri"] as? String, h.uri("b.seg"))

        let rename = h.request("textDocument/rename", ["textDocument": doc, "position": ["line": 0, "character": 53], "newName": "large"])
        let changes = ((rename?["result"] as? [String: Any])?["changes"] as? [String: Any]) ?? [:]
        XCTAssertEqual(Set(changes.keys), [h.uri("a.seg"), h.uri("b.seg")])
        XCTAssertEqual(errorCode(h.request("textDocument/rename", ["textDocument": doc, "position": ["line": 0, "character": 53], "newName": "in"])), -32803)

        let tokens = h.request("textDocument/semanticTokens/full", ["textDocument": doc])
        let data = ((tokens?["result"] as? [String: Any])?["data"] as? [Int]) ?? []
        // segment(0,0,7,keyword) a(+8,1,type,declaration) "é"(+2,3 units,string) …
        XCTAssertEqual(Array(data.prefix(15)), [0, 0, 7, 0, 0, 0, 8, 1, 1, 1, 0, 2, 3, 5, 0])
        XCTAssertEqual(errorCode(h.request("textDocument/hover", ["textDocument": ["uri": h.uri("nope.seg")], "position": ["line": 0, "character": 0]])), -32602)
    }

    func testSnippetsOnlyForClientsThatTakeThem() throws {
        let h = try ServerHarness()
        h.initialize()
        h.open("a.seg", "segment a { include { has login during  } }")
        func firstEdit(_ h: ServerHarness) -> (String?, Int?) {
            let r = h.request("textDocument/completion", ["textDocument": ["uri": h.uri("a.seg")], "position": ["line": 0, "character": 39]])
            let item = ((r?["result"] as? [String: Any])?["items"] as? [[String: Any]])?.first
            return ((item?["textEdit"] as? [String: Any])?["newText"] as? String, item?["insertTextFormat"] as? Int)
        }
        XCTAssertTrue(firstEdit(h) == ("last 30 days", 1))
        let s = try ServerHarness()
        s.initialize(["capabilities": ["textDocument": ["completion": ["completionItem": ["snippetSupport": true]]]]])
        s.open("a.seg", "segment a { include { has login during  } }")
        XCTAssertTrue(firstEdit(s) == ("last ${1:30} ${2|days,weeks,months,years|}", 2))
    }

    func testFormattingAndCodeActions() throws {
        let h = try ServerHarness()
        h.initialize()
        h.open("a.seg", "segment a {include{plan=\"pr\"}}")
        let doc: [String: Any] = ["uri": h.uri("a.seg")]
        let actions = h.request("textDocument/codeAction", ["textDocument": doc,
            "range": ["start": ["line": 0, "character": 24], "end": ["line": 0, "character": 24]], "context": ["diagnostics": [Any]()]])
        let action = try XCTUnwrap((actions?["result"] as? [[String: Any]])?.first)
        XCTAssertEqual(action["title"] as? String, "Change to \"pro\"")
        XCTAssertEqual(action["kind"] as? String, "quickfix")
        let fmt = h.request("textDocument/formatting", ["textDocument": doc, "options": ["tabSize": 2, "insertSpaces": true]])
        let edits = try XCTUnwrap(fmt?["result"] as? [[String: Any]])
        XCTAssertEqual(edits.count, 1)
        h.open("b.seg", "segment b {")
        XCTAssertEqual(errorCode(h.request("textDocument/formatting", ["textDocument": ["uri": h.uri("b.seg")], "options": [:] as [String: Any]])), -32803)
    }

    func testFiftyMegabyteDocument() throws {
        let h = try ServerHarness()
        h.initialize()
        let line = "segment s \"x\" { include { seats > 1 } }\n"
        let text = String(repeating: line, count: (50 << 20) / line.utf8.count)
        let started = Date()
        h.open("big.seg", text)
        XCTAssertEqual(codes(h.diagnostics(for: "big.seg", timeout: 120)), ["E1305"])
        let r = h.request("textDocument/completion", ["textDocument": ["uri": h.uri("big.seg")], "position": ["line": 3, "character": 0]])
        XCTAssertEqual(((r?["result"] as? [String: Any])?["items"] as? [Any])?.count, 0)
        XCTAssertLessThan(Date().timeIntervalSince(started), 120)
    }
}
