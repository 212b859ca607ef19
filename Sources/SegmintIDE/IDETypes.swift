import SegmintCore

// The answers of the editor features, in byte offsets of the document's UTF-8 text. The
// protocol layer converts them (and only it knows about lines, UTF-16 and JSON).

/// A byte range `[start, end)` in one file, named by its URI.
public struct FileRange: Sendable, Hashable {
    public var uri: String
    public var start: Int
    public var end: Int
    public init(uri: String, start: Int, end: Int) { self.uri = uri; self.start = start; self.end = end }
}

/// Replace bytes `[start, end)` of a document with `newText`.
public struct TextEdit: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var newText: String
    public init(start: Int, end: Int, newText: String) { self.start = start; self.end = end; self.newText = newText }
}

/// An edit that fixes one diagnostic, offered as a quick fix.
public struct QuickFix: Sendable, Hashable {
    public var title: String
    public var edits: [TextEdit]
    public init(title: String, edits: [TextEdit]) { self.title = title; self.edits = edits }
}

/// One diagnostic of a document, as `check` reports it, with related places and quick fixes.
public struct IDEDiagnostic: Sendable, Equatable {
    public struct Related: Sendable, Equatable {
        public var location: FileRange
        public var message: String
    }
    public var code: String
    public var severity: Severity
    public var message: String
    public var start: Int
    public var end: Int
    public var help: String?
    public var related: [Related]
    public var fixes: [QuickFix]
}

public enum CompletionKind: String, Sendable {
    case keyword, facet, event, field, value, unit, segment, tag, snippet
}

/// One completion proposal. `replaceStart..<replaceEnd` is the partial word it replaces.
public struct CompletionItem: Sendable, Equatable {
    public var label: String
    public var kind: CompletionKind
    public var detail: String?
    /// Markdown.
    public var documentation: String?
    public var insertText: String
    /// `insertText` holds `$1`-style placeholders (LSP snippet syntax).
    public var isSnippet: Bool
    /// Sorts before others with a smaller key (ordered values keep their catalog order).
    public var sortText: String
    public var replaceStart: Int
    public var replaceEnd: Int
}

/// Markdown shown on hover, and the range it describes.
public struct HoverInfo: Sendable, Equatable {
    public var markdown: String
    public var start: Int
    public var end: Int
}

public enum SymbolKind: Sendable, Equatable {
    case segment, block, property
}

/// An outline entry: a segment and its items.
public struct DocumentSymbol: Sendable, Equatable {
    public var name: String
    public var detail: String?
    public var kind: SymbolKind
    public var start: Int
    public var end: Int
    public var selectionStart: Int
    public var selectionEnd: Int
    public var children: [DocumentSymbol]
}

/// Semantic token types, in the order of the legend the server announces.
public enum SemanticTokenType: Int, Sendable, CaseIterable {
    case keyword, type, property, event, enumMember, string, number, comment, operatorToken, decorator, variable

    /// The LSP standard name of each type.
    public var name: String {
        switch self {
        case .keyword: return "keyword"
        case .type: return "type"
        case .property: return "property"
        case .event: return "event"
        case .enumMember: return "enumMember"
        case .string: return "string"
        case .number: return "number"
        case .comment: return "comment"
        case .operatorToken: return "operator"
        case .decorator: return "decorator"
        case .variable: return "variable"
        }
    }
}

/// Semantic token modifiers (bit i is `allCases[i]`).
public enum SemanticTokenModifier: Int, Sendable, CaseIterable {
    case declaration, readonly

    public var name: String { self == .declaration ? "declaration" : "readonly" }
    public var bit: UInt32 { 1 << UInt32(rawValue) }
}

public struct SemanticToken: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var type: SemanticTokenType
    public var modifiers: UInt32
}

/// Why a request cannot be answered (a rename to a taken name, an unreadable project file).
public struct IDEError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
