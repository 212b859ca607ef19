import SegmintCore

/// How the client counts characters in a line (LSP `positionEncoding`): UTF-16 code units
/// (the default every client supports) or UTF-8 bytes (when the client offers it).
public enum PositionEncoding: String, Sendable {
    case utf16 = "utf-16"
    case utf8 = "utf-8"
}

/// LSP positions (0-based line, character in the negotiated encoding) <-> byte offsets of a
/// document. Lines end at LF, CRLF or a lone CR, as in `SourceFile`. Positions past a line's
/// end clamp to it; lines past the end clamp to the end of the text. Bytes that are not
/// UTF-8 count as one unit each.
public struct PositionConverter {
    public let source: SourceFile
    public let encoding: PositionEncoding

    public init(source: SourceFile, encoding: PositionEncoding) { self.source = source; self.encoding = encoding }

    /// Byte offset where line `line` (0-based) ends, before its line break.
    func contentEnd(ofLine line: Int) -> Int {
        let starts = source.lineStarts, bytes = source.bytes
        guard line + 1 < starts.count else { return bytes.count }
        var end = starts[line + 1]
        if end > starts[line], bytes[end - 1] == 0x0A { end -= 1 }
        if end > starts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// Units of the character whose first byte is `b`, and its length in bytes.
    @inline(__always) func step(_ i: Int) -> (bytes: Int, units: Int) {
        let bytes = source.bytes
        let b = bytes[i]
        let n: Int
        switch b {
        case 0..<0x80: return (1, 1)
        case 0xC2...0xDF: n = 2
        case 0xE0...0xEF: n = 3
        case 0xF0...0xF4: n = 4
        default: return (1, 1)
        }
        guard i + n <= bytes.count, (1..<n).allSatisfy({ bytes[i + $0] & 0xC0 == 0x80 }) else { return (1, 1) }
        return (n, encoding == .utf8 ? n : (n == 4 ? 2 : 1))
    }

    /// The byte offset of an LSP position.
    public func offset(line: Int, character: Int) -> Int {
        let starts = source.lineStarts
        guard line >= 0 else { return 0 }
        guard line < starts.count else { return source.bytes.count }
        let end = contentEnd(ofLine: line)
        var i = starts[line], units = 0
        while i < end, units < character {
            let s = step(i)
            // A position inside a surrogate pair (or a multi-byte character) rounds forward.
            i = min(end, i + s.bytes)
            units += s.units
        }
        return i
    }

    /// The LSP position (line, character) of a byte offset.
    public func position(of offset: Int) -> (line: Int, character: Int) {
        let starts = source.lineStarts
        let o = max(0, min(offset, source.bytes.count))
        var lo = 0, hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= o { lo = mid } else { hi = mid - 1 }
        }
        let end = min(o, contentEnd(ofLine: lo))
        var i = starts[lo], units = 0
        while i < end {
            let s = step(i)
            i += s.bytes
            units += s.units
        }
        return (lo, units)
    }

    /// Length in units of bytes `start..<end` when they lie on one line (else to the line's end).
    public func length(from start: Int, to end: Int) -> Int {
        let p = position(of: start), q = position(of: end)
        if q.line == p.line { return q.character - p.character }
        return position(of: contentEnd(ofLine: p.line)).character - p.character
    }
}
