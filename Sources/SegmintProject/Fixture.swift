import SegmintCore
import SegmintCatalog

/// One data test (docs/project.md, "Data tests"): rows of the entity table and of event tables,
/// an optional as-of date, and what some segments must return on them.
public struct Fixture: Sendable {
    public var path: String
    public var description: String?
    public var asOf: CivilDate?
    /// Rows per table, values already checked against the catalog types.
    public var tables: [FixtureTable]
    public var expectations: [Expectation]

    public struct Expectation: Sendable {
        public var segment: String
        /// The exact member keys (as text), when given.
        public var keys: [String]?
        public var count: Int?
        public var span: Span?
    }
}

/// A table to create and fill for a data test.
public struct FixtureTable: Sendable {
    public struct Column: Sendable {
        public var name: String
        /// nil for the entity or event key, whose type the catalog does not state.
        public var type: ValueType?
    }
    public var name: String
    public var columns: [Column]
    /// Values in column order; nil is NULL. Dates and timestamps in their canonical text.
    public var rows: [[FixtureValue?]]
}

public enum FixtureValue: Sendable, Equatable {
    case text(String), int(Int64), decimal(Double), bool(Bool)
}

/// The columns a table may have in a fixture, from the catalog: the key and every facet
/// column for the entity; the key, time column and field columns for an event. Names may be
/// given as the column or as the facet/field name.
struct TableShape {
    var table: String
    var key: String
    var columns: [FixtureTable.Column]
    /// facet/field name → column name, for rows written with catalog names.
    var aliases: [String: String]

    static func entity(_ c: Catalog) -> TableShape {
        var cols = [FixtureTable.Column(name: c.entity.key, type: nil)], aliases: [String: String] = [:]
        for f in c.facets where !cols.contains(where: { $0.name == f.column }) {
            cols.append(.init(name: f.column, type: f.type))
        }
        for f in c.facets where f.name != f.column { aliases[f.name] = f.column }
        return TableShape(table: c.entity.table, key: c.entity.key, columns: cols, aliases: aliases)
    }

    static func event(_ e: Event) -> TableShape {
        var cols = [FixtureTable.Column(name: e.key, type: nil)], aliases: [String: String] = [:]
        if !cols.contains(where: { $0.name == e.time }) { cols.append(.init(name: e.time, type: e.timeType)) }
        for f in e.fields where !cols.contains(where: { $0.name == f.column }) { cols.append(.init(name: f.column, type: f.type)) }
        for f in e.fields where f.name != f.column { aliases[f.name] = f.column }
        return TableShape(table: e.table, key: e.key, columns: cols, aliases: aliases)
    }

    func column(named n: String) -> Int? {
        let name = aliases[n] ?? n
        return columns.firstIndex { $0.name == name }
    }

    var knownNames: [String] { columns.map(\.name) + aliases.keys.sorted() }
}

/// Parses a fixture value of a catalog type from its YAML text; nil when it does not fit.
enum FixtureValueParser {
    static func parse(_ text: String, as type: ValueType?) -> FixtureValue? {
        guard let type else { return Int64(text).map(FixtureValue.int) ?? .text(text) }
        switch type {
        case .string: return .text(text)
        case .int: return Int64(text).map(FixtureValue.int)
        case .decimal:
            guard text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }),
                  let d = Double(text), d.isFinite else { return nil }
            return .decimal(d)
        case .bool:
            switch text { case "true", "TRUE", "True": return .bool(true); case "false", "FALSE", "False": return .bool(false); default: return nil }
        case .date: return CivilDate(iso: text).map { .text($0.description) }
        case .timestamp: return timestamp(text).map(FixtureValue.text)
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or with `T`: the canonical `YYYY-MM-DD HH:MM:SS`.
    static func timestamp(_ text: String) -> String? {
        let t = Array(text.utf8)
        guard t.count >= 10, let date = CivilDate(iso: String(decoding: t[0..<10], as: UTF8.self)) else { return nil }
        if t.count == 10 { return "\(date) 00:00:00" }
        guard t.count == 16 || t.count == 19, t[10] == 0x20 || t[10] == 0x54 else { return nil }
        let parts = String(decoding: t[11...], as: UTF8.self).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60 else { return nil }
        let s = parts.count == 3 ? Int(parts[2]) : 0
        guard let sec = s, sec < 60 else { return nil }
        return "\(date) " + [h, m, sec].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":")
    }
}
