import SegmintCore
import SegmintCatalog
import SegmintSyntax
import SegmintCheck
import SegmintSQL
import SegmintStore

/// How `run` prints its result.
public enum RunFormat: String, Sendable, CaseIterable {
    /// The count, then the first keys under a header (for people).
    case table
    /// A header row and one key per line; the count goes to stderr.
    case csv
    /// `{"segment":…, "dialect":…, "count":…, "limit":…, "keys":[…]}`; keys as strings.
    case json
}

/// `segmint run FILE... --catalog PATH [--segment NAME] --db URL [--limit N] [--format F]`:
/// checks and compiles the segment for the database's dialect, runs it, prints the number of
/// keys and the first `limit` of them (sorted: numerically when every key is an integer).
/// Exit 0 ok; 1 errors in the input; 2 usage, I/O or database trouble (bad URL, unreachable
/// server, missing table, SQL error).
public func runRun(files: [String], catalogPath: String, segment: String?, db url: String,
                   limit: Int = 20, format: RunFormat = .table) -> CommandOutput {
    func usage(_ diags: [Diagnostic]) -> CommandOutput {
        CommandOutput(exitCode: 2, stderr: DiagnosticRenderer(sources: SourceMap()).human(diags))
    }
    guard limit >= 0 else { return usage([.error(DatabaseCode.badOption, "--limit must be 0 or more, got \(limit)", at: nil)]) }
    // A bad URL is reported before any work, as a usage error.
    let target: DatabaseTarget
    do { target = try DatabaseURL.parse(url) } catch let e as DatabaseError { return usage([e.diagnostic]) } catch {
        return usage([.error(DatabaseCode.badURL, "\(error)", at: nil)])
    }
    guard let dialect = Dialect(rawValue: target.dialectName) else {
        return usage([.error(DatabaseCode.badURL, "no SQL dialect for \(target.displayName)", at: nil)])
    }
    let front = FrontEnd.run(paths: files, catalogPath: catalogPath)
    let render = DiagnosticRenderer(sources: front.sources)
    func fail(_ code: Int32, _ diags: [Diagnostic]) -> CommandOutput {
        CommandOutput(exitCode: code, stderr: render.human(diags))
    }
    guard let program = front.program else { return fail(max(1, front.exitCode), front.diagnostics) }
    let warnings = front.diagnostics

    let name: String
    switch RunInputs.pickSegment(segment, in: program) {
    case .success(let n): name = n
    case .failure(let d): return fail(2, warnings + [d])
    }

    let sql: String
    switch SQLCompiler.compile(program, segment: name, options: CompileOptions(dialect: dialect)) {
    case .success(let s): sql = s
    case .failure(let f): return fail(1, warnings + f.diagnostics)
    }

    let database: Database
    do { database = try DatabaseURL.open(url, create: false) } catch let e as DatabaseError { return fail(2, warnings + [e.diagnostic]) } catch {
        return fail(2, warnings + [.error(DatabaseCode.connection, "\(error)", at: nil)])
    }
    defer { database.close() }
    var out = runSegmentSQL(sql, segment: name, entity: program.catalog.entity, database: database, limit: limit, format: format)
    if !warnings.isEmpty { out.stderr = render.human(warnings) + out.stderr }
    return out
}

