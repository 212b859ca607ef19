import SegmintCore

/// Fixture rows from a CSV file (RFC 4180: a header row of column names, quoted fields with
/// `""` for a quote; an empty unquoted field is NULL). Problems point at the file and line.
enum FixtureCSV {
    static func load(path: String, display: String, shape: TableShape, at: Span, doc: YAMLDocument) -> FixtureTable? {
        guard let bytes = try? FileInput.read(path) else {
            doc.diagnostics.append(.error(ProjectCode.badCSV, "cannot read \(display)", at: at, help: "the path is relative to the fixture file"))
            return nil
        }
        guard NonText.find(in: bytes) == nil else {
            doc.diagnostics.append(.error(ProjectCode.badCSV, "\(display) is not UTF-8 text", at: at))
            return nil
        }
        let records = parse(String(decoding: bytes, as: UTF8.self))
        guard let header = records.first else {
            doc.diagnostics.append(.error(ProjectCode.badCSV, "\(display) is empty (it needs a header row)", at: at))
            return nil
        }
        func fail(_ line: Int, _ code: String, _ message: String, help: String? = nil) {
            doc.diagnostics.append(Diagnostic(code: code, message: message, help: help, location: .init(file: display, line: line)))
        }
        var indexes: [Int?] = []
        for cell in header.fields {
            let name = cell.text ?? ""
            if let i = shape.column(named: name) { indexes.append(i); continue }
            let help = Suggest.closest(to: name, in: shape.knownNames).map { "did you mean \"\($0)\"?" }
            fail(header.line, ProjectCode.unknownColumn, "\(shape.table) has no column \"\(name)\" in the catalog", help: help)
            indexes.append(nil)
        }
        var table = FixtureTable(name: shape.table, columns: shape.columns, rows: [])
        for r in records.dropFirst() {
            guard r.fields.count == header.fields.count else {
                fail(r.line, ProjectCode.badCSV, "\(display): \(r.fields.count) fields where the header has \(header.fields.count)")
                continue
            }
            var values = [FixtureValue?](repeating: nil, count: shape.columns.count)
            for (k, cell) in r.fields.enumerated() {
                guard let i = indexes[k], let text = cell.text else { continue }
                let col = shape.columns[i]
                if let v = FixtureValueParser.parse(text, as: col.type) { values[i] = v; continue }
                fail(r.line, ProjectCode.wrongType, "\(shape.table).\(col.name) is \(col.type?.rawValue ?? "a key"), not \"\(text)\"",
                     help: FixtureLoader.typeHelp(col.type))
            }
            table.rows.append(values)
        }
        return table
    }

    struct Record { var line: Int; var fields: [Field] }
    /// `text` nil for an empty unquoted field (NULL).
    struct Field { var text: String? }

    /// Records with the line each starts on; blank lines are skipped.
    static func parse(_ s: String) -> [Record] {
        var records: [Record] = [], fields: [Field] = [], field = "", quoted = false, inQuotes = false
        var line = 1, recordLine = 1, any = false
        var it = Array(s.unicodeScalars), i = 0
        func endField() { fields.append(Field(text: field.isEmpty && !quoted ? nil : field)); field = ""; quoted = false }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].text == nil && !any) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []; any = false
        }
        if it.first == "\u{FEFF}" { it.removeFirst() }
        while i < it.count {
            let c = it[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < it.count, it[i + 1] == "\"" { field.unicodeScalars.append("\""); i += 1 } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" { inQuotes = true; quoted = true; any = true }
            else if c == "," { endField(); any = true }
            else if c == "\n" || c == "\r" {
                if c == "\r", i + 1 < it.count, it[i + 1] == "\n" { i += 1 }
                endRecord(); line += 1; recordLine = line
            } else { field.unicodeScalars.append(c); any = true }
            i += 1
        }
        if any || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
