/// How hard to try one provider before failing over: exponential backoff with jitter, bounded
/// by a cap, and `Retry-After` honoured up to its own cap.
public struct RetryPolicy: Sendable, Equatable {
    /// Attempts per provider, the first included (1 means no retry).
    public var maxAttempts: Int
    /// The wait before the second attempt, in seconds; doubles each time.
    public var baseDelay: Double
    /// No backoff wait exceeds this, in seconds.
    public var maxDelay: Double
    /// A server's `Retry-After` is honoured up to this many seconds; a longer demand gives up on
    /// the provider (failing over) rather than stalling the whole run.
    public var maxRetryAfter: Double

    public init(maxAttempts: Int = 4, baseDelay: Double = 0.5, maxDelay: Double = 8, maxRetryAfter: Double = 30) {
        self.maxAttempts = max(1, maxAttempts); self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay); self.maxRetryAfter = max(0, maxRetryAfter)
    }

    /// The backoff before attempt `failedAttempt + 1`: "equal jitter", half fixed and half random,
    /// so concurrent clients spread out but never retry immediately.
    public func backoff(afterAttempt failedAttempt: Int, random: Double = Double.random(in: 0...1)) -> Double {
        let exponent = min(max(failedAttempt - 1, 0), 30)
        let ceiling = min(maxDelay, baseDelay * Double(1 << exponent))
        return ceiling / 2 + ceiling / 2 * min(max(random, 0), 1)
    }

    /// The wait before the next attempt, or nil when the server asks for longer than
    /// `maxRetryAfter` (then the caller should fail over instead of waiting).
    public func wait(afterAttempt failedAttempt: Int, retryAfter: Double?, random: Double = Double.random(in: 0...1)) -> Double? {
        let b = backoff(afterAttempt: failedAttempt, random: random)
        guard let retryAfter else { return b }
        if retryAfter > maxRetryAfter { return nil }
        return max(b, retryAfter)
    }
}
