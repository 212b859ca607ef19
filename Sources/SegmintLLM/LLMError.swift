import Foundation

/// A classified LLM failure. Its description names the class first ("rate limited",
/// "server error", ...) so users and logs can tell what went wrong at a glance.
public struct LLMError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        case rateLimited = "rate limited"
        case serverError = "server error"
        case timeout = "timeout"
        case connectionFailed = "connection failed"
        case badRequest = "bad request"
        case authentication = "authentication failed"
        case unparseableBody = "unparseable body"
        case deadlineExceeded = "deadline exceeded"
        case circuitOpen = "circuit open"
        case notConfigured = "not configured"
        case allProvidersFailed = "all providers failed"
    }

    public var kind: Kind
    /// Detail after the class: the provider's own message, curl's error text, etc. Secrets are
    /// removed before an error is built (see `Redactor`).
    public var detail: String
    /// The HTTP status, when a response arrived.
    public var status: Int?
    /// The server's `Retry-After`, in seconds, when it sent one.
    public var retryAfterSeconds: Double?
    /// The provider that failed (empty for errors not tied to one).
    public var provider: String

    public init(_ kind: Kind, _ detail: String, status: Int? = nil, retryAfterSeconds: Double? = nil, provider: String = "") {
        self.kind = kind; self.detail = detail; self.status = status
        self.retryAfterSeconds = retryAfterSeconds; self.provider = provider
    }

    /// 429, 5xx, timeouts and connection failures may succeed on a later attempt; other 4xx and
    /// bodies we cannot read will not.
    public var isRetryable: Bool {
        switch kind {
        case .rateLimited, .serverError, .timeout, .connectionFailed: return true
        default: return false
        }
    }

    /// A snake_case label for traces.
    public var label: String { kind.rawValue.replacingOccurrences(of: " ", with: "_") }

    public var description: String {
        var s = provider.isEmpty ? "" : "\(provider): "
        s += kind.rawValue
        if let status { s += " (HTTP \(status))" }
        if !detail.isEmpty { s += ": \(detail)" }
        return s
    }
}
