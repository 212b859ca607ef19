import Foundation
import XCTest
@testable import SegmintLLM
import SegmintTestSupport
import SegmintStore

/// The response cache through the client over real HTTP: hits skip the network, misses fill the
/// cache, `noCache` bypasses it, and every component of the key matters.
final class ResponseCacheTests: XCTestCase {
    var server: FakeLLMServer!
    override func setUpWithError() throws { server = try FakeLLMServer() }
    override func tearDown() { server.stop() }

    func makeClient(_ dir: String, trace: TraceWriter? = nil, providers: [ProviderSettings]? = nil) throws -> (LLMClient, ResponseCache) {
        let cache = try ResponseCache(directory: dir + "/cache")
        let config = LLMConfig(providers: providers ?? [settings("a", server, model: "m-1")], retry: fastRetry, cacheDirectory: dir + "/cache")
        return (LLMClient(config: config, cache: cache, trace: trace), cache)
    }

    let question = LLMRequest(stage: "decompose", promptVersion: "v1", messages: [.user("customers who bought twice")])

    func testMissThenHitSkipsTheNetwork() async throws {
        let dir = try temporaryDirectory(self)
        let trace = try TraceWriter(path: dir + "/t.jsonl")
        let (client, cache) = try makeClient(dir, trace: trace)
        server.enqueue(.completion("cached answer", promptTokens: 30, completionTokens: 9))
        let first = try await client.complete(question)
        let second = try await client.complete(question)
        XCTAssertFalse(first.cacheHit)
        XCTAssertTrue(second.cacheHit)
        XCTAssertEqual(second.text, "cached answer")
        XCTAssertEqual(second.usage, first.usage)
        XCTAssertEqual(server.requests.count, 1)
        XCTAssertEqual(cache.stats, ResponseCache.Stats(hits: 1, misses: 1))
        XCTAssertEqual(client.cacheStats, cache.stats)
        let lines = try traceLines(dir + "/t.jsonl")
        XCTAssertEqual(lines.map { $0["cache_hit"] as? Bool }, [false, true])
        XCTAssertEqual(lines[1]["attempt"] as? Int, 0)
        XCTAssertEqual(lines[1]["stage"] as? String, "decompose")
    }

    func testPersistsAcrossClients() async throws {
        let dir = try temporaryDirectory(self)
        server.enqueue(.completion("from disk"))
        _ = try await makeClient(dir).0.complete(question)
        let again = try await makeClient(dir).0.complete(question)
        XCTAssertTrue(again.cacheHit)
        XCTAssertEqual(again.text, "from disk")
        XCTAssertEqual(server.requests.count, 1)
    }

    func testNoCacheNeitherReadsNorWrites() async throws {
        let dir = try temporaryDirectory(self)
        let (client, cache) = try makeClient(dir)
        server.enqueue(.completion("one"), .completion("two"), .completion("three"))
        var q = question
        q.noCache = true
        let text1 = try await client.complete(q).text
        XCTAssertEqual(text1, "one")
        let text2 = try await client.complete(q).text
        XCTAssertEqual(text2, "two")
        XCTAssertEqual(try cache.count(), 0)
        XCTAssertEqual(cache.stats, ResponseCache.Stats(hits: 0, misses: 0))
        // A cached request afterwards still goes to the network: nothing was stored.
        let text3 = try await client.complete(question).text
        XCTAssertEqual(text3, "three")
    }

    func testPromptVersionModelAndBodyAreAllPartOfTheKey() async throws {
        let dir = try temporaryDirectory(self)
        let (client, cache) = try makeClient(dir)
        server.enqueue(.completion("base"), .completion("new prompt"), .completion("other model"), .completion("other text"))
        _ = try await client.complete(question)
        var v2 = question; v2.promptVersion = "v2"
        var otherModel = question; otherModel.stage = "ground"
        var otherText = question; otherText.messages = [.user("customers who bought thrice")]
        let config2 = LLMConfig(providers: [settings("a", server, model: "m-2")], retry: fastRetry, cacheDirectory: dir + "/cache")
        let text4 = try await client.complete(v2).text
        XCTAssertEqual(text4, "new prompt")
        let text5 = try await LLMClient(config: config2, cache: cache).complete(question).text
        XCTAssertEqual(text5, "other model")
        let text6 = try await client.complete(otherText).text
        XCTAssertEqual(text6, "other text")
        // The stage name alone is routing, not content: same provider, model and body hit.
        let text7 = try await client.complete(otherModel).text
        XCTAssertEqual(text7, "base")
        XCTAssertEqual(server.requests.count, 4)
        XCTAssertEqual(try cache.count(), 4)
    }

