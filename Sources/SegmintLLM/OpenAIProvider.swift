import Foundation

/// OpenAI Chat Completions (`POST {base}/chat/completions`), the dialect also spoken by Azure
/// OpenAI (`auth: api-key` plus `api_version`), Ollama, vLLM, llama.cpp's server and LiteLLM.
public struct OpenAIProvider: HTTPLLMProvider {
    public let settings: ProviderSettings
    public let transport: HTTPTransport
    public init(settings: ProviderSettings, transport: HTTPTransport = CurlTransport()) {
        self.settings = settings; self.transport = transport
    }

    struct WireRequest: Encodable {
        struct Message: Encodable { var role: String; var content: String }
        struct ResponseFormat: Encodable { var type: String }
        var model: String
        var messages: [Message]
        var max_tokens: Int
        var temperature: Double?
        var response_format: ResponseFormat?
    }

    /// Only the fields Segmint reads; everything else in the body is ignored.
    struct WireResponse: Decodable {
        struct Choice: Decodable {
            struct Message: Decodable { var content: String? }
            var message: Message?
            var finish_reason: String?
        }
        struct Usage: Decodable { var prompt_tokens: Int?; var completion_tokens: Int? }
        var model: String?
        var choices: [Choice]
        var usage: Usage?
    }

    public func body(for request: LLMRequest) throws -> [UInt8] {
        var messages: [WireRequest.Message] = []
        if let system = request.system { messages.append(.init(role: "system", content: system)) }
        messages += request.messages.map { .init(role: $0.role, content: $0.content) }
        let wire = WireRequest(model: request.model ?? settings.model, messages: messages,
                               max_tokens: request.maxTokens, temperature: request.temperature,
                               response_format: request.jsonResponse ? .init(type: "json_object") : nil)
        return try Array(WireJSON.encoder.encode(wire))
    }

    public func decodeSuccess(_ body: [UInt8], request: LLMRequest) throws -> LLMResponse {
        let wire = try JSONDecoder().decode(WireResponse.self, from: Data(body))
        guard let choice = wire.choices.first else {
            throw LLMError(.unparseableBody, "the response has no choices", provider: name)
        }
        guard let text = choice.message?.content else {
            throw LLMError(.unparseableBody, "the first choice has no text content", provider: name)
        }
        let usage = wire.usage.map { TokenUsage(promptTokens: $0.prompt_tokens, completionTokens: $0.completion_tokens) }
        return LLMResponse(text: text, model: wire.model ?? request.model ?? settings.model, provider: name,
                           usage: usage, finishReason: choice.finish_reason)
    }
}

/// One encoder configuration for all wire bodies: sorted keys make equal requests byte-equal,
/// which the content-addressed cache relies on.
enum WireJSON {
    static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
