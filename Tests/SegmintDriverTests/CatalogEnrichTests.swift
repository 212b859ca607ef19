import XCTest
import Foundation
import SegmintCore
import SegmintCatalog
import SegmintLLM
import SegmintTestSupport
@testable import SegmintDriver

/// `segmint catalog enrich` against a fake OpenAI-compatible server on 127.0.0.1.
final class CatalogEnrichTests: XCTestCase {
    var server: FakeLLMServer!
    var dir = ""
    var path = ""

    override func setUpWithError() throws {
        server = try FakeLLMServer()
        dir = NSTemporaryDirectory() + "segmint-enrich-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        path = dir + "/saas.yaml"
        try FileManager.default.copyItem(atPath: url.appendingPathComponent("catalogs/saas.yaml").path, toPath: path)
    }
    override func tearDown() {
        server.stop()
        try? FileManager.default.removeItem(atPath: dir)
    }

    func client() -> LLMClient {
        let p = ProviderSettings(name: "fake", kind: .openai, baseURL: server.baseURL, model: "fake-model", auth: ProviderSettings.Auth.none)
        return LLMClient(config: LLMConfig(providers: [p], retry: RetryPolicy(maxAttempts: 1), requestTimeout: 5, deadline: 10, cacheDirectory: dir + "/cache"))
    }

    static let answer = #"""
    {"items": [
      {"path": "facets.seats", "synonyms": ["licenses", "plan", "seat count"], "description": "ignored: seats has one"},
      {"path": "facets.in_trial", "synonyms": ["trialing"]},
      {"path": "events.invoice", "synonyms": ["bill", "billing"]},
      {"path": "events.invoice.fields.total", "synonyms": ["invoice amount"], "description": "Amount invoiced, tax included"},
      {"path": "values.plan.pro", "synonyms": ["professional"]},
      {"path": "facets.nope", "synonyms": ["x"]}
    ]}
    """#

    func testProposalsAreADiffUntilWrittenThenTheCatalogLoadsWithThem() async throws {
        server.enqueue(.completion(Self.answer), .completion(Self.answer))
        let original = try String(contentsOfFile: path, encoding: .utf8)
        let dry = await runCatalogEnrich(catalog: path, write: false, provider: client(), environment: [:])
        XCTAssertEqual(dry.exitCode, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains(#"+  - {name: seats, type: int, column: SeatCount, description: Licensed seats, synonyms: ["licenses", "seat count"]}"#), dry.stdout)
        XCTAssertTrue(dry.stdout.contains(#"+    synonyms: ["bill", "billing"]"#), dry.stdout)
        XCTAssertTrue(dry.stdout.contains(#"synonyms: ["invoice amount"], description: "Amount invoiced, tax included"}"#), dry.stdout)
        XCTAssertTrue(dry.stderr.contains("values.plan.pro"), "value proposals are shown, not written: \(dry.stderr)")
        XCTAssertTrue(dry.stderr.contains("facets.nope"), "an unknown item is reported, not silently dropped: \(dry.stderr)")
        XCTAssertTrue(dry.stderr.contains("--write"), dry.stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), original, "nothing written without --write")
        // The request carried the catalog's items and the catalog's entity, not "customers".
        let body = try XCTUnwrap(server.requests.first?.bodyText)
        XCTAssertTrue(body.contains("facets.in_trial") && body.contains("accounts"), body)

        let wrote = await runCatalogEnrich(catalog: path, write: true, provider: client(), environment: [:])
        XCTAssertEqual(wrote.exitCode, 0, wrote.stderr)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# B2B SaaS account catalog"), "comments kept")
        let loaded = CatalogLoader.load(path: path, sources: SourceMap())
        let c = try XCTUnwrap(loaded.catalog, "\(loaded.diagnostics)")
        XCTAssertEqual(c.facet(named: "seats")?.synonyms, ["licenses", "seat count"], "another item's name (plan) is not a synonym")
        XCTAssertEqual(c.facet(named: "seats")?.description, "Licensed seats", "an existing description is never rewritten")
        XCTAssertEqual(c.facet(named: "in_trial")?.synonyms, ["trialing"])
        XCTAssertEqual(c.event(named: "invoice")?.synonyms, ["bill", "billing"])
        XCTAssertEqual(c.event(named: "invoice")?.field(named: "total")?.description, "Amount invoiced, tax included")
        XCTAssertEqual(c.facets.map(\.name), TestCatalogNames.saasFacets)
    }

    func testAFailingModelOrAnUnusableAnswerChangesNothing() async throws {
        let original = try String(contentsOfFile: path, encoding: .utf8)
        server.enqueue(.serverError(status: 503))
        let down = await runCatalogEnrich(catalog: path, write: true, provider: client(), environment: [:])
        XCTAssertEqual(down.exitCode, 2)
        XCTAssertTrue(down.stderr.contains("server error"), down.stderr)
        server.enqueue(.completion("I would add some synonyms."))
        let prose = await runCatalogEnrich(catalog: path, write: true, provider: client(), environment: [:])
        XCTAssertEqual(prose.exitCode, 1)
        XCTAssertTrue(prose.stderr.contains("unusable"), prose.stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), original)
        let none = await runCatalogEnrich(catalog: path, write: true, provider: nil, environment: [:])
        XCTAssertEqual(none.exitCode, 2)
        XCTAssertTrue(none.stderr.contains("needs an LLM"), none.stderr)
    }
}

enum TestCatalogNames {
    static let saasFacets = ["plan", "region", "company_name", "lastname", "seats", "mrr", "in_trial", "from_source", "counts", "signup_day", "last_seen_at", "health_score"]
}
