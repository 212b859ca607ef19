#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `-` as a file argument: the process's standard input, read once and kept, so a command that
/// looks at its inputs twice (or names `-` twice) sees the same bytes instead of blocking.
public enum StandardInput {
    /// The path argument that means standard input.
    public static let path = "-"
    /// How diagnostics name standard input.
    public static let displayName = "<stdin>"

    /// The name to show for a path argument: `<stdin>` for `-`, the path itself otherwise.
    public static func display(_ path: String) -> String { path == Self.path ? displayName : path }

    private static let cache = StdinCache()

    /// Every byte of standard input (read at the first call).
    public static func bytes() throws -> [UInt8] { try cache.read() }
}

/// Reads stdin at most once; the lock orders the read before every later use.
private final class StdinCache: @unchecked Sendable {
    private var bytes: [UInt8]?
    private var lock = pthread_mutex_t()
    init() { pthread_mutex_init(&lock, nil) }

    func read() throws -> [UInt8] {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        if let bytes { return bytes }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, stdin) }
            if n > 0 { out.append(contentsOf: buf[0..<n]) }
            if n < buf.count {
                if ferror(stdin) != 0 { throw FileInput.ReadError(description: "cannot read \(StandardInput.displayName): read error") }
                break
            }
        }
        bytes = out
        return out
    }
}
