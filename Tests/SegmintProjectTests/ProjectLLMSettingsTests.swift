import XCTest
import SegmintLLM

/// The LLM settings live in the project file: found by walking up, and a project file without
/// them leaves the environment in charge.
final class ProjectLLMSettingsTests: XCTestCase {
    func testProvidersInTheProjectFileAreFoundFromASubdirectory() throws {
        let t = try TempProject([
            "segmint.yaml": "catalog: shop.yaml\nproviders:\n  - {name: local, kind: openai, base_url: \"http://127.0.0.1:9/v1\", model: m, auth: none}\n",
            "segments/deep/keep": "",
        ])
        let config = try LLMConfigLoader.load(environment: ["HOME": t.root], workingDirectory: t.path("segments/deep"))
        XCTAssertEqual(config.providers.map(\.name), ["local"])
        XCTAssertEqual(config.source, t.path("segmint.yaml"))
    }

    func testAProjectFileWithoutProvidersLeavesTheEnvironmentInCharge() throws {
        let t = try TempProject(["segmint.yaml": "catalog: shop.yaml\n"])
        let config = try LLMConfigLoader.load(environment: ["HOME": t.root, "ANTHROPIC_API_KEY": "k"], workingDirectory: t.root)
        XCTAssertEqual(config.providers.map(\.name), ["anthropic"])
        XCTAssertEqual(config.source, "environment")
    }
}