    func testFailuresAreNotCached() async throws {
        let dir = try temporaryDirectory(self)
        let (client, cache) = try makeClient(dir)
        server.enqueue(.clientError(status: 400, message: "nope"), .completion("later success"))
        _ = await expectLLMError { _ = try await client.complete(self.question) }
        XCTAssertEqual(try cache.count(), 0)
        let text8 = try await client.complete(question).text
        XCTAssertEqual(text8, "later success")
    }

    func testCorruptEntryIsAMissNotACrash() throws {
        let dir = try temporaryDirectory(self)
        let cache = try ResponseCache(directory: dir)
        XCTAssertTrue(cache.store(key: "k", model: "m", response: LLMResponse(text: "t", model: "m", provider: "p")))
        let raw = try SQLiteDatabase(path: cache.path)
        try raw.execute("UPDATE llm_responses SET response = 'not json'")
        raw.close()
        XCTAssertNil(cache.lookup("k"))
        XCTAssertEqual(cache.stats.misses, 1)
    }

    func testUnusableCacheDirectoryIsAClearError() throws {
        let dir = try temporaryDirectory(self)
        try "file".write(toFile: dir + "/blocker", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ResponseCache(directory: dir + "/blocker/cache")) { e in
            XCTAssertTrue("\(e)".hasPrefix("cannot create cache directory \(dir)/blocker/cache"), "\(e)")
        }
    }

    func testCacheKeyIsSHA256OfItsParts() {
        let body = Array("{\"model\":\"m\"}".utf8)
        let key = LLMClient.cacheKey(promptVersion: "v1", model: "m", body: body)
        XCTAssertEqual(key, SHA256.hex(Array("segmint-llm-cache/1\nv1\nm\n".utf8) + body))
        XCTAssertNotEqual(key, LLMClient.cacheKey(promptVersion: "v2", model: "m", body: body))
        XCTAssertNotEqual(key, LLMClient.cacheKey(promptVersion: "v1", model: "n", body: body))
        XCTAssertNotEqual(key, LLMClient.cacheKey(promptVersion: "v1", model: "m", body: body + [32]))
    }

    func testConcurrentThreadsWithSeparateConnections() throws {
        let dir = try temporaryDirectory(self)
        let caches = try (0..<4).map { _ in try ResponseCache(directory: dir) }
        DispatchQueue.concurrentPerform(iterations: 200) { i in
            let r = LLMResponse(text: "answer \(i)", model: "m", provider: "p")
            XCTAssertTrue(caches[i % 4].store(key: "key-\(i)", model: "m", response: r))
        }
        XCTAssertEqual(try caches[0].count(), 200)
        for i in 0..<200 { XCTAssertEqual(caches[(i + 1) % 4].lookup("key-\(i)")?.text, "answer \(i)") }
        XCTAssertEqual(try caches[0].integrityCheck(), "ok")
    }
}

/// `LLMSetup`: the flags every model-calling command shares.
final class LLMSetupTests: XCTestCase {
    func testBuildsClientWithCacheAndTrace() async throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let dir = try temporaryDirectory(self)
        let env = ["HOME": dir, "OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-setup-secret-1", "SEGMINT_CACHE_DIR": dir + "/c"]
        let client = try LLMSetup.makeClient(tracePath: dir + "/t.jsonl", environment: env, workingDirectory: dir)
        server.enqueue(.completion("hello"))
        _ = try await client.complete(LLMRequest(messages: [.user("q")]))
        let again = try await client.complete(LLMRequest(messages: [.user("q")]))
        XCTAssertTrue(again.cacheHit)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/c/llm-cache.sqlite3"))
        XCTAssertEqual(try traceLines(dir + "/t.jsonl").count, 2)
        XCTAssertFalse(try String(contentsOfFile: dir + "/t.jsonl", encoding: .utf8).contains("sk-setup-secret-1"))
    }

    func testNoCacheOpensNoCache() async throws {
        let server = try FakeLLMServer()
        defer { server.stop() }
        let dir = try temporaryDirectory(self)
        let env = ["HOME": dir, "OPENAI_BASE_URL": server.baseURL, "SEGMINT_CACHE_DIR": dir + "/c"]
        let client = try LLMSetup.makeClient(noCache: true, environment: env, workingDirectory: dir)
        server.enqueue(.completion("1"), .completion("2"))
        _ = try await client.complete(LLMRequest(messages: [.user("q")]))
        let second = try await client.complete(LLMRequest(messages: [.user("q")]))
        XCTAssertEqual(second.text, "2")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/c"))
    }

    func testUnwritableCacheDirSuggestsNoCache() throws {
        let dir = try temporaryDirectory(self)
        try "x".write(toFile: dir + "/file", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LLMSetup.makeClient(environment: ["HOME": dir, "SEGMINT_CACHE_DIR": dir + "/file/sub"], workingDirectory: dir)) { e in
            XCTAssertTrue("\(e)".hasSuffix("(use --no-cache, or set SEGMINT_CACHE_DIR to a writable directory)"), "\(e)")
        }
    }
}
