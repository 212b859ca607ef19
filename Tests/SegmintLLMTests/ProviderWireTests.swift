import XCTest
@testable import SegmintLLM
import SegmintTestSupport

/// The two wire protocols over real HTTP to the fake server: what is sent and what is read.
final class ProviderWireTests: XCTestCase {
    var server: FakeLLMServer!
    override func setUpWithError() throws { server = try FakeLLMServer() }
    override func tearDown() { server.stop() }

    func openAI(key: String? = "sk-test-openai-123456", auth: ProviderSettings.Auth? = nil, apiVersion: String? = nil) -> OpenAIProvider {
        OpenAIProvider(settings: ProviderSettings(name: "oa", kind: .openai, baseURL: server.baseURL + "/", model: "gpt-test",
                                                  apiKey: key.map(Secret.init), auth: auth, apiVersion: apiVersion))
    }

    func anthropic() -> AnthropicProvider {
        AnthropicProvider(settings: ProviderSettings(name: "claude", kind: .anthropic, baseURL: server.baseURL, model: "claude-test",
                                                     apiKey: Secret("sk-ant-secret-987654")))
    }

    func testOpenAIRequestCarriesKeyModelMessagesAndJSONFormat() async throws {
        server.enqueue(.completion("hello", promptTokens: 11, completionTokens: 4, model: "gpt-test-0613"))
        let r = try await openAI().complete(LLMRequest(system: "be terse", messages: [.user("hi")], maxTokens: 50, jsonResponse: true))
        XCTAssertEqual(r.text, "hello")
        XCTAssertEqual(r.model, "gpt-test-0613")
        XCTAssertEqual(r.usage, TokenUsage(promptTokens: 11, completionTokens: 4))
        XCTAssertEqual(r.finishReason, "stop")
        XCTAssertFalse(r.cacheHit)
        let req = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(req.method, "POST")
        XCTAssertEqual(req.path, "/v1/chat/completions")
        XCTAssertEqual(req.headers["authorization"], "Bearer sk-test-openai-123456")
        XCTAssertEqual(req.headers["content-type"], "application/json")
        let json = try XCTUnwrap(req.json)
        XCTAssertEqual(json["model"] as? String, "gpt-test")
        XCTAssertEqual(json["max_tokens"] as? Int, 50)
        XCTAssertEqual((json["response_format"] as? [String: Any])?["type"] as? String, "json_object")
        let messages = try XCTUnwrap(json["messages"] as? [[String: String]])
        XCTAssertEqual(messages, [["role": "system", "content": "be terse"], ["role": "user", "content": "hi"]])
    }

    func testRequestModelOverridesProviderModel() async throws {
        server.enqueue(.completion("x"))
        _ = try await openAI().complete(LLMRequest(messages: [.user("hi")], model: "cheap-model"))
        XCTAssertEqual(server.requests.first?.json?["model"] as? String, "cheap-model")
        XCTAssertNil(server.requests.first?.json?["response_format"])
    }

    func testAzureStyleUsesApiKeyHeaderAndVersionQuery() async throws {
        server.enqueue(.completion("azure ok"))
        let r = try await openAI(auth: .apiKey, apiVersion: "2024-06-01").complete(LLMRequest(messages: [.user("hi")]))
        XCTAssertEqual(r.text, "azure ok")
        let req = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(req.path, "/v1/chat/completions?api-version=2024-06-01")
        XCTAssertEqual(req.headers["api-key"], "sk-test-openai-123456")
        XCTAssertNil(req.headers["authorization"])
    }

    func testLocalServerWithoutKeySendsNoAuthHeader() async throws {
        server.enqueue(.completion("local"))
        _ = try await openAI(key: nil).complete(LLMRequest(messages: [.user("hi")]))
        XCTAssertNil(server.requests.first?.headers["authorization"])
    }

    func testUsageAbsentIsNil() async throws {
        server.enqueue(.completion("no usage", promptTokens: nil, completionTokens: nil))
        let r = try await openAI().complete(LLMRequest(messages: [.user("hi")]))
        XCTAssertNil(r.usage)
    }

