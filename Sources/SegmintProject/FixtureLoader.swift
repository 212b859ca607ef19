import SegmintCore
import SegmintCatalog
import Yams

/// Reads a data-test fixture (docs/project.md) against the catalog: every row's columns and
/// value types are checked, each problem a diagnostic at its line.
enum FixtureLoader {
    static let keys = ["description", "as_of", "entity", "events", "expect"]

    static func load(path: String, display: String, catalog: Catalog, segments: Set<String>, sources: SourceMap)
        -> (fixture: Fixture?, diagnostics: [Diagnostic]) {
        guard let bytes = try? FileInput.read(path) else {
            return (nil, [Diagnostic(code: ProjectCode.fixtureSyntax, message: "cannot read fixture \(display)", location: .init(file: display))])
        }
        let (doc, root) = YAMLDocument.parse(bytes: bytes, path: display, sources: sources, notText: ProjectCode.fixtureSyntax,
                                             syntax: ProjectCode.fixtureSyntax, shape: ProjectCode.fixtureShape)
        guard let root, let entries = doc.entries(root, what: "the fixture") else { return (nil, doc.diagnostics) }
        var fixture = Fixture(path: display, description: nil, asOf: nil, tables: [], expectations: [])
        let dir = ProjectLoader.directory(of: path)
        var sawExpect = false
        for (key, keyNode, value) in entries {
            guard doc.known(key, keyNode, in: keys, what: "the fixture", code: ProjectCode.fixtureShape) else { continue }
            switch key {
            case "description": fixture.description = doc.string(value, key: key)?.value
            case "as_of":
                guard let s = doc.string(value, key: key) else { continue }
                guard let d = CivilDate(iso: s.value) else { doc.error("as_of must be a date YYYY-MM-DD", value); continue }
                fixture.asOf = d
            case "entity":
                if let t = table(value, shape: .entity(catalog), doc: doc, dir: dir) { fixture.tables.append(t) }
            case "events":
                guard let events = doc.entries(value, what: "\"events\" (event name: rows)") else { continue }
                for (name, nameNode, rows) in events {
                    guard let e = catalog.event(named: name) else {
                        let help = Suggest.closest(to: name, in: catalog.events.map(\.name)).map { "did you mean \"\($0)\"?" }
                            ?? "events: " + catalog.events.map(\.name).joined(separator: ", ")
                        doc.error("the catalog has no event \"\(name)\"", nameNode, code: ProjectCode.unknownTable, help: help)
                        continue
                    }
                    if let t = table(rows, shape: .event(e), doc: doc, dir: dir) { fixture.tables.append(t) }
                }
            case "expect":
                sawExpect = true
                fixture.expectations = expectations(value, segments: segments, doc: doc)
            default: break
            }
        }
        if !sawExpect { doc.error("the fixture has no \"expect\" (segment: {keys: […], count: N})", root) }
        return (doc.diagnostics.hasErrors ? nil : fixture, doc.diagnostics)
    }

    /// Rows inline (a list of mappings) or `{csv: PATH}` (relative to the fixture).
    static func table(_ node: Node, shape: TableShape, doc: YAMLDocument, dir: String) -> FixtureTable? {
        var t = FixtureTable(name: shape.table, columns: shape.columns, rows: [])
        if let m = node.mapping, let csv = m.first(where: { $0.key.scalar?.string == "csv" })?.value {
            guard let rel = doc.string(csv, key: "csv") else { return nil }
            // Shown next to the fixture's own path, as the user sees it.
            let shownDir = doc.file.path.lastIndex(of: "/").map { String(doc.file.path[..<$0]) + "/" } ?? ""
            return FixtureCSV.load(path: rel.value.hasPrefix("/") ? rel.value : dir + "/" + rel.value,
                                   display: rel.value.hasPrefix("/") ? rel.value : shownDir + rel.value,
                                   shape: shape, at: doc.span(csv), doc: doc)
        }
        guard let rows = node.sequence else {
            doc.error("rows of \(shape.table) must be a list of mappings, or {csv: FILE}", node)
            return nil
        }
        for row in rows {
            guard let cells = doc.entries(row, what: "a row of \(shape.table)") else { continue }
            var values = [FixtureValue?](repeating: nil, count: shape.columns.count)
            for (name, nameNode, valueNode) in cells {
                guard let i = column(name, shape: shape, at: doc.span(nameNode), doc: doc) else { continue }
                guard let scalar = valueNode.scalar else { doc.error("a value must be a single scalar", valueNode); continue }
                values[i] = value(scalar, column: shape.columns[i], table: shape.table, at: doc.span(valueNode), doc: doc) ?? nil
            }
            t.rows.append(values)
        }
        return t
    }

