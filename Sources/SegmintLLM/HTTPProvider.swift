import Foundation

/// A provider reached over HTTP: it builds the wire request and reads the wire response; one
/// call to `complete` is exactly one attempt (retries live in `LLMClient`).
public protocol HTTPLLMProvider: LLMProvider {
    var settings: ProviderSettings { get }
    var transport: HTTPTransport { get }
    /// The JSON body for a request (also what the response cache key is computed from).
    func body(for request: LLMRequest) throws -> [UInt8]
    /// The full HTTP request for one attempt.
    func httpRequest(for request: LLMRequest, timeoutSeconds: Double) throws -> HTTPRequest
    /// Reads a 2xx body.
    func decodeSuccess(_ body: [UInt8], request: LLMRequest) throws -> LLMResponse
}

extension HTTPLLMProvider {
    public var name: String { settings.name }
    public var defaultModel: String { settings.model }

    /// One attempt with the default timeout of 60 s.
    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        try await attempt(request, timeoutSeconds: 60)
    }

    /// One attempt: send, then classify. Every failure comes back as an `LLMError`.
    public func attempt(_ request: LLMRequest, timeoutSeconds: Double) async throws -> LLMResponse {
        let redactor = Redactor(settings.apiKey.map { [$0] } ?? [])
        let http: HTTPRequest
        do { http = try httpRequest(for: request, timeoutSeconds: timeoutSeconds) } catch {
            throw LLMError(.badRequest, "cannot encode the request: \(error)", provider: name)
        }
        let response: HTTPResponse
        do { response = try await transport.send(http) } catch let e as TransportError {
            switch e.kind {
            case .timeout: throw LLMError(.timeout, redactor.clean(e.message), provider: name)
            case .connection: throw LLMError(.connectionFailed, redactor.clean(e.message), provider: name)
            case .invalidRequest: throw LLMError(.badRequest, redactor.clean(e.message), provider: name)
            }
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LLMError(.connectionFailed, redactor.clean("\(error)"), provider: name)
        }
        if let failure = ResponseClassifier.failure(for: response, provider: name, redactor: redactor) {
            throw failure
        }
        do { return try decodeSuccess(response.body, request: request) } catch let e as LLMError {
            throw e
        } catch {
            throw LLMError(.unparseableBody, "\(ResponseClassifier.decodingText(error)); body starts \(ResponseClassifier.snippet(response.body, redactor))", status: response.status, provider: name)
        }
    }

    public func httpRequest(for request: LLMRequest, timeoutSeconds: Double) throws -> HTTPRequest {
        HTTPRequest(url: endpointURL, headers: requestHeaders, body: try body(for: request), timeoutSeconds: timeoutSeconds)
    }

    var endpointURL: String {
        switch settings.kind {
        case .openai:
            let base = settings.trimmedBaseURL + "/chat/completions"
            guard let v = settings.apiVersion else { return base }
            let encoded = v.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? v
            return base + "?api-version=" + encoded
        case .anthropic:
            return settings.trimmedBaseURL + "/messages"
        }
    }

    var requestHeaders: [HTTPHeader] {
        var h = [HTTPHeader("Content-Type", "application/json"), HTTPHeader("Accept", "application/json")]
        if let auth = settings.authHeader { h.append(auth) }
        if settings.kind == .anthropic { h.append(HTTPHeader("anthropic-version", settings.apiVersion ?? "2023-06-01")) }
        h.append(contentsOf: settings.headers)
        return h
    }
}

/// Turns non-2xx responses into classified errors carrying the provider's own message.
enum ResponseClassifier {
    /// The error shapes seen in the wild: `{"error":{"message":...}}` (OpenAI, Anthropic, Azure),
    /// `{"error":"..."}` (Ollama), `{"message":...}` (vLLM, some proxies).
    private struct ErrorBody: Decodable {
        struct Inner: Decodable { var message: String? }
        var error: Inner?
        var errorText: String?
        var message: String?
        enum CodingKeys: String, CodingKey { case error, message }
        init(from d: Decoder) throws {
            let c = try d.container(keyedBy: CodingKeys.self)
            message = try? c.decodeIfPresent(String.self, forKey: .message)
            if let s = try? c.decodeIfPresent(String.self, forKey: .error) { errorText = s } else {
                error = try? c.decodeIfPresent(Inner.self, forKey: .error)
            }
        }
    }

    static func failure(for r: HTTPResponse, provider: String, redactor: Redactor) -> LLMError? {
        guard !(200...299).contains(r.status) else { return nil }
        let message = providerMessage(r.body, redactor)
        switch r.status {
        case 429:
            return LLMError(.rateLimited, message, status: r.status, retryAfterSeconds: retryAfter(r.headers), provider: provider)
        case 408:
            return LLMError(.timeout, message.isEmpty ? "the server timed out waiting for the request" : message, status: r.status, provider: provider)
        case 500...599:
            return LLMError(.serverError, message, status: r.status, retryAfterSeconds: retryAfter(r.headers), provider: provider)
        case 401, 403:
            return LLMError(.authentication, message.isEmpty ? "check the API key" : message, status: r.status, provider: provider)
        default:
            return LLMError(.badRequest, message.isEmpty ? "no message from the provider" : message, status: r.status, provider: provider)
        }
    }

    static func providerMessage(_ body: [UInt8], _ redactor: Redactor) -> String {
        if let e = try? JSONDecoder().decode(ErrorBody.self, from: Data(body)),
           let m = e.error?.message ?? e.errorText ?? e.message {
            return redactor.clean(m)
        }
        return snippet(body, redactor)
    }

    /// `Retry-After` in seconds (RFC 9110 also allows an HTTP date; servers of LLM APIs send
    /// seconds, so a date is ignored); OpenAI's `retry-after-ms` when present is more precise.
    static func retryAfter(_ headers: [String: String]) -> Double? {
        if let ms = headers["retry-after-ms"].flatMap({ Double($0) }), ms >= 0, ms.isFinite { return ms / 1000 }
        if let s = headers["retry-after"].flatMap({ Double($0) }), s >= 0, s.isFinite { return s }
        return nil
    }

    /// The start of a body for messages: printable, one line, bounded.
    static func snippet(_ body: [UInt8], _ redactor: Redactor) -> String {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return "(empty)" }
        return "'" + redactor.clean(text) + (body.count > 200 ? "…'" : "'")
    }

    static func decodingText(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "unexpected value at '\(ctx.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "\(error)"
        }
    }
}
