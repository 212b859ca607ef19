import XCTest
import Foundation
@testable import SegmintNL

final class PromptTests: XCTestCase {
    /// The binary's copy of the prompts is byte-identical to `prompts/` (run
    /// `scripts/gen_prompts.sh` after editing a prompt).
    func testBuiltinCopyMatchesThePromptsDirectory() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: RepoPrompts.directory).filter { $0.hasSuffix(".prompt") }
        XCTAssertEqual(Set(files.map { String($0.dropLast(".prompt".count)) }), Set(BuiltinPrompts.files.keys))
        for f in files {
            let onDisk = try String(contentsOfFile: RepoPrompts.directory + "/" + f, encoding: .utf8)
            XCTAssertEqual(BuiltinPrompts.files[String(f.dropLast(".prompt".count))], onDisk,
                           "\(f) differs from the built-in copy; run scripts/gen_prompts.sh")
        }
        let builtin = try PromptSet.builtin(), repo = try RepoPrompts.load()
        XCTAssertEqual(builtin.all.map(\.hash), repo.all.map(\.hash))
        XCTAssertEqual(builtin.all.map(\.version), repo.all.map(\.version))
    }

    func testResolveOrderDirectoryThenEnvironmentThenBuiltin() throws {
        let dir = NSTemporaryDirectory() + "segmint-prompts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (stage, text) in BuiltinPrompts.files {
            let edited = text.replacingOccurrences(of: "version: 2", with: "version: 9")
            try edited.write(toFile: dir + "/\(stage).prompt", atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try PromptSet.resolve(directory: dir, environment: [:]).map.version, "9")
        XCTAssertEqual(try PromptSet.resolve(directory: nil, environment: ["SEGMINT_PROMPTS": dir]).map.version, "9")
        XCTAssertEqual(try PromptSet.resolve(directory: nil, environment: [:]).map.path, "<built-in>/map.prompt")
        // A directory that was asked for but is unusable is an error, not a quiet fallback.
        XCTAssertThrowsError(try PromptSet.resolve(directory: dir + "/missing", environment: [:]))
        XCTAssertThrowsError(try PromptSet.resolve(directory: nil, environment: ["SEGMINT_PROMPTS": dir + "/missing"])) { e in
            XCTAssertTrue("\(e)".contains("SEGMINT_PROMPTS"), "\(e)")
        }
    }

    /// The prompts speak of the catalog's entity and show examples made of its own names and values.
    func testPromptsSpeakOfTheCatalogsEntityWithItsOwnExamples() throws {
        let prompts = try PromptSet.builtin()
        let context = PromptContext(catalog: TestCatalogs.saas)
        for p in prompts.all {
            let text = context.render(p)
            XCTAssertFalse(text.contains("{{"), "\(p.stage): unfilled placeholder")
            XCTAssertFalse(text.lowercased().contains("customer"), "\(p.stage) speaks of customers:\n\(text)")
            for retail in ["outdoor", "california", "purchase", "loyalty"] {
                XCTAssertFalse(text.lowercased().contains(retail), "\(p.stage) carries the retail word \(retail)")
            }
        }
        let map = context.render(prompts.map)
        XCTAssertTrue(map.contains("a segment of accounts"), map)
        XCTAssertTrue(map.contains(#"plan = \"free\""#), map)
        XCTAssertTrue(map.contains("has invoice where status = "), map)
        let decompose = context.render(prompts.decompose)
        XCTAssertTrue(decompose.contains(#""request": "accounts, plan free"#), decompose)
        // Every example span is copied from its example request, as the rules demand.
        let streaming = PromptContext(catalog: TestCatalogs.streaming)
        XCTAssertEqual(streaming.entities, "subscribers")
        XCTAssertTrue(streaming.render(prompts.map).contains("has stream where genre = "), streaming.render(prompts.map))
    }

    func testEntityPlurals() {
        XCTAssertEqual(EntityWords.names("account").plural, "accounts")
        XCTAssertEqual(EntityWords.names("loyalty_member").plural, "loyalty members")
        XCTAssertEqual(EntityWords.names("company").plural, "companies")
        XCTAssertEqual(EntityWords.names("business").plural, "businesses")
    }
}
