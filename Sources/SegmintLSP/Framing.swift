#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads LSP base-protocol frames (`Content-Length: N\r\n\r\n` + N bytes) from a file
/// descriptor. Bad framing never stops it: a malformed header block is skipped and reported,
/// an oversized body is read and dropped, so the next good message still gets through.
public final class FrameReader {
    public enum Frame: Equatable {
        case message([UInt8])
        /// A header block or body that could not be used, and why (the stream goes on).
        case malformed(String)
        /// End of input.
        case end
    }

    let fd: Int32
    var buffer: [UInt8] = []
    var pos = 0
    var eof = false
    /// Bodies larger than this are dropped (a 50 MB document fits comfortably).
    public static let maxBodyBytes = 256 << 20
    static let maxHeaderBytes = 8 << 10

    public init(fd: Int32) { self.fd = fd }

    /// Reads more input into the buffer; false at end of input.
    func fill() -> Bool {
        if eof { return false }
        if pos > 0, pos >= buffer.count / 2 {
            buffer.removeFirst(pos)
            pos = 0
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 { buffer.append(contentsOf: chunk[0..<n]); return true }
            if n < 0, errno == EINTR { continue }
            eof = true
            return false
        }
    }

    /// The next frame.
    public func next() -> Frame {
        // Header block: up to an empty line.
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = findHeaderEnd()
            if headerEnd != nil { break }
            if buffer.count - pos > Self.maxHeaderBytes {
                pos = buffer.count
                return .malformed("header block longer than \(Self.maxHeaderBytes) bytes without an empty line")
            }
            if !fill() {
                let leftover = buffer.count - pos
                pos = buffer.count
                return leftover > 0 && !buffer[pos - leftover..<buffer.count].allSatisfy({ $0 == 0x0D || $0 == 0x0A }) ? .malformed("input ended inside a header") : .end
            }
        }
        guard let (bodyStart, headerBytes) = headerEnd.map({ ($0, Array(buffer[pos..<$0])) }) else { return .end }
        pos = bodyStart
        guard let length = Self.contentLength(headerBytes) else {
            return .malformed("no valid Content-Length header")
        }
        if length > Self.maxBodyBytes {
            skip(length)
            return .malformed("message of \(length) bytes is larger than \(Self.maxBodyBytes)")
        }
        while buffer.count - pos < length {
            if !fill() { pos = buffer.count; return .malformed("input ended inside a message body") }
        }
        let body = Array(buffer[pos..<(pos + length)])
        pos += length
        return .message(body)
    }

    /// Offset just after `\r\n\r\n` (or `\n\n`, which some clients send), if buffered.
    func findHeaderEnd() -> Int? {
        var i = pos
        // Blank lines before a header block (left over after a bad frame) are skipped.
        while i < buffer.count, buffer[i] == 0x0D || buffer[i] == 0x0A { i += 1 }
        if i > pos { pos = i }
        while i < buffer.count {
            if buffer[i] == 0x0A {
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return i + 2 }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return i + 3 }
            }
            i += 1
        }
        return nil
    }

    /// Drops `n` bytes of input without keeping them.
    func skip(_ n: Int) {
        var left = n
        while left > 0 {
            let have = buffer.count - pos
            if have == 0 { if !fill() { return }; continue }
            let take = min(have, left)
            pos += take
            left -= take
        }
    }

    static func contentLength(_ header: [UInt8]) -> Int? {
        let text = String(decoding: header, as: UTF8.self)
        for line in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingSpaces.lowercased()
            if name == "content-length" {
                let value = line[line.index(after: colon)...].trimmingSpaces
                guard let n = Int(value), n >= 0 else { return nil }
                return n
            }
        }
        return nil
    }
}

/// Writes frames to a file descriptor; one writer for all threads (a lock keeps frames whole).
public final class FrameWriter: @unchecked Sendable {
    let fd: Int32
    private var lock = pthread_mutex_t()

    public init(fd: Int32) {
        self.fd = fd
        pthread_mutex_init(&lock, nil)
    }

    /// Writes one frame; false when the other side is gone.
    @discardableResult
    public func write(_ body: [UInt8]) -> Bool {
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        var offset = 0
        while offset < frame.count {
            let n = frame[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n; continue }
            if n < 0, errno == EINTR { continue }
            return false
        }
        return true
    }
}

extension Substring {
    var trimmingSpaces: String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
