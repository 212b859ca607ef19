import XCTest
import SegmintCore
import SegmintDriver
@testable import SegmintProject

final class BuildTests: XCTestCase {
    private func build(_ t: TempProject, in dir: String = "", dialects: [String] = [], dbt: String? = nil, full: Bool = false) -> CommandOutput {
        runBuild(dialects: dialects, dbt: dbt, full: full, catalog: nil, tenant: nil, environment: t.environment(in: dir))
    }

    func testBuildWritesEverySegmentInEveryDialectAndAManifest() throws {
        let t = try ShopCatalog.project()
        let out = build(t)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        for d in ["postgres", "sqlite"] {
            for s in ["paying", "big_teams", "active"] {
                let sql = try XCTUnwrap(t.read("target/\(d)/\(s).sql"), "\(d)/\(s)")
                XCTAssertTrue(sql.hasPrefix("-- segment: \(s)\n"), sql)
                XCTAssertTrue(sql.contains("-- dialect: \(d)\n"))
            }
        }
        let manifest = try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(t.read("target/manifest.json")).utf8)) as? [String: Any]
        let segments = try XCTUnwrap(manifest?["segments"] as? [String: [String: Any]])
        XCTAssertEqual(Set(segments.keys), ["paying", "big_teams", "active"])
        XCTAssertEqual(segments["big_teams"]?["depends_on"] as? [String], ["paying"])
        XCTAssertEqual(segments["active"]?["file"] as? String, "segments/usage/active.seg")
        XCTAssertEqual((segments["paying"]?["sql"] as? [String: String])?["sqlite"], "sqlite/paying.sql")
        XCTAssertEqual((manifest?["catalog"] as? [String: Any])?["label"] as? String, "shop@1")
        XCTAssertTrue(out.stderr.contains("built 3 segments"), out.stderr)
    }

    func testBuildIsDeterministicFromAnyDirectory() throws {
        let t = try ShopCatalog.project()
        XCTAssertEqual(build(t).exitCode, 0)
        let first = t.read("target/manifest.json")
        try t.remove("target")
        let again = build(t, in: "segments/usage")
        XCTAssertEqual(again.exitCode, 0, again.stderr)
        XCTAssertEqual(t.read("target/manifest.json"), first)
    }

    func testUnchangedSegmentsAreNotRecompiledOrRewritten() throws {
        let t = try ShopCatalog.project()
        XCTAssertEqual(build(t).exitCode, 0)
        let before = ["paying", "big_teams", "active"].map { t.mtime("target/postgres/\($0).sql") }
        let manifestBefore = t.mtime("target/manifest.json")
        let second = build(t)
        XCTAssertTrue(second.stderr.contains("0 compiled, 0 files written"), second.stderr)
        XCTAssertEqual(["paying", "big_teams", "active"].map { t.mtime("target/postgres/\($0).sql") }, before)
        XCTAssertEqual(t.mtime("target/manifest.json"), manifestBefore)

        // Change only the file of `active`: nothing else is compiled.
        let activeBefore = t.read("target/sqlite/active.sql")
        try t.write("segments/usage/active.seg", ShopCatalog.active.replacingOccurrences(of: "30 days", with: "7 days"))
        let third = build(t)
        XCTAssertTrue(third.stderr.contains("1 compiled"), third.stderr)
        XCTAssertNotEqual(t.read("target/sqlite/active.sql"), activeBefore)
        XCTAssertEqual(t.mtime("target/postgres/paying.sql"), before[0])
    }

    func testChangingADependencyRecompilesItsDependents() throws {
        let t = try ShopCatalog.project()
        try t.write("segments/plans.seg", "segment paying { include { plan = \"pro\" } }\n")
        try t.write("segments/teams.seg", "segment big_teams { include { in segment paying\n seats >= 10 } }\n")
        XCTAssertEqual(build(t).exitCode, 0)
        try t.write("segments/plans.seg", "segment paying { include { plan = \"team\" } }\n")
        let out = build(t)
        XCTAssertTrue(out.stderr.contains("2 compiled"), out.stderr)
        XCTAssertTrue(t.read("target/postgres/big_teams.sql")?.contains("'team'") ?? false)
    }

    func testAnEditIntroducingADuplicateNameIsStillReported() throws {
        let t = try ShopCatalog.project()
        XCTAssertEqual(build(t).exitCode, 0)
        try t.write("segments/usage/active.seg", ShopCatalog.active + "\nsegment paying { include { trial = true } }\n")
        let out = build(t)
        XCTAssertEqual(out.exitCode, 1, out.stderr)
        XCTAssertTrue(out.stderr.contains("paying"), out.stderr)
    }

    func testRemovedSegmentsLoseTheirOutputs() throws {
        let t = try ShopCatalog.project()
        XCTAssertEqual(build(t).exitCode, 0)
        try t.remove("segments/usage/active.seg")
        let out = build(t)
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        XCTAssertFalse(t.exists("target/postgres/active.sql"))
        XCTAssertFalse(t.read("target/manifest.json")?.contains("\"active\"") ?? true)
        XCTAssertTrue(out.stderr.contains("1 removed"), out.stderr)
    }

    func testRemovingADependencyIsAnErrorInItsDependent() throws {
        let t = try ShopCatalog.project()
        XCTAssertEqual(build(t).exitCode, 0)
        try t.write("segments/plans.seg", "segment big_teams { include { in segment paying } }\n")
        let out = build(t)
        XCTAssertEqual(out.exitCode, 1, out.stderr)
        XCTAssertTrue(out.stderr.contains("paying"), out.stderr)
    }

    func testErrorsOfAllFilesInOnePassAndNothingWritten() throws {
        let t = try ShopCatalog.project()
        try t.write("segments/bad1.seg", "segment a { include { plann = \"pro\" } }\n")
        try t.write("segments/bad2.seg", "segment b { include { seats >= \"x\" } }\n")
        let out = build(t)
        XCTAssertEqual(out.exitCode, 1)
        XCTAssertTrue(out.stderr.contains("segments/bad1.seg:1:"), out.stderr)
        XCTAssertTrue(out.stderr.contains("segments/bad2.seg:1:"), out.stderr)
        XCTAssertTrue(out.stderr.contains("nothing written"), out.stderr)
        XCTAssertFalse(t.exists("target"))
    }

    func testAMissingSegmentDirectoryPointsAtTheProjectFile() throws {
        let t = try ShopCatalog.project("segments: [segments, nowhere]")
        try t.write("segmint.yaml", "catalog: catalog/shop.yaml\nsegments: [segments, nowhere]\n")
        let out = build(t)
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("segmint.yaml:2:22"), out.stderr)
        XCTAssertTrue(out.stderr.contains("\"nowhere\" does not exist"), out.stderr)
        XCTAssertFalse(t.exists("target"))
    }

    func testNoProjectIsAUsageError() throws {
        let t = try TempProject(["x/keep": ""])
        guard ProjectLocator.find(from: t.root) == nil else { throw XCTSkip("a segmint.yaml exists above the temp directory") }
        let out = runBuild(dialects: [], dbt: nil, full: false, catalog: nil, tenant: nil, environment: t.environment(in: "x"))
        XCTAssertEqual(out.exitCode, 2)
        XCTAssertTrue(out.stderr.contains("no segmint.yaml in"), out.stderr)
    }

    func testDeletedOutputIsWrittenAgain() throws {
        let t = try ShopCatalog.project()
        XCTAssertEqual(build(t).exitCode, 0)
        try t.remove("target/sqlite/paying.sql")
        XCTAssertEqual(build(t).exitCode, 0)
        XCTAssertTrue(t.exists("target/sqlite/paying.sql"))
    }

    func testDbtModelsHaveAConfigBlockAndRefsForDependencies() throws {
        let t = try ShopCatalog.project()
        let out = build(t, dialects: ["duckdb"], dbt: "models/segments")
        XCTAssertEqual(out.exitCode, 0, out.stderr)
        let model = try XCTUnwrap(t.read("models/segments/big_teams.sql"))
        let lines = model.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "{{ config(materialized='table', tags=['segmint']) }}")
        XCTAssertTrue(lines.contains("-- depends_on: {{ ref('paying') }}"), model)
        XCTAssertEqual(model.components(separatedBy: "{{").count, 3, "no other Jinja in the model")
        // The SQL after the Jinja lines is exactly the built SQL.
        XCTAssertTrue(model.hasSuffix(try XCTUnwrap(t.read("target/duckdb/big_teams.sql"))))
        let schema = try XCTUnwrap(t.read("models/segments/segmint_models.yml"))
        XCTAssertTrue(schema.contains("  - name: paying\n    description: \"Paying members\"\n"), schema)
    }

    func testJinjaDelimitersInsideLiteralsAreProtected() {
        XCTAssertEqual(DbtModel.jinjaSafe("SELECT '{{x}}'\n"), "{% raw %}SELECT '{{x}}'\n{% endraw %}\n")
        XCTAssertEqual(DbtModel.jinjaSafe("SELECT 1\n"), "SELECT 1\n")
    }

    func testStateRoundTrips() {
        var s = BuildState(key: "k\t1")
        s.files["a\\b.seg"] = .init(sha256: "abc", size: 12, mtime: 1_700_000_000_123_456_789)
        s.segments["x"] = .init(name: "x", file: "a\\b.seg", hash: "h", dependsOn: ["y", "z"], title: "T\tab", description: nil,
                                retrieved: 2, inferred: 1, assumptions: ["500 from \"high\nvalue\"", "7"])
        s.segments["y"] = .init(name: "y", file: "c.seg", hash: "h2", dependsOn: [], title: nil, description: "d\\\r",
                                retrieved: 0, inferred: 0, assumptions: [])
        s.started = 1_700_000_009_000_000_000
        XCTAssertEqual(BuildState.decode(s.encoded()), s)
        XCTAssertTrue(s.unchanged("a\\b.seg", size: 12, mtime: 1_700_000_000_123_456_789))
        XCTAssertFalse(s.unchanged("a\\b.seg", size: 13, mtime: 1_700_000_000_123_456_789))
        XCTAssertFalse(s.unchanged("a\\b.seg", size: 12, mtime: 1_700_000_008_000_000_000), "modified just before the build: read again")
        XCTAssertNil(BuildState.decode(Array("something else\n".utf8)))
        XCTAssertNil(BuildState.decode(Array("segmint-build-state 2\nkey\tk\nfile\tonly-two\n".utf8)))
    }

    func testManifestStringsAreEscapedAsJSON() throws {
        var s = BuildState(key: "k")
        s.files["a.seg"] = .init(sha256: "abc", size: 1, mtime: 2)
        s.segments["x"] = .init(name: "x", file: "a.seg", hash: "h", dependsOn: [], title: "quote \" back \\ tab \t nl \n \u{1} é",
                                description: nil, retrieved: 0, inferred: 1, assumptions: ["500 from \"high\""])
        let bytes = ManifestWriter.json(s, compiler: "c", catalog: ("p", "l@1", "sha"), asOf: "current", dialects: ["postgres"], dbt: nil)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let x = try XCTUnwrap((json["segments"] as? [String: [String: Any]])?["x"])
        XCTAssertEqual(x["title"] as? String, "quote \" back \\ tab \t nl \n \u{1} é")
        XCTAssertEqual((x["grounding"] as? [String: Any])?["assumptions"] as? [String], ["500 from \"high\""])
        XCTAssertEqual(x["source_sha256"] as? String, "abc")
    }

    func testATouchedButUnchangedFileIsNotRecompiled() throws {
        let t = try ShopCatalog.project()
        XCTAssertEqual(build(t).exitCode, 0)
        let text = try XCTUnwrap(t.read("segments/plans.seg"))
        usleep(10_000)
        try t.write("segments/plans.seg", text)   // new mtime, same bytes
        let out = build(t)
        XCTAssertTrue(out.stderr.contains("0 compiled, 0 files written"), out.stderr)
    }

    func testSeveralTenantsBuildIntoTheirOwnDirectories() throws {
        let t = try ShopCatalog.project()
        try t.write("catalog/other.yaml", ShopCatalog.yaml.replacingOccurrences(of: "name: shop", with: "name: other"))
        try t.write("segmint.yaml", "catalogs:\n  shop: catalog/shop.yaml\n  other: catalog/other.yaml\ndialects: [postgres]\n")
        let none = build(t)
        XCTAssertEqual(none.exitCode, 2)
        XCTAssertTrue(none.stderr.contains("choose one with --tenant"), none.stderr)
        for tenant in ["shop", "other"] {
            let out = runBuild(dialects: [], dbt: nil, full: false, catalog: nil, tenant: tenant, environment: t.environment())
            XCTAssertEqual(out.exitCode, 0, out.stderr)
            XCTAssertTrue(t.read("target/\(tenant)/postgres/paying.sql")?.contains("-- catalog: \(tenant)@1") ?? false, tenant)
        }
    }
}
