import XCTest
import SegmintCore
@testable import SegmintProject
import SegmintDriver

final class CatalogResolutionTests: XCTestCase {
    private func resolve(_ flag: String?, tenant: String? = nil, env: [String: String] = [:], in dir: String) -> CatalogResolution {
        CatalogResolver.resolve(explicit: flag, tenant: tenant, environment: env, workingDirectory: dir)
    }

    func testFlagBeatsEnvironmentBeatsProject() throws {
        let t = try TempProject(["segmint.yaml": "catalog: cats/shop.yaml\n", "sub/keep": ""])
        XCTAssertEqual(resolve("x.yaml", env: ["SEGMINT_CATALOG": "env.yaml"], in: t.root).choice?.origin, .flag)
        XCTAssertEqual(resolve("x.yaml", env: ["SEGMINT_CATALOG": "env.yaml"], in: t.root).choice?.path, "x.yaml")
        XCTAssertEqual(resolve(nil, env: ["SEGMINT_CATALOG": "env.yaml"], in: t.root).choice?.path, "env.yaml")
        let fromProject = try XCTUnwrap(resolve(nil, in: t.path("sub")).choice)
        XCTAssertEqual(fromProject.origin, .project(tenant: "default"))
        XCTAssertEqual(fromProject.path, t.path("cats/shop.yaml"))
        XCTAssertEqual(fromProject.display, "../cats/shop.yaml")
    }

    func testTenantChoosesAmongTheProjectsCatalogs() throws {
        let t = try TempProject(["segmint.yaml": "catalogs:\n  eu: eu.yaml\n  us: us.yaml\n"])
        XCTAssertEqual(resolve(nil, tenant: "eu", in: t.root).choice?.path, t.path("eu.yaml"))
        let none = resolve(nil, in: t.root)
        XCTAssertNil(none.choice)
        XCTAssertEqual(none.diagnostics.last?.code, ProjectCode.unknownTenant)
        XCTAssertTrue(none.diagnostics.last?.help?.contains("eu, us") ?? false)
        let typo = resolve(nil, tenant: "uss", in: t.root)
        XCTAssertEqual(typo.diagnostics.last?.help, "did you mean \"us\"?")
    }

    func testNoCatalogAnywhereNamesAllThreeWays() throws {
        let t = try TempProject(["x/keep": ""])
        guard ProjectLocator.find(from: t.root) == nil else { throw XCTSkip("a segmint.yaml exists above the temp directory") }
        let r = resolve(nil, in: t.path("x"))
        XCTAssertEqual(r.exitCode, 2)
        XCTAssertEqual(r.diagnostics.map(\.code), ["E1104"])
        let help = try XCTUnwrap(r.diagnostics.first?.help)
        for way in ["--catalog", "SEGMINT_CATALOG", "segmint.yaml"] { XCTAssertTrue(help.contains(way), help) }
    }

    func testABrokenProjectFileIsReportedNotSkipped() throws {
        let t = try TempProject(["segmint.yaml": "catalog: [\n"])
        let r = resolve(nil, in: t.root)
        XCTAssertNil(r.choice)
        XCTAssertEqual(r.exitCode, 1)
        XCTAssertEqual(r.diagnostics.map(\.code), [ProjectCode.yamlSyntax])
    }

    /// The commands use the same rule: `compile` without --catalog inside a project.
    func testCompileFindsTheProjectCatalog() throws {
        let t = try ShopCatalog.project()
        let env = t.environment(in: "segments")
        guard case .success(let path) = resolveCatalog(nil, environment: env) else { return XCTFail("not resolved") }
        let out = runCompile(paths: [t.path("segments/plans.seg")], catalogPath: path, segment: "paying", dialect: "postgres", asOf: nil, count: false)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("-- catalog: shop@1"))
    }
}
