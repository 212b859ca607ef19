import Foundation
import SegmintCore
#if canImport(Glibc)
import Glibc
#endif

/// One line of the call trace.
public struct TraceEvent: Sendable, Equatable {
    public var provider: String
    public var model: String
    public var stage: String
    /// 1-based attempt on this provider; 0 for a cache hit.
    public var attempt: Int
    public var latencyMs: Int
    /// The HTTP status when a response arrived.
    public var httpStatus: Int?
    /// `ok` or the failure label (`rate_limited`, `server_error`, `timeout`, ...).
    public var outcome: String
    public var promptTokens: Int?
    public var completionTokens: Int?
    public var cacheHit: Bool
    /// The classified error message (already redacted) for failed attempts.
    public var error: String?

    /// The JSON line (without newline); keys in a fixed order for readable diffs.
    public var jsonLine: String {
        func num(_ v: Int?) -> String { v.map(String.init) ?? "null" }
        var s = "{\"provider\":\(JSON.string(provider)),\"model\":\(JSON.string(model)),\"stage\":\(JSON.string(stage))"
        s += ",\"attempt\":\(attempt),\"latency_ms\":\(latencyMs),\"status\":\(num(httpStatus)),\"outcome\":\(JSON.string(outcome))"
        s += ",\"prompt_tokens\":\(num(promptTokens)),\"completion_tokens\":\(num(completionTokens)),\"cache_hit\":\(cacheHit)"
        if let error { s += ",\"error\":\(JSON.string(error))" }
        return s + "}"
    }
}

/// Appends trace events as JSON lines. Each line goes out in one `write(2)` on an `O_APPEND`
/// descriptor, so lines from parallel stages (or processes) never interleave, and a crash loses
/// at most the line being written. Every line passes through the redactor first.
public final class TraceWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private let redactor: Redactor
    public let path: String

    public init(path: String, secrets: [Secret] = []) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LLMConfigError("cannot open trace file \(path): \(String(cString: strerror(errno)))") }
        self.fd = fd; self.path = path; self.redactor = Redactor(secrets)
    }

    deinit { close(fd) }

    public func record(_ event: TraceEvent) {
        let line = Array((redactor.clean(event.jsonLine) + "\n").utf8)
        lock.lock(); defer { lock.unlock() }
        var offset = 0
        while offset < line.count {
            let n = line[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }  // a full disk must not fail the call being traced
            offset += n
        }
    }
}