    func testAnthropicRequestAndResponse() async throws {
        server.enqueue(.completion("bonjour", promptTokens: 20, completionTokens: 5))
        let r = try await anthropic().complete(LLMRequest(system: "sys", messages: [.user("hi")], maxTokens: 64))
        XCTAssertEqual(r.text, "bonjour")
        XCTAssertEqual(r.model, "fake-claude")
        XCTAssertEqual(r.usage, TokenUsage(promptTokens: 20, completionTokens: 5))
        XCTAssertEqual(r.finishReason, "end_turn")
        let req = try XCTUnwrap(server.requests.first)
        XCTAssertEqual(req.path, "/v1/messages")
        XCTAssertEqual(req.headers["x-api-key"], "sk-ant-secret-987654")
        XCTAssertEqual(req.headers["anthropic-version"], "2023-06-01")
        let json = try XCTUnwrap(req.json)
        XCTAssertEqual(json["model"] as? String, "claude-test")
        XCTAssertEqual(json["system"] as? String, "sys")
        XCTAssertEqual(json["max_tokens"] as? Int, 64)
        XCTAssertEqual(json["messages"] as? [[String: String]], [["role": "user", "content": "hi"]])
    }

    // MARK: classification of single attempts

    func assertFails(_ reply: FakeLLMServer.Reply, kind: LLMError.Kind, contains text: String, timeout: Double = 5,
                     file: StaticString = #filePath, line: UInt = #line) async {
        server.enqueue(reply)
        do {
            _ = try await openAI().attempt(LLMRequest(messages: [.user("hi")]), timeoutSeconds: timeout)
            XCTFail("expected \(kind)", file: file, line: line)
        } catch let e as LLMError {
            XCTAssertEqual(e.kind, kind, "\(e)", file: file, line: line)
            XCTAssertTrue(e.description.contains(text), "\(e)", file: file, line: line)
            XCTAssertTrue(e.description.hasPrefix("oa: \(kind.rawValue)"), "\(e)", file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    func testRateLimitedCarriesRetryAfter() async throws {
        server.enqueue(.rateLimited(retryAfter: "7"))
        do { _ = try await openAI().complete(LLMRequest(messages: [.user("hi")])); XCTFail("no error") } catch let e as LLMError {
            XCTAssertEqual(e.kind, .rateLimited)
            XCTAssertEqual(e.retryAfterSeconds, 7)
            XCTAssertEqual(e.status, 429)
            XCTAssertEqual(e.description, "oa: rate limited (HTTP 429): Rate limit reached for requests")
        }
    }

    func testServerError() async { await assertFails(.serverError(status: 503), kind: .serverError, contains: "(HTTP 503): The server had an error") }
    func testBadRequestCarriesProviderMessage() async {
        await assertFails(.clientError(status: 400, message: "Unknown parameter: 'foo'"), kind: .badRequest, contains: "(HTTP 400): Unknown parameter: 'foo'")
    }
    func testOllamaStyleStringError() async {
        await assertFails(.raw(status: 404, body: #"{"error":"model 'llama9' not found"}"#, headers: [:]), kind: .badRequest, contains: "model 'llama9' not found")
    }
    func testAuthenticationFailure() async { await assertFails(.clientError(status: 401, message: "Invalid API key"), kind: .authentication, contains: "Invalid API key") }
    func testMalformedJSON() async { await assertFails(.malformedJSON, kind: .unparseableBody, contains: "not valid JSON") }
    func testWrongShapeJSON() async {
        await assertFails(.raw(status: 200, body: #"{"object":"list","data":[]}"#, headers: [:]), kind: .unparseableBody, contains: "missing field 'choices'")
    }
    func testTruncatedBody() async {
        await assertFails(.truncated(body: #"{"choices":"#, declaredLength: 500), kind: .connectionFailed, contains: "bytes remaining")
    }
    func testConnectionReset() async { await assertFails(.reset, kind: .connectionFailed, contains: "reset by peer") }
    func testHangTimesOut() async { await assertFails(.hang, kind: .timeout, contains: "timed out", timeout: 0.3) }
    func testRefusedConnection() async throws {
        let port = server.port
        server.stop()
        let p = OpenAIProvider(settings: ProviderSettings(name: "oa", kind: .openai, baseURL: "http://127.0.0.1:\(port)/v1", model: "m"))
        do { _ = try await p.attempt(LLMRequest(messages: [.user("hi")]), timeoutSeconds: 2); XCTFail("no error") } catch let e as LLMError {
            XCTAssertEqual(e.kind, .connectionFailed, "\(e)")
            XCTAssertTrue(e.description.contains("oa: connection failed"), "\(e)")
        }
    }

    func testProviderMessageEchoingTheKeyIsRedacted() async {
        await assertFails(.clientError(status: 401, message: "Incorrect API key provided: sk-test-openai-123456."),
                          kind: .authentication, contains: "Incorrect API key provided: <redacted>.")
    }
}