/// Runs compiled segment SQL and formats the keys (split from `runRun` so the formats and the
/// database errors are testable without the front end).
func runSegmentSQL(_ sql: String, segment: String, entity: Entity, database: Database,
                   limit: Int, format: RunFormat) -> CommandOutput {
    let result: QueryResult
    do { result = try database.query(sql) } catch let e as DatabaseError {
        return CommandOutput(exitCode: 2, stderr: DiagnosticRenderer(sources: SourceMap()).human([e.diagnostic]))
    } catch {
        return CommandOutput(exitCode: 2, stderr: "segmint: error: \(error)\n")
    }
    let keys = sortedKeys(result.rows.compactMap { $0.first ?? nil })
    let shown = Array(keys.prefix(limit))
    let keyName = result.columns.first ?? entity.key
    let noun = keys.count == 1 ? entity.name : pluralise(entity.name)
    switch format {
    case .table:
        var s = "\(segment): \(keys.count) \(noun) (\(database.dialectName))\n"
        if !shown.isEmpty {
            let width = max(keyName.count, shown.map { tableCell($0).count }.max() ?? 0)
            s += keyName + "\n" + String(repeating: "-", count: width) + "\n"
            for k in shown { s += tableCell(k) + "\n" }
            if shown.count < keys.count { s += "… \(keys.count - shown.count) more (--limit)\n" }
        }
        return CommandOutput(exitCode: 0, stdout: s)
    case .csv:
        var s = csvField(keyName) + "\n"
        for k in shown { s += csvField(k) + "\n" }
        return CommandOutput(exitCode: 0, stdout: s, stderr: "\(segment): \(keys.count) \(noun), showing \(shown.count)\n")
    case .json:
        let list = shown.map(JSON.string).joined(separator: ", ")
        let s = "{\"segment\": \(JSON.string(segment)), \"dialect\": \(JSON.string(database.dialectName)), "
            + "\"key\": \(JSON.string(keyName)), \"count\": \(keys.count), \"limit\": \(limit), \"keys\": [\(list)]}\n"
        return CommandOutput(exitCode: 0, stdout: s)
    }
}

/// Integers in numeric order when every key is one; otherwise byte order. The keys themselves
/// are printed as stored: TEXT keys such as `007` or `+5` must not be rewritten to `7` / `5`.
func sortedKeys(_ keys: [String]) -> [String] {
    let bytes: (String, String) -> Bool = { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    let ints = keys.map { Int64($0) }
    if !ints.contains(where: { $0 == nil }) {
        return zip(keys, ints).sorted { a, b in
            let x = a.1 ?? 0, y = b.1 ?? 0
            return x != y ? x < y : bytes(a.0, b.0)
        }.map(\.0)
    }
    return keys.sorted(by: bytes)
}

/// RFC 4180 field: quoted when it holds a comma, quote, CR or LF (checked per scalar, since
/// `"\r\n"` is one Character), and when empty so an empty key is not a blank line.
private func csvField(_ s: String) -> String {
    guard s.isEmpty || s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
    else { return s }
    var out = "\""
    for u in s.unicodeScalars {
        if u == "\"" { out += "\"\"" } else { out.unicodeScalars.append(u) }
    }
    return out + "\""
}

/// One key on one table line: control characters (newline, CR, tab, …) are shown escaped as
/// in JSON so a hostile key cannot break the layout or move the terminal cursor.
func tableCell(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return s }
    var out = ""
    for u in s.unicodeScalars {
        switch u {
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where u.value < 0x20 || u.value == 0x7F:
            let hex = String(u.value, radix: 16)
            out += "\\u{" + hex + "}"
        default: out.unicodeScalars.append(u)
        }
    }
    return out
}

private func pluralise(_ word: String) -> String {
    if word.hasSuffix("s") || word.hasSuffix("x") { return word + "es" }
    if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { return word.dropLast() + "ies" }
    return word + "s"
}

/// Segment selection for `run`.
enum RunInputs {
    /// `--segment` when given (it must exist); else the only segment of the input.
    enum Pick { case success(String), failure(Diagnostic) }

    static func pickSegment(_ requested: String?, in program: CheckedProgram) -> Pick {
        let names = program.segments.map(\.name)
        if let requested {
            if names.contains(requested) { return .success(requested) }
            return .failure(Diagnostic.error(DatabaseCode.segmentChoice, "no segment named \"\(requested)\" in the input", at: nil,
                                   help: Suggest.closest(to: requested, in: names).map { "did you mean \"\($0)\"?" }
                                       ?? (names.isEmpty ? nil : "segments: " + names.joined(separator: ", "))))
        }
        if names.count == 1, let only = names.first { return .success(only) }
        if names.isEmpty { return .failure(Diagnostic.error(DatabaseCode.segmentChoice, "the input holds no segment", at: nil)) }
        return .failure(Diagnostic.error(DatabaseCode.segmentChoice, "the input holds \(names.count) segments; choose one with --segment", at: nil,
                               help: "segments: " + names.joined(separator: ", ")))
    }
}
