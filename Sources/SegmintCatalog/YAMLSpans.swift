import SegmintCore
import Yams

/// Turns Yams marks (1-based line, column in Unicode scalars) into byte spans of the
/// catalog's `SourceFile`, so catalog diagnostics render with a caret like `.seg` ones.
public struct YAMLSpans {
    public let file: SourceFile
    public init(file: SourceFile) { self.file = file }

    /// Byte offset of a mark; clamped into the file.
    public func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= file.lineStarts.count else { return file.bytes.count }
        var i = file.lineStarts[line - 1]
        var scalars = 1
        let bytes = file.bytes
        while scalars < column, i < bytes.count, bytes[i] != 0x0A {
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { i += 1 }
            scalars += 1
        }
        return i
    }

    public func span(line: Int, column: Int, length: Int = 1) -> Span {
        let start = offset(line: line, column: column)
        return Span(file: file.id, start: start, end: min(file.bytes.count, start + max(0, length)))
    }

    /// The span of a node: a scalar covers its text (quotes included), a collection its first character.
    public func span(_ node: Node) -> Span {
        switch node {
        case .scalar(let s):
            guard let m = s.mark else { return Span(file: file.id, start: 0, end: 0) }
            var length = s.string.utf8.count
            if s.style == .singleQuoted || s.style == .doubleQuoted { length += 2 }
            // Block scalars (| and >) span lines; point at their indicator only.
            if s.style == .literal || s.style == .folded { length = 1 }
            return span(line: m.line, column: m.column, length: max(1, length))
        case .mapping(let m):
            return m.mark.map { span(line: $0.line, column: $0.column) } ?? Span(file: file.id, start: 0, end: 0)
        case .sequence(let q):
            return q.mark.map { span(line: $0.line, column: $0.column) } ?? Span(file: file.id, start: 0, end: 0)
        case .alias(let a):
            return a.mark.map { span(line: $0.line, column: $0.column) } ?? Span(file: file.id, start: 0, end: 0)
        }
    }

    /// 1-based line of a node, for `Attribute.line` / `Event.line`.
    public func line(_ node: Node) -> Int? { node.mark?.line }
}
