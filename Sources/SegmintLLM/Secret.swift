import Foundation

/// An API key. It prints as `<redacted>` in every form Swift offers (`print`, `dump`, string
/// interpolation, `debugPrint`), so a key cannot leak through logging a config by accident.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself: read only where a request header is built.
    public let value: String
    public init(_ value: String) { self.value = value }
    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

/// Removes known secrets from text that may echo them (a provider's error message quoting the
/// key, curl's error text) before the text reaches an error, a trace or the terminal.
public struct Redactor: Sendable {
    private let secrets: [String]
    public init(_ secrets: [Secret]) {
        // Short values would redact innocent text and cannot be real keys.
        self.secrets = secrets.map(\.value).filter { $0.count >= 6 }
    }
    public func clean(_ text: String) -> String {
        var out = text
        for s in secrets { out = out.replacingOccurrences(of: s, with: "<redacted>") }
        return out
    }
}
