import SegmintCore
import SegmintCatalog
import SegmintStore

/// `segmint catalog import`: reads a live schema and writes a starter catalog YAML (spec §4).
///
/// Decisions (notes/db.md): types come from the declared column types (PostgreSQL
/// `information_schema.columns`, SQLite `pragma_table_info`); on SQLite, TEXT columns whose
/// every value is `YYYY-MM-DD` (or `YYYY-MM-DD HH:MM:SS`) become date (timestamp), and INTEGER
/// columns holding exactly the values 0 and 1 become bool. A string column gets `values` from a
/// `CHECK (col IN (…))` constraint or a PostgreSQL enum type (in the declared order); failing
/// that, from the data when it has at most `maxValues` distinct values (default 50) and some
/// value repeats (a column of unique names is not an enumeration). Every other table
/// with the key column becomes an event, its first date/timestamp column the `time`. Names that
/// are reserved words or not identifiers are renamed (`count` → `count_`) with `column:` kept.
public enum CatalogImporter {
    public struct Column: Sendable, Equatable {
        public var name: String
        public var declaredType: String
        public var nullable: Bool
    }

    public static let reservedWords: Set<String> = [
        "segment", "description", "as_of", "include", "exclude", "all", "any", "not", "in", "has", "where",
        "and", "during", "last", "since", "before", "to", "fiscal_year", "fiscal_quarter", "count", "sum",
        "avg", "min", "max", "count_distinct", "between", "contains", "starts_with", "is", "missing", "true",
        "false", "from", "day", "days", "week", "weeks", "month", "months", "year", "years",
    ]

    /// What `catalog import` made: the YAML and one line per thing it inferred (for stderr).
    public struct Result: Sendable {
        public var yaml: String
        public var inferred: [String]
    }

    /// The YAML text of a starter catalog for entity table `entity` keyed by `key`.
    public static func importYAML(from db: Database, entity: String, key: String, maxValues: Int = 50,
                                  source: String = "") throws -> String {
        try importCatalog(from: db, entity: entity, key: key, maxValues: maxValues, source: source).yaml
    }

    /// The starter catalog and what was inferred from the schema and the data.
    public static func importCatalog(from db: Database, entity: String, key: String, maxValues: Int = 50,
                                     source: String = "") throws -> Result {
        var report = Report()
        let tables = try columnsByTable(db)
        guard let entityColumns = tables.first(where: { $0.table == entity })?.columns else {
            let names = tables.map(\.table)
            throw DatabaseError(.missingTable, "table \"\(entity)\" does not exist"
                + (names.isEmpty ? " (the database has no tables)" : "; tables: " + names.joined(separator: ", ")), table: entity)
        }
        guard entityColumns.contains(where: { $0.name == key }) else {
            throw DatabaseError(.sql, "table \"\(entity)\" has no column \"\(key)\"; columns: " + entityColumns.map(\.name).joined(separator: ", "))
        }
        var names = NameAllocator()
        var out = "# Starter catalog imported by `segmint catalog import`" + (source.isEmpty ? "" : " from \(source)") + ".\n"
        out += "# Edit before use: add descriptions and synonyms, check types, trim or extend `values`.\n"
        out += "name: \(yamlString(identifier(databaseName(db, fallback: entity))))\n"
        out += "version: 1\n"
        out += "entity: {name: \(yamlString(NameAllocator().claimed(singular(entity)))), table: \(yamlString(entity)), key: \(yamlString(key))}\n"
        out += "facets:\n"
        var facetCount = 0
        let entityDeclared = try DeclaredValues.of(db, table: entity)
        for c in entityColumns where c.name != key {
            let line = try attributeLine(db, table: entity, column: c, names: &names, maxValues: maxValues, indent: "  ",
                                         declared: entityDeclared[c.name], report: &report)
            out += line
            if !line.hasPrefix("  #") { facetCount += 1 }
        }
        if facetCount == 0 { out += "  []\n" }
        var events = ""
        var eventCount = 0
        for t in tables where t.table != entity && t.columns.contains(where: { $0.name == key }) {
            var timeColumn: (Column, ValueType)?
            for c in t.columns where c.name != key {
                let ty = try valueType(db, table: t.table, column: c)
                if let ty, ty == .date || ty == .timestamp { timeColumn = (c, ty); break }
            }
            guard let (time, timeType) = timeColumn else {
                events += "  # table \(t.table) holds \(key) but has no date or timestamp column: not imported as an event\n"
                continue
            }
            let eventName = names.claim(singular(t.table)).name
            eventCount += 1
            events += "  - name: \(yamlString(eventName))\n"
            events += "    table: \(yamlString(t.table))\n"
            events += "    key: \(yamlString(key))\n"
            events += "    time: \(yamlString(time.name))\n"
            events += "    time_type: \(timeType.rawValue)\n"
            var fieldNames = NameAllocator()
            var fields = ""
            var fieldCount = 0
            let declared = try DeclaredValues.of(db, table: t.table)
            for c in t.columns where c.name != key && c.name != time.name {
                let line = try attributeLine(db, table: t.table, column: c, names: &fieldNames, maxValues: maxValues, indent: "      ",
                                             declared: declared[c.name], report: &report)
                fields += line
                if !line.hasPrefix("      #") { fieldCount += 1 }
            }
            // A key followed only by comments is null in YAML, not an empty list: close it with [].
            events += fields.isEmpty ? "    fields: []\n" : "    fields:\n" + fields + (fieldCount == 0 ? "      []\n" : "")
        }
        out += events.isEmpty ? "events: []\n" : "events:\n" + events + (eventCount == 0 ? "  []\n" : "")
        return Result(yaml: out, inferred: report.lines)
    }