    static func column(_ name: String, shape: TableShape, at span: Span?, doc: YAMLDocument) -> Int? {
        if let i = shape.column(named: name) { return i }
        let help = Suggest.closest(to: name, in: shape.knownNames).map { "did you mean \"\($0)\"?" }
            ?? "columns: " + shape.columns.map(\.name).joined(separator: ", ")
        doc.diagnostics.append(.error(ProjectCode.unknownColumn, "\(shape.table) has no column \"\(name)\" in the catalog", at: span, help: help))
        return nil
    }

    /// The typed value, `.some(nil)` for NULL, nil (with a diagnostic) when it does not fit.
    static func value(_ s: Node.Scalar, column: FixtureTable.Column, table: String, at span: Span?, doc: YAMLDocument) -> FixtureValue?? {
        if s.style == .plain, ["null", "~", "", "NULL", "Null"].contains(s.string) { return .some(nil) }
        if let v = FixtureValueParser.parse(s.string, as: column.type) { return .some(v) }
        doc.diagnostics.append(.error(ProjectCode.wrongType, "\(table).\(column.name) is \(column.type?.rawValue ?? "a key"), not \"\(s.string)\"",
                                      at: span, help: typeHelp(column.type)))
        return nil
    }

    static func typeHelp(_ t: ValueType?) -> String {
        switch t {
        case .int?: return "write a whole number, or null"
        case .decimal?: return "write a number such as 12.50, or null"
        case .bool?: return "write true or false, or null"
        case .date?: return "write a date YYYY-MM-DD, or null"
        case .timestamp?: return "write YYYY-MM-DD HH:MM:SS, or null"
        default: return "write the value as text"
        }
    }

    static func expectations(_ node: Node, segments: Set<String>, doc: YAMLDocument) -> [Fixture.Expectation] {
        guard let entries = doc.entries(node, what: "\"expect\" (segment: {keys, count})") else { return [] }
        var out: [Fixture.Expectation] = []
        for (name, nameNode, value) in entries {
            guard segments.contains(name) else {
                let help = Suggest.closest(to: name, in: segments.sorted()).map { "did you mean \"\($0)\"?" }
                doc.error("the project declares no segment \"\(name)\"", nameNode, code: ProjectCode.unknownSegment, help: help)
                continue
            }
            guard let fields = doc.entries(value, what: "the expectation of \(name)") else { continue }
            var e = Fixture.Expectation(segment: name, keys: nil, count: nil, span: doc.span(nameNode))
            for (key, keyNode, v) in fields {
                guard doc.known(key, keyNode, in: ["keys", "count"], what: "the expectation of \(name)", code: ProjectCode.fixtureShape) else { continue }
                if key == "count" {
                    guard let n = v.scalar.flatMap({ Int($0.string) }), n >= 0 else { doc.error("count must be a whole number ≥ 0", v); continue }
                    e.count = n
                } else {
                    guard let list = v.sequence, list.allSatisfy({ $0.scalar != nil }) else { doc.error("keys must be a list of keys", v); continue }
                    e.keys = list.compactMap { $0.scalar?.string }
                }
            }
            if e.keys == nil && e.count == nil { doc.error("give keys, count, or both", value) }
            out.append(e)
        }
        return out
    }
}
