#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old content or the new, never a torn one:
/// write to a temporary file in the same directory, fsync, then rename over the target.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// `durable: false` skips the fsync: the rename still makes the switch atomic for readers,
    /// but after a power loss the file may be empty. For outputs that are regenerated from
    /// their sources (a project build writes thousands), where an fsync each costs seconds.
    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws {
        let tmp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(description: "cannot write \(path): \(errnoText())") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errnoText(); close(fd); unlink(tmp)
                throw WriteError(description: "cannot write \(path): \(e)")
            }
            offset += n
        }
        if durable { fsync(fd) }
        close(fd)
        guard rename(tmp, path) == 0 else {
            let e = errnoText(); unlink(tmp)
            throw WriteError(description: "cannot write \(path): \(e)")
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Reads whole files as bytes, with clear errors (missing, a directory, unreadable).
public enum FileInput {
    public struct ReadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The bytes of `path`; `-` is standard input (see `StandardInput`).
    public static func read(_ path: String) throws -> [UInt8] {
        if path == StandardInput.path { return try StandardInput.bytes() }
        var st = stat()
        guard stat(path, &st) == 0 else { throw ReadError(description: "cannot read \(path): \(AtomicFile.errnoText())") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw ReadError(description: "cannot read \(path): is a directory") }
        guard let f = fopen(path, "rb") else { throw ReadError(description: "cannot read \(path): \(AtomicFile.errnoText())") }
        defer { fclose(f) }
        var out: [UInt8] = []
        out.reserveCapacity(Int(st.st_size))
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buf.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
            if n > 0 { out.append(contentsOf: buf[0..<n]) }
            if n < buf.count {
                if ferror(f) != 0 { throw ReadError(description: "cannot read \(path): read error") }
                break
            }
        }
        return out
    }
}
