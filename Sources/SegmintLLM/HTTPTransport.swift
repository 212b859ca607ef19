import Foundation

/// One HTTP header; a list rather than a dictionary keeps the order the provider built.
/// Credentials headers print their value as `<redacted>` (a logged request must not leak a key).
public struct HTTPHeader: Sendable, Equatable, CustomStringConvertible, CustomReflectable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }

    static let credentialNames: Set<String> = ["authorization", "api-key", "x-api-key", "proxy-authorization"]
    var printableValue: String { Self.credentialNames.contains(name.lowercased()) ? "<redacted>" : value }
    public var description: String { "\(name): \(printableValue)" }
    public var customMirror: Mirror { Mirror(self, children: ["name": name, "value": printableValue]) }
}

/// A POST to send: providers build these, transports send them.
public struct HTTPRequest: Sendable {
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    /// The whole exchange (connect, send, receive) must finish within this many seconds.
    public var timeoutSeconds: Double
    public init(url: String, headers: [HTTPHeader], body: [UInt8], timeoutSeconds: Double) {
        self.url = url; self.headers = headers; self.body = body; self.timeoutSeconds = timeoutSeconds
    }
}

/// A complete response (any status); transport-level failures are `TransportError`s instead.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased; the last value wins for repeated names.
    public var headers: [String: String]
    public var body: [UInt8]
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status; self.headers = headers; self.body = body
    }
}

/// Why no complete response arrived.
public struct TransportError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case timeout, connection, invalidRequest }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}

/// Sends HTTP requests. `CurlTransport` is the real one; tests may substitute others.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