    struct Report {
        var lines: [String] = []
        mutating func add(_ table: String, _ column: String, _ what: String) {
            lines.append("\(VisibleText.escape(table)).\(VisibleText.escape(column)): \(what)")
        }
    }

    // MARK: - Introspection

    struct TableColumns { var table: String; var columns: [Column] }

    static func columnsByTable(_ db: Database) throws -> [TableColumns] {
        var out: [TableColumns] = []
        if db.dialectName == "postgres" {
            let rows = try db.query("""
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
                """).rows
            for r in rows {
                guard r.count == 4, let t = r[0], let n = r[1] else { continue }
                let col = Column(name: n, declaredType: r[2] ?? "", nullable: r[3] != "NO")
                if out.last?.table == t { out[out.count - 1].columns.append(col) } else { out.append(TableColumns(table: t, columns: [col])) }
            }
            return out
        }
        for t in try db.tableNames() {
            let rows = try db.query("SELECT name, type, \"notnull\" FROM pragma_table_info($1) ORDER BY cid", parameters: [t]).rows
            let cols = rows.compactMap { r -> Column? in
                guard r.count == 3, let n = r[0] else { return nil }
                return Column(name: n, declaredType: r[1] ?? "", nullable: r[2] != "1")
            }
            out.append(TableColumns(table: t, columns: cols))
        }
        return out
    }

    /// The catalog type of a column, or nil when Segmint has none for it (blobs, json, uuid…).
    static func valueType(_ db: Database, table: String, column c: Column) throws -> ValueType? {
        let d = c.declaredType.lowercased()
        if db.dialectName == "postgres" {
            switch d {
            case "text", "character varying", "character", "citext", "name": return .string
            case "smallint", "integer", "bigint": return .int
            case "numeric", "real", "double precision", "money": return .decimal
            case "boolean": return .bool
            case "date": return .date
            case "timestamp without time zone", "timestamp with time zone": return .timestamp
            default: return nil
            }
        }
        // SQLite: declared type by affinity rules, then the storage convention by sampling.
        if d.contains("bool") { return .bool }
        if d == "date" { return .date }
        if d.contains("datetime") || d.contains("timestamp") { return .timestamp }
        if d.contains("int") { return try onlyZeroAndOne(db, table, c.name) ? .bool : .int }
        if d.contains("char") || d.contains("clob") || d.contains("text") {
            if try allMatch(db, table, c.name, "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]") { return .date }
            if try allMatch(db, table, c.name, "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]:[0-9][0-9]*") { return .timestamp }
            return .string
        }
        if d.contains("real") || d.contains("floa") || d.contains("doub") || d.contains("num") || d.contains("dec") { return .decimal }
        return nil
    }

    private static func allMatch(_ db: Database, _ table: String, _ column: String, _ glob: String) throws -> Bool {
        let q = SQLText.quoteIdentifier(column)
        let r = try db.query("SELECT count(\(q)), count(CASE WHEN \(q) GLOB $1 THEN 1 END) FROM \(SQLText.quoteIdentifier(table))", parameters: [glob])
        guard let row = r.rows.first, row.count == 2, let total = row[0], let hits = row[1] else { return false }
        return total != "0" && total == hits
    }

    private static func onlyZeroAndOne(_ db: Database, _ table: String, _ column: String) throws -> Bool {
        let q = SQLText.quoteIdentifier(column)
        let r = try db.query("SELECT count(DISTINCT \(q)), count(CASE WHEN \(q) NOT IN (0, 1) THEN 1 END) FROM \(SQLText.quoteIdentifier(table))")
        return r.rows.first == ["2", "0"]
    }

