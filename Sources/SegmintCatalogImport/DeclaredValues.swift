import SegmintStore

/// Values the schema itself declares for a column: `CHECK (col IN ('a', 'b'))` constraints
/// (SQLite and PostgreSQL) and PostgreSQL enum types. They are exact, in the declared order, and
/// win over values sampled from the data.
public struct DeclaredValues: Sendable, Equatable {
    public var values: [String]
    /// Where they came from, for the import report: `CHECK constraint`, `enum type tier`.
    public var source: String

    /// Declared values per column of `table`.
    static func of(_ db: Database, table: String) throws -> [String: DeclaredValues] {
        db.dialectName == "postgres" ? try postgres(db, table: table) : try sqlite(db, table: table)
    }

    // MARK: SQLite: the CREATE TABLE text

    static func sqlite(_ db: Database, table: String) throws -> [String: DeclaredValues] {
        let rows = try db.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = $1", parameters: [table]).rows
        guard let sql = rows.first?.first ?? nil else { return [:] }
        var out: [String: DeclaredValues] = [:]
        for (column, values) in CheckInScanner.constraints(in: sql) where out[column] == nil {
            out[column] = DeclaredValues(values: values, source: "CHECK constraint")
        }
        return out
    }

    // MARK: PostgreSQL: the catalogs

    static func postgres(_ db: Database, table: String) throws -> [String: DeclaredValues] {
        var out: [String: DeclaredValues] = [:]
        // Enum labels in their sort order (pg_enum.enumsortorder).
        let enums = try db.query("""
            SELECT a.attname, ty.typname, e.enumlabel FROM pg_attribute a
            JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_type ty ON ty.oid = a.atttypid JOIN pg_enum e ON e.enumtypid = ty.oid
            WHERE t.relname = $1 AND n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum, e.enumsortorder
            """, parameters: [table]).rows
        for r in enums {
            guard r.count == 3, let column = r[0], let type = r[1], let label = r[2] else { continue }
            out[column, default: DeclaredValues(values: [], source: "enum type \(type)")].values.append(label)
        }
        // One-column CHECK constraints; PostgreSQL stores `x IN ('a', 'b')` as
        // `x = ANY (ARRAY['a'::text, 'b'::text])`.
        let checks = try db.query("""
            SELECT a.attname, pg_get_constraintdef(c.oid) FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'c' AND t.relname = $1 AND n.nspname = current_schema() AND array_length(c.conkey, 1) = 1
            ORDER BY c.conname
            """, parameters: [table]).rows
        for r in checks {
            guard r.count == 2, let column = r[0], let def = r[1], out[column] == nil,
                  let values = CheckInScanner.anyArray(def) else { continue }
            out[column] = DeclaredValues(values: values, source: "CHECK constraint")
        }
        return out
    }
}

/// Reads the one shape of constraint that lists a column's values. Anything else (ranges,
/// several columns, functions, NOT IN) is left alone: a guess would put wrong values in the
/// catalog.
enum CheckInScanner {
    /// `CHECK ( col IN ( 'a', 'b' ) )` in CREATE TABLE text: (column, values) per match. The
    /// column may be bare or quoted with `"…"`, `` `…` `` or `[…]`; values are string literals.
    static func constraints(in sql: String) -> [(String, [String])] {
        var out: [(String, [String])] = []
        let s = Array(sql.unicodeScalars)
        var i = 0
        while let k = keyword("CHECK", in: s, from: i) {
            var p = Parser(s: s, i: k)
            if p.symbol("("), let column = p.identifier(), p.word("IN"), p.symbol("("), let values = p.literals(closing: ")"),
               p.symbol(")") {
                out.append((column, values))
            }
            i = k
        }
        return out
    }

    /// The literals of `… = ANY (ARRAY['a'::text, 'b'::text])…`; nil for any other shape.
    static func anyArray(_ def: String) -> [String]? {
        let s = Array(def.unicodeScalars)
        guard def.uppercased().contains("= ANY"), !def.uppercased().contains(" ALL "),
              let k = keyword("ARRAY[", in: s, from: 0) else { return nil }
        var p = Parser(s: s, i: k)
        return p.literals(closing: "]")
    }

    /// The index after the next case-insensitive `word` at or after `from`.
    static func keyword(_ word: String, in s: [Unicode.Scalar], from: Int) -> Int? {
        let w = Array(word.uppercased().unicodeScalars)
        var i = from
        while i + w.count <= s.count {
            if (0..<w.count).allSatisfy({ String(s[i + $0]).uppercased() == String(w[$0]) }) { return i + w.count }
            i += 1
        }
        return nil
    }

    struct Parser {
        let s: [Unicode.Scalar]
        var i: Int

        mutating func skipSpace() { while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 } }

        mutating func symbol(_ c: Unicode.Scalar) -> Bool {
            skipSpace()
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }

        mutating func word(_ w: String) -> Bool {
            skipSpace()
            guard let end = CheckInScanner.keyword(w, in: s, from: i), end == i + w.count else { return false }
            if end < s.count, s[end].properties.isAlphabetic || s[end] == "_" { return false }
            i = end
            return true
        }

        /// A bare or quoted identifier.
        mutating func identifier() -> String? {
            skipSpace()
            guard i < s.count else { return nil }
            let closers: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "`": "`", "[": "]"]
            if let close = closers[s[i]] {
                var name = ""
                i += 1
                while i < s.count {
                    if s[i] == close {
                        if close != "]", i + 1 < s.count, s[i + 1] == close { name.unicodeScalars.append(close); i += 2; continue }
                        i += 1
                        return name
                    }
                    name.unicodeScalars.append(s[i]); i += 1
                }
                return nil
            }
            var name = ""
            while i < s.count, s[i].properties.isAlphabetic || s[i].properties.numericType != nil || s[i] == "_" {
                name.unicodeScalars.append(s[i]); i += 1
            }
            return name.isEmpty ? nil : name
        }

        /// `'a', 'b'` (each optionally followed by a `::type` cast) up to `closing`.
        mutating func literals(closing: Unicode.Scalar) -> [String]? {
            var values: [String] = []
            while true {
                skipSpace()
                guard i < s.count, s[i] == "'" else { return nil }
                i += 1
                var v = ""
                while true {
                    guard i < s.count else { return nil }
                    if s[i] == "'" {
                        if i + 1 < s.count, s[i + 1] == "'" { v += "'"; i += 2; continue }
                        i += 1
                        break
                    }
                    v.unicodeScalars.append(s[i]); i += 1
                }
                values.append(v)
                skipSpace()
                while i + 1 < s.count, s[i] == ":", s[i + 1] == ":" {   // a cast: `::text`, `::character varying`
                    i += 2
                    while i < s.count, s[i] != ",", s[i] != closing { i += 1 }
                }
                if symbol(",") { continue }
                return symbol(closing) ? values : nil
            }
        }
    }
}
