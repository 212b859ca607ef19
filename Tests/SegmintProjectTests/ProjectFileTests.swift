import XCTest
import SegmintCore
import SegmintSQL
@testable import SegmintProject

final class ProjectFileTests: XCTestCase {
    private func load(_ text: String) -> (ProjectLoadResult, SourceMap) {
        let sources = SourceMap()
        return (ProjectLoader.load(bytes: Array(text.utf8), path: "/p/segmint.yaml", sources: sources), sources)
    }

    private func rendered(_ text: String) -> String {
        let (r, sources) = load(text)
        return DiagnosticRenderer(sources: sources).human(r.diagnostics)
    }

    func testEveryKeyIsRead() throws {
        let (r, _) = load("""
        name: shop
        catalogs: {eu: cat/eu.yaml, us: cat/us.yaml}
        default_tenant: us
        segments: [a, b/c]
        dialects: [duckdb, snowflake]
        as_of: 2026-03-01
        target: out
        snapshots: snaps
        tests: fixtures
        providers:
          - {name: local, kind: openai, model: m}
        failover: [local]
        """)
        XCTAssertEqual(r.diagnostics, [])
        let p = try XCTUnwrap(r.project)
        XCTAssertEqual(p.root, "/p")
        XCTAssertEqual(p.catalogs.map(\.tenant), ["eu", "us"])
        XCTAssertEqual(p.segmentDirectories.map(\.value), ["a", "b/c"])
        XCTAssertEqual(p.dialects, [.duckdb, .snowflake])
        XCTAssertEqual(p.asOf, CivilDate(iso: "2026-03-01"))
        XCTAssertEqual([p.target, p.snapshots, p.tests], ["out", "snaps", "fixtures"])
        guard case .found(let tenant, let path) = p.tenant(nil) else { return XCTFail("default tenant not used") }
        XCTAssertEqual(tenant, "us")
        XCTAssertEqual(p.resolve(path.value), "/p/cat/us.yaml")
    }

    func testDefaultsWhenOnlyTheCatalogIsGiven() throws {
        let p = try XCTUnwrap(load("catalog: shop.yaml\n").0.project)
        XCTAssertEqual(p.segmentDirectories.map(\.value), ["segments"])
        XCTAssertEqual(p.dialects, [.postgres])
        XCTAssertNil(p.asOf)
        XCTAssertEqual(p.target, "target")
        XCTAssertEqual(p.snapshots, "tests/golden")
    }

    func testTodaysLLMOnlyFileIsAValidProjectFile() throws {
        let (r, _) = load("providers:\n  - name: openai\n    model: gpt-4o\nretry: {max_attempts: 2}\ncircuit_breaker: {failures: 3}\ntimeout_s: 20\n")
        XCTAssertEqual(r.diagnostics, [])
        XCTAssertEqual(try XCTUnwrap(r.project).catalogs.count, 0)
    }

    func testBrokenYAMLIsAnErrorWithFileAndLine() {
        let (r, _) = load("catalog: shop.yaml\nsegments: [a, b\ndialects: [postgres]\n")
        XCTAssertNil(r.project)
        XCTAssertEqual(r.diagnostics.map(\.code), [ProjectCode.yamlSyntax])
        XCTAssertTrue(rendered("catalog: shop.yaml\nsegments: [a, b\ndialects: [postgres]\n").contains("/p/segmint.yaml:"))
    }

    func testUnknownKeyWarnsWithDidYouMean() {
        let text = "catalog: shop.yaml\ndialect: [postgres]\n"
        let (r, _) = load(text)
        XCTAssertNotNil(r.project)
        XCTAssertEqual(r.diagnostics.map(\.code), [ProjectCode.unknownKey])
        let out = rendered(text)
        XCTAssertTrue(out.contains("/p/segmint.yaml:2:1"), out)
        XCTAssertTrue(out.contains("did you mean \"dialects\"?"), out)
    }

    func testWrongValuesPointAtTheirLines() {
        let text = "catalog: [a, b]\ndialects: [postgres, oracle]\nas_of: yesterday\nsegments: {a: b}\n"
        let (r, _) = load(text)
        XCTAssertNil(r.project)
        XCTAssertEqual(r.diagnostics.map(\.code), [ProjectCode.wrongShape, ProjectCode.unknownDialect, ProjectCode.badAsOf, ProjectCode.wrongShape])
        let out = rendered(text)
        for line in ["segmint.yaml:1:", "segmint.yaml:2:22", "segmint.yaml:3:8", "segmint.yaml:4:"] {
            XCTAssertTrue(out.contains(line), "\(line) missing in\n\(out)")
        }
    }

    func testCatalogAndCatalogsTogetherIsAnError() {
        let (r, _) = load("catalog: a.yaml\ncatalogs: {x: b.yaml}\n")
        XCTAssertNil(r.project)
        XCTAssertEqual(r.diagnostics.first?.code, ProjectCode.wrongShape)
    }

    func testBinaryProjectFileIsReported() {
        let sources = SourceMap()
        let r = ProjectLoader.load(bytes: [0x63, 0x3a, 0xFF, 0x0A], path: "segmint.yaml", sources: sources)
        XCTAssertNil(r.project)
        XCTAssertEqual(r.diagnostics.map(\.code), [ProjectCode.notText])
    }

    func testMissingProjectFileIsAnIOFailure() {
        let r = ProjectLoader.load(path: "/nonexistent-dir/segmint.yaml", sources: SourceMap())
        XCTAssertTrue(r.isIOFailure)
    }

    func testDiscoveryWalksUp() throws {
        let t = try TempProject(["segmint.yaml": "catalog: c.yaml\n", "a/b/c/keep": ""])
        XCTAssertEqual(ProjectLocator.find(from: t.path("a/b/c")), t.path("segmint.yaml"))
        XCTAssertEqual(ProjectLocator.find(from: t.root), t.path("segmint.yaml"))
        let other = try TempProject(["x/keep": ""])
        // Nothing at or above (unless the machine has a segmint.yaml at a parent of the temp dir).
        if ProjectLocator.find(from: NSTemporaryDirectory()) == nil {
            XCTAssertNil(ProjectLocator.find(from: other.path("x")))
        }
    }
}
