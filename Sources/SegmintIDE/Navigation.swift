import SegmintCore
import SegmintSyntax
import SegmintCatalog

extension AnalysisHost {
    /// Where the name at `offset` is declared: a segment's declaration(s) in the workspace, or
    /// the catalog line of a facet, event or field.
    public func definition(_ uri: String, at offset: Int) -> [FileRange] {
        guard let doc = document(uri), let o = Occurrences.at(offset, in: doc.occurrences) else { return [] }
        switch o.kind {
        case .segmentDeclaration, .segmentReference:
            if let local = doc.declarations.first(where: { $0.name == o.name }) {
                return [FileRange(uri: doc.uri, start: local.span.start, end: local.span.end)]
            }
            return (segmentIndex.declarations[o.name] ?? []).map { FileRange(uri: $0.document.uri, start: $0.name.span.start, end: $0.name.span.end) }
        case .facet:
            guard let f = catalogState.catalog?.facet(named: o.name), let line = f.line else { return [] }
            return catalogState.range(ofLine: line, word: f.name).map { [$0] } ?? []
        case .event:
            guard let e = catalogState.catalog?.event(named: o.name), let line = e.line else { return [] }
            return catalogState.range(ofLine: line, word: e.name).map { [$0] } ?? []
        case .field(let event):
            guard let f = catalogState.catalog?.event(named: event)?.field(named: o.name), let line = f.line else { return [] }
            return catalogState.range(ofLine: line, word: f.name).map { [$0] } ?? []
        case .window:
            return []
        }
    }

    /// Every place in the workspace naming the same segment, facet, event or field.
    public func references(_ uri: String, at offset: Int, includeDeclaration: Bool) -> [FileRange] {
        guard let doc = document(uri), let o = Occurrences.at(offset, in: doc.occurrences) else { return [] }
        if case .window = o.kind { return [] }
        var out: [FileRange] = []
        for d in workspaceDocuments(including: doc) {
            for x in d.occurrences where x.name == o.name && Self.sameThing(x.kind, o.kind) {
                if !includeDeclaration, x.kind == .segmentDeclaration { continue }
                out.append(FileRange(uri: d.uri, start: x.span.start, end: x.span.end))
            }
        }
        return out
    }

    /// The range of the segment name at `offset`, when it can be renamed.
    public func prepareRename(_ uri: String, at offset: Int) -> FileRange? {
        guard let doc = document(uri), let o = Occurrences.at(offset, in: doc.occurrences),
              o.kind == .segmentDeclaration || o.kind == .segmentReference else { return nil }
        return FileRange(uri: doc.uri, start: o.span.start, end: o.span.end)
    }

    /// Renames the segment at `offset` in every file of the workspace: edits by URI.
    public func rename(_ uri: String, at offset: Int, to newName: String) -> Result<[String: [TextEdit]], IDEError> {
        guard let doc = document(uri), let o = Occurrences.at(offset, in: doc.occurrences),
              o.kind == .segmentDeclaration || o.kind == .segmentReference else {
            return .failure(IDEError(message: "only segment names can be renamed"))
        }
        guard Self.isIdentifier(newName) else {
            return .failure(IDEError(message: "\"\(newName)\" is not a name: use letters, digits and _, not starting with a digit"))
        }
        guard !Keywords.reserved.contains(newName) else {
            return .failure(IDEError(message: "\"\(newName)\" is a reserved word"))
        }
        if newName != o.name, segmentIndex.declarations[newName] != nil || doc.declarations.contains(where: { $0.name == newName }) {
            return .failure(IDEError(message: "a segment named \"\(newName)\" already exists"))
        }
        var edits: [String: [TextEdit]] = [:]
        for r in references(uri, at: offset, includeDeclaration: true) {
            edits[r.uri, default: []].append(TextEdit(start: r.start, end: r.end, newText: newName))
        }
        return .success(edits)
    }

    /// The outline: each segment with its title, and its items.
    public func symbols(_ uri: String) -> [DocumentSymbol] {
        guard let doc = document(uri) else { return [] }
        return doc.parsed.file.segments.map { seg in
            let children = seg.items.map { item -> DocumentSymbol in
                let name: String, detail: String?
                switch item {
                case .description(let s, _): (name, detail) = ("description", s.value)
                case .asOf(let d, _): (name, detail) = ("as_of", d.date.description)
                case .include(let b, _): (name, detail) = ("include", "\(b.conditions.count) condition\(b.conditions.count == 1 ? "" : "s")")
                case .exclude(let b, _): (name, detail) = ("exclude", "\(b.conditions.count) condition\(b.conditions.count == 1 ? "" : "s")")
                }
                let kind: SymbolKind
                if case .include = item { kind = .block } else if case .exclude = item { kind = .block } else { kind = .property }
                let s = item.span
                return DocumentSymbol(name: name, detail: detail, kind: kind, start: s.start, end: s.end,
                                      selectionStart: s.start, selectionEnd: min(s.end, s.start + name.utf8.count), children: [])
            }
            return DocumentSymbol(name: seg.name.name, detail: seg.title?.value, kind: .segment, start: seg.span.start, end: seg.span.end,
                                  selectionStart: seg.name.span.start, selectionEnd: seg.name.span.end, children: children)
        }
    }

    /// The document and every workspace document (open buffers first win), each once.
    func workspaceDocuments(including doc: Document) -> [Document] {
        [doc] + segmentIndex.documents.filter { $0.uri != doc.uri }
    }

    static func sameThing(_ a: Occurrence.Kind, _ b: Occurrence.Kind) -> Bool {
        switch (a, b) {
        case (.segmentDeclaration, .segmentDeclaration), (.segmentDeclaration, .segmentReference),
             (.segmentReference, .segmentDeclaration), (.segmentReference, .segmentReference),
             (.facet, .facet), (.event, .event): return true
        case (.field(let x), .field(let y)): return x == y
        default: return false
        }
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.utf8.first, !(first >= 0x30 && first <= 0x39) else { return false }
        return s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }
}
