/// One input text (a `.seg` file, a catalog, a request) identified by a small integer.
/// Spans point into it by byte offset; line and column are computed only when rendering.
public struct SourceFile: Sendable {
    public let id: Int
    /// The name shown in diagnostics (a path, or `<stdin>`, `<request>`).
    public let path: String
    /// The raw bytes. Not necessarily valid UTF-8: the lexer reports invalid sequences.
    public let bytes: [UInt8]
    /// Byte offset of the start of each line.
    public let lineStarts: [Int]

    public init(id: Int, path: String, bytes: [UInt8]) {
        self.id = id
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // LF, CRLF and a lone CR (old Mac files) each end a line.
        for (i, b) in bytes.enumerated() where b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
            starts.append(i + 1)
        }
        self.lineStarts = starts
    }

    public init(id: Int, path: String, text: String) {
        self.init(id: id, path: path, bytes: Array(text.utf8))
    }

    /// 1-based line and 1-based column (in characters of the line's decoded text) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= clamped { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        let prefix = bytes[start..<clamped]
        // Column counts Unicode scalars so a caret lines up under the right character.
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(line: lo + 1, column: column, offset: clamped)
    }

    /// The text of a 1-based line, without its newline (invalid UTF-8 shown as U+FFFD).
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The source text of a span (decoded leniently).
    public func text(of span: Span) -> String {
        let lo = max(0, min(span.start, bytes.count)), hi = max(lo, min(span.end, bytes.count))
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }
}

public struct SourceLocation: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let offset: Int
}

/// A byte range `[start, end)` in one source file.
///
/// Stored as three Int32 (12 bytes, not 24): every AST node carries one or more spans, so this
/// halves the spans' share of a large file's AST. Offsets beyond 2 GiB clamp (inputs are far
/// smaller: the CLI reads whole files into memory).
public struct Span: Sendable, Hashable, Codable {
    private var rawFile: Int32
    private var rawStart: Int32
    private var rawEnd: Int32

    public var file: Int { get { Int(rawFile) } set { rawFile = Int32(clamping: newValue) } }
    public var start: Int { get { Int(rawStart) } set { rawStart = Int32(clamping: newValue) } }
    public var end: Int { get { Int(rawEnd) } set { rawEnd = Int32(clamping: newValue) } }

    public init(file: Int, start: Int, end: Int) {
        rawFile = Int32(clamping: file)
        rawStart = Int32(clamping: start)
        rawEnd = Int32(clamping: end)
    }

    private enum CodingKeys: String, CodingKey { case file, start, end }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try c.decode(Int.self, forKey: .file), start: try c.decode(Int.self, forKey: .start),
                  end: try c.decode(Int.self, forKey: .end))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
    }

    /// A span for things that have no place in any source (synthesised nodes).
    public static let none = Span(file: -1, start: 0, end: 0)

    /// The smallest span covering both.
    public func to(_ other: Span) -> Span {
        guard file == other.file else { return self }
        return Span(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}

/// All sources of one command, so diagnostics can be rendered against their text.
public final class SourceMap: @unchecked Sendable {
    public private(set) var files: [SourceFile] = []

    public init() {}

    /// Adds a source and returns it with its id assigned.
    @discardableResult
    public func add(path: String, bytes: [UInt8]) -> SourceFile {
        let file = SourceFile(id: files.count, path: path, bytes: bytes)
        files.append(file)
        return file
    }

    @discardableResult
    public func add(path: String, text: String) -> SourceFile {
        add(path: path, bytes: Array(text.utf8))
    }

    public subscript(id: Int) -> SourceFile? {
        id >= 0 && id < files.count ? files[id] : nil
    }
}

/// Why bytes are not text: a NUL (binary data) or an invalid UTF-8 sequence, at a byte offset.
public enum NonText: Equatable, Sendable {
    case nul(at: Int)
    case invalidUTF8(at: Int)

    public var offset: Int {
        switch self { case .nul(let o), .invalidUTF8(let o): return o }
    }

    /// The first NUL byte, else the first invalid UTF-8 sequence; nil for valid text.
    /// Pure ASCII without NUL (almost every input) is settled without decoding.
    public static func find(in bytes: [UInt8]) -> NonText? {
        let plainASCII = bytes.withUnsafeBufferPointer { buf -> Bool in
            var any: UInt8 = 0, zero = false
            for b in buf { any |= b; zero = zero || b == 0 }
            return any < 0x80 && !zero
        }
        if plainASCII { return nil }
        if let nul = bytes.firstIndex(of: 0) { return .nul(at: nul) }
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput: return nil
            case .error: return .invalidUTF8(at: min(offset, max(0, bytes.count - 1)))
            }
        }
    }
}
