import XCTest
import SegmintCore
import SegmintDriver
@testable import SegmintProject

final class InitTests: XCTestCase {
    func testInitWritesAProjectFileThatLoadsAndRefusesToOverwrite() throws {
        let t = try TempProject()
        let out = runInit(directory: nil, catalog: "catalog/shop.yaml", dialects: ["duckdb"], environment: t.environment())
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(t.exists("segments"))
        let r = ProjectLoader.load(path: t.path("segmint.yaml"), sources: SourceMap())
        XCTAssertEqual(r.diagnostics, [])
        let p = try XCTUnwrap(r.project)
        XCTAssertEqual(p.dialects, [.duckdb])
        XCTAssertEqual(p.catalogs.first?.path.value, "catalog/shop.yaml")

        let text = t.read("segmint.yaml")
        let again = runInit(directory: nil, catalog: nil, dialects: [], environment: t.environment())
        XCTAssertEqual(again.exitCode, 2)
        XCTAssertTrue(again.stderr.contains("already exists; not overwriting it"), again.stderr)
        XCTAssertEqual(t.read("segmint.yaml"), text)
    }

    func testTheTemplateWithoutACatalogSaysHowToGetOne() throws {
        let t = try TempProject()
        XCTAssertEqual(runInit(directory: "proj", catalog: nil, dialects: [], environment: t.environment()).exitCode, 2,
                       "the directory does not exist yet")
        try FileManager.default.createDirectory(atPath: t.path("proj"), withIntermediateDirectories: true)
        XCTAssertEqual(runInit(directory: "proj", catalog: nil, dialects: [], environment: t.environment()).exitCode, 0)
        let build = runBuild(dialects: [], dbt: nil, full: false, catalog: nil, tenant: nil, environment: t.environment(in: "proj"))
        XCTAssertEqual(build.exitCode, 2)
        XCTAssertTrue(build.stderr.contains("names no catalog"), build.stderr)
        XCTAssertTrue(build.stderr.contains("SEGMINT_CATALOG"), build.stderr)
    }

    func testUnknownDialectIsRefused() throws {
        let t = try TempProject()
        let out = runInit(directory: nil, catalog: nil, dialects: ["postgress"], environment: t.environment())
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("did you mean \"postgres\"?"), out.stderr)
        XCTAssertFalse(t.exists("segmint.yaml"))
    }
}
