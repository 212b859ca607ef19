import Foundation
import SegmintCore

/// `circuit_breaker:` in the configuration.
public struct BreakerPolicy: Sendable, Equatable {
    /// Failed attempts in a row after which a provider is skipped. The default (5) is above the
    /// default attempts of one call (4), so only failures across calls open it.
    public var failures: Int
    /// How long other processes sharing the cache directory skip it too (seconds).
    public var cooldown: Double
    public init(failures: Int = 5, cooldown: Double = 30) { self.failures = failures; self.cooldown = cooldown }
}

/// A per-provider circuit breaker. After `failures` failed attempts in a row a provider is open
/// (skipped) for the rest of this client's life, which for `ask` is one request, and — when a
/// state directory is given — for `cooldown` seconds in every process sharing that directory
/// (one small file per provider holding the wall-clock time it reopens, written atomically).
/// A success closes the breaker again and removes the file.
public final class CircuitBreaker: @unchecked Sendable {
    public let policy: BreakerPolicy
    private let directory: String?
    private let lock = NSLock()
    private var consecutive: [String: Int] = [:]
    private var open: Set<String> = []

    public init(policy: BreakerPolicy, directory: String?) {
        self.policy = policy; self.directory = directory
    }

    /// Why `provider` is skipped now, or nil when it may be tried.
    public func openReason(_ provider: ProviderSettings) -> String? {
        let local = lock.withLock { open.contains(provider.name) }
        if local { return "\(policy.failures) failed attempts in a row in this run" }
        guard let path = file(provider), let bytes = try? FileInput.read(path),
              let until = Double(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        let left = until - Date().timeIntervalSince1970
        guard left > 0 else { return nil }
        return String(format: "it failed %d times in a row recently; skipped for %.0f s more", policy.failures, left.rounded(.up))
    }

    /// Counts a failed attempt; returns true when this failure opened the breaker.
    @discardableResult
    public func failed(_ provider: ProviderSettings) -> Bool {
        let opened: Bool = lock.withLock {
            consecutive[provider.name, default: 0] += 1
            guard consecutive[provider.name, default: 0] >= policy.failures, !open.contains(provider.name) else { return false }
            open.insert(provider.name)
            return true
        }
        if opened, policy.cooldown > 0, let path = file(provider) {
            // Best effort: a state directory that cannot be written only loses the cross-process part.
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? AtomicFile.write(String(Date().timeIntervalSince1970 + policy.cooldown) + "\n", to: path)
        }
        return opened
    }

    /// Counts a success: the provider works again.
    public func succeeded(_ provider: ProviderSettings) {
        let wasCounting: Bool = lock.withLock {
            let had = consecutive[provider.name, default: 0] > 0 || open.contains(provider.name)
            consecutive[provider.name] = 0
            open.remove(provider.name)
            return had
        }
        if let path = file(provider), wasCounting || FileManager.default.fileExists(atPath: path) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// `<dir>/breaker/<name>-<hash of the base URL>`: two configurations that reuse a name for
    /// different endpoints do not trip each other.
    private func file(_ p: ProviderSettings) -> String? {
        guard let directory else { return nil }
        let safe = String(p.name.unicodeScalars.map { s -> Character in
            (s.properties.isAlphabetic && s.isASCII) || ("0"..."9").contains(s) || s == "-" || s == "_" ? Character(s) : "_"
        }.prefix(64))
        let h = SHA256.hex(Array(p.baseURL.utf8)).prefix(12)
        return directory + "/breaker/\(safe)-\(h)"
    }
}
