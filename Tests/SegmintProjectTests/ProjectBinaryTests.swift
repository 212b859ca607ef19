import XCTest

/// The built binary run inside a project, as a user runs it: no --catalog anywhere.
final class ProjectBinaryTests: XCTestCase {
    static let binary: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/.build/debug/segmint"
    }()

    struct Ran { var status: Int32; var stdout: String; var stderr: String }

    func segmint(_ args: [String], in dir: String, environment: [String: String] = [:]) throws -> Ran {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw XCTSkip("build the segmint binary first") }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        var env = ProcessInfo.processInfo.environment
        env["SEGMINT_CATALOG"] = nil
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Ran(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func testCommandsInsideAProjectNeedNoCatalogFlag() throws {
        let t = try ShopCatalog.project("dialects: [sqlite]")
        let compile = try segmint(["compile", "plans.seg", "--segment", "paying"], in: t.path("segments"))
        XCTAssertEqual(compile.status, 0, compile.stderr)
        XCTAssertTrue(compile.stdout.contains("-- catalog: shop@1"), compile.stdout)
        let check = try segmint(["check", "usage"], in: t.path("segments"))
        XCTAssertEqual(check.status, 0, check.stderr)
        let build = try segmint(["build"], in: t.path("segments/usage"))
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("built 3 segments for sqlite in ../../target/"), build.stderr)
        let test = try segmint(["test", "--update"], in: t.root)
        XCTAssertEqual(test.status, 0, test.stdout + test.stderr)
        XCTAssertTrue(test.stdout.hasSuffix("3 passed, 0 failed (3 snapshots, 0 data tests)\n"), test.stdout)
    }

    func testTheEnvironmentVariableBeatsTheProjectAndTheFlagBeatsBoth() throws {
        let t = try ShopCatalog.project()
        try t.write("other.yaml", ShopCatalog.yaml.replacingOccurrences(of: "name: shop", with: "name: other"))
        let env = try segmint(["compile", "segments/plans.seg", "--segment", "paying"], in: t.root, environment: ["SEGMINT_CATALOG": t.path("other.yaml")])
        XCTAssertTrue(env.stdout.contains("-- catalog: other@1"), env.stdout + env.stderr)
        let flag = try segmint(["compile", "segments/plans.seg", "--segment", "paying", "--catalog", "catalog/shop.yaml"], in: t.root,
                               environment: ["SEGMINT_CATALOG": t.path("other.yaml")])
        XCTAssertTrue(flag.stdout.contains("-- catalog: shop@1"), flag.stdout + flag.stderr)
    }

    func testABrokenProjectFileStopsTheCommandWithItsLine() throws {
        let t = try TempProject(["segmint.yaml": "catalog: shop.yaml\ndialects: [postgres\n", "s.seg": "segment a { include { x = 1 } }\n"])
        let out = try segmint(["check", "s.seg"], in: t.root)
        XCTAssertEqual(out.status, 1)
        XCTAssertTrue(out.stderr.contains("segmint.yaml:3:"), out.stderr)
    }
}
