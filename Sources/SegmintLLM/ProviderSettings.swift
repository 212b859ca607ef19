/// Everything needed to talk to one configured endpoint.
public struct ProviderSettings: Sendable, Equatable {
    /// The wire protocol.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// OpenAI Chat Completions, also spoken by Azure OpenAI, Ollama, vLLM, llama.cpp, LiteLLM.
        case openai
        /// Anthropic Messages.
        case anthropic
    }

    /// How the key is sent.
    public enum Auth: String, Sendable, Codable, CaseIterable {
        /// `Authorization: Bearer KEY` (OpenAI and most compatible servers).
        case bearer
        /// `api-key: KEY` (Azure OpenAI).
        case apiKey = "api-key"
        /// `x-api-key: KEY` (Anthropic).
        case xApiKey = "x-api-key"
        /// No key (local servers such as Ollama or llama.cpp).
        case none
    }

    public var name: String
    public var kind: Kind
    /// Up to and including the version segment, e.g. `https://api.openai.com/v1`; the provider
    /// appends `/chat/completions` or `/messages`.
    public var baseURL: String
    public var model: String
    public var apiKey: Secret?
    public var auth: Auth
    /// OpenAI kind: sent as the `api-version` query parameter (Azure). Anthropic kind: the
    /// `anthropic-version` header.
    public var apiVersion: String?
    /// Extra headers (e.g. an organisation id); never traced.
    public var headers: [HTTPHeader]

    public init(name: String, kind: Kind, baseURL: String, model: String, apiKey: Secret? = nil,
                auth: Auth? = nil, apiVersion: String? = nil, headers: [HTTPHeader] = []) {
        self.name = name; self.kind = kind; self.baseURL = baseURL; self.model = model
        self.apiKey = apiKey
        self.auth = auth ?? (kind == .anthropic ? .xApiKey : .bearer)
        self.apiVersion = apiVersion; self.headers = headers
    }

    /// The base URL without trailing slashes, so `.../v1/` and `.../v1` behave the same.
    var trimmedBaseURL: String {
        var s = baseURL
        while s.hasSuffix("/") { s.removeLast() }
        return s
    }

    /// The auth header for the key, if any.
    var authHeader: HTTPHeader? {
        guard let key = apiKey, !key.value.isEmpty else { return nil }
        switch auth {
        case .bearer: return HTTPHeader("Authorization", "Bearer \(key.value)")
        case .apiKey: return HTTPHeader("api-key", key.value)
        case .xApiKey: return HTTPHeader("x-api-key", key.value)
        case .none: return nil
        }
    }
}