    /// The distinct values of a low-cardinality string column, sorted, with the number of
    /// non-NULL rows; nil when there are more than `maxValues`, none, or no value repeats.
    static func enumeratedValues(_ db: Database, table: String, column: String, maxValues: Int) throws -> (values: [String], rows: Int)? {
        let q = SQLText.quoteIdentifier(column), t = SQLText.quoteIdentifier(table)
        let stats = try db.query("SELECT count(DISTINCT \(q)), count(\(q)) FROM \(t)").rows.first
        guard let s = stats, s.count == 2, let distinct = Int(s[0] ?? ""), let total = Int(s[1] ?? ""),
              distinct >= 1, distinct <= maxValues, total > distinct else { return nil }
        let values = try db.query("SELECT DISTINCT \(q) FROM \(t) WHERE \(q) IS NOT NULL").rows.compactMap { $0.first ?? nil }
        return (values.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }, total)
    }

    private static func databaseName(_ db: Database, fallback: String) -> String {
        if db.dialectName == "postgres", let n = try? db.query("SELECT current_database()").rows.first?.first ?? nil { return n }
        if let s = db as? SQLiteDatabase {
            let base = s.path.split(separator: "/").last.map(String.init) ?? s.path
            let stem = base.split(separator: ".").first.map(String.init) ?? base
            if !stem.isEmpty && stem != ":memory:" { return stem }
        }
        return fallback
    }

    // MARK: - YAML

    private static func attributeLine(_ db: Database, table: String, column c: Column, names: inout NameAllocator,
                                      maxValues: Int, indent: String, declared: DeclaredValues?, report: inout Report) throws -> String {
        let isEnum = declared?.source.hasPrefix("enum") == true
        guard let type = isEnum ? .string : try valueType(db, table: table, column: c) else {
            return "\(indent)# skipped column \(c.name): type \(c.declaredType.isEmpty ? "(none)" : c.declaredType) has no catalog type\n"
        }
        let (name, why) = names.claim(c.name)
        var parts = ["name: \(yamlString(name))", "type: \(type.rawValue)"]
        if name != c.name { parts.append("column: \(yamlString(c.name))") }
        if let why = sampledType(db, c, type) { report.add(table, c.name, "type \(type.rawValue) (\(why))") }
        if type == .string, let d = declared, !d.values.isEmpty {
            parts.append("values: [" + d.values.map(yamlString).joined(separator: ", ") + "]")
            report.add(table, c.name, "\(d.values.count) values from the \(d.source)")
        } else if type == .string, maxValues > 0, let (values, rows) = try enumeratedValues(db, table: table, column: c.name, maxValues: maxValues) {
            parts.append("values: [" + values.map(yamlString).joined(separator: ", ") + "]")
            report.add(table, c.name, "\(values.count) values sampled from \(rows) rows (at most \(maxValues) distinct: --max-values)")
        }
        if !c.nullable { parts.append("nullable: false") }
        return "\(indent)- {" + parts.joined(separator: ", ") + "}" + (why.map { "   # \($0)" } ?? "") + "\n"
    }

    /// Why a type came from the data rather than the declaration (SQLite), or nil.
    private static func sampledType(_ db: Database, _ c: Column, _ type: ValueType) -> String? {
        guard db.dialectName != "postgres" else { return nil }
        let d = c.declaredType.lowercased()
        if type == .bool, d.contains("int") { return "every value 0 or 1" }
        if type == .date, d != "date" { return "every value YYYY-MM-DD" }
        if type == .timestamp, !(d.contains("datetime") || d.contains("timestamp")) { return "every value YYYY-MM-DD HH:MM:SS" }
        return nil
    }

    /// A double-quoted YAML scalar (safe for any text: `yes`, `null`, `:`, `#`, quotes, unicode).
    /// YAML's double-quoted style accepts JSON's escapes, so the JSON writer serves.
    static func yamlString(_ s: String) -> String { JSON.string(s) }

    /// `customers` → `customer`, `email_events` → `email_event`; identifiers only.
    static func singular(_ table: String) -> String {
        var s = table
        if s.hasSuffix("ies") && s.count > 4 { s = String(s.dropLast(3)) + "y" }
        else if s.hasSuffix("s") && !s.hasSuffix("ss") && s.count > 3 { s = String(s.dropLast()) }
        return s
    }

    /// A language identifier for any text: letters, digits, `_`; not starting with a digit.
    static func identifier(_ text: String) -> String {
        var out = ""
        for u in text.unicodeScalars {
            if (u.value < 128 && (u.properties.isAlphabetic || ("0"..."9").contains(u))) || u == "_" { out.unicodeScalars.append(u) }
            else if !out.hasSuffix("_") { out += "_" }
        }
        if out.isEmpty { out = "column" }
        if let f = out.unicodeScalars.first, ("0"..."9").contains(f) { out = "c_" + out }
        return out
    }

    /// Hands out unique, non-reserved identifiers and says why a name changed.
    struct NameAllocator {
        private var taken: Set<String> = []

        /// One name on its own (the entity's name has a namespace of its own).
        func claimed(_ wanted: String) -> String { var copy = self; return copy.claim(wanted).name }

        mutating func claim(_ wanted: String) -> (name: String, why: String?) {
            var name = identifier(wanted)
            var why: String? = name == wanted ? nil : "\"\(wanted)\" is not an identifier"
            if reservedWords.contains(name) {
                why = "\"\(name)\" is a reserved word"
                name += "_"
            }
            while taken.contains(name) || reservedWords.contains(name) {
                name += "_"
                why = why ?? "\"\(wanted)\" is already used"
            }
            taken.insert(name)
            return (name, why)
        }
    }
}
