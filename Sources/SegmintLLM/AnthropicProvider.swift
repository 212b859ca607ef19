import Foundation

/// Anthropic Messages (`POST {base}/messages`, `x-api-key`, `anthropic-version`).
public struct AnthropicProvider: HTTPLLMProvider {
    public let settings: ProviderSettings
    public let transport: HTTPTransport
    public init(settings: ProviderSettings, transport: HTTPTransport = CurlTransport()) {
        self.settings = settings; self.transport = transport
    }

    struct WireRequest: Encodable {
        struct Message: Encodable { var role: String; var content: String }
        var model: String
        var max_tokens: Int
        var system: String?
        var messages: [Message]
        var temperature: Double?
    }

    /// Only the fields Segmint reads; everything else in the body is ignored.
    struct WireResponse: Decodable {
        struct Block: Decodable { var type: String; var text: String? }
        struct Usage: Decodable { var input_tokens: Int?; var output_tokens: Int? }
        var model: String?
        var content: [Block]
        var stop_reason: String?
        var usage: Usage?
    }

    public func body(for request: LLMRequest) throws -> [UInt8] {
        let wire = WireRequest(model: request.model ?? settings.model, max_tokens: request.maxTokens,
                               system: request.system,
                               messages: request.messages.map { .init(role: $0.role, content: $0.content) },
                               temperature: request.temperature)
        return try Array(WireJSON.encoder.encode(wire))
    }

    public func decodeSuccess(_ body: [UInt8], request: LLMRequest) throws -> LLMResponse {
        let wire = try JSONDecoder().decode(WireResponse.self, from: Data(body))
        let texts = wire.content.filter { $0.type == "text" }.compactMap(\.text)
        guard !texts.isEmpty else {
            throw LLMError(.unparseableBody, "the response has no text content block", provider: name)
        }
        let usage = wire.usage.map { TokenUsage(promptTokens: $0.input_tokens, completionTokens: $0.output_tokens) }
        return LLMResponse(text: texts.joined(), model: wire.model ?? request.model ?? settings.model, provider: name,
                           usage: usage, finishReason: wire.stop_reason)
    }
}
