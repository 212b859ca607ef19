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
    /// `{"segment":…, "dialect":…, "key":…, "count":…, "limit":…, "keys":[…]}`: keys are JSON
    /// numbers when the key column holds integers, strings otherwise; `limit` is null when
    /// every key is printed.
    case json
}

/// `segmint run FILE... --catalog PATH [--segment NAME] --db URL [--limit N] [--format F]`:
/// checks and compiles the segment for the database's dialect, runs it, prints the number of
/// keys and the first `limit` of them (sorted: numerically when every key is an integer);
/// `limit` 0 prints every key (`--all`); a negative limit is a usage error.
/// Exit 0 ok; 1 errors in the input; 2 usage, I/O or database trouble (bad URL, unreachable
/// server, missing table, SQL error).
public func runRun(files: [String], catalogPath: String, segment: String?, db url: String,
                   limit: Int = 20, format: RunFormat = .table) -> CommandOutput {
    func usage(_ diags: [Diagnostic]) -> CommandOutput {
        CommandOutput(exitCode: 2, stderr: DiagnosticRenderer(sources: SourceMap()).human(diags))
    }
    guard limit >= 0 else {
        return usage([.error(DatabaseCode.badOption, "--limit must be 0 or more, got \(limit)", at: nil,
                             help: "--limit N prints the first N keys; --all (or --limit 0) prints every key")])
    }
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
    switch SegmentSelection.choose(segment, among: program.segments.map(\.name)) {
    case .success(let n): name = n
    case .failure(let e): return fail(2, warnings + [e.diagnostic])
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
        return .failure(2, [.thrown(error, code: DatabaseCode.sql)])
    }
    let keys = sortedKeys(result.rows.compactMap { $0.first ?? nil })
    let shown = limit == 0 ? keys : Array(keys.prefix(limit))
    // Integer keys are JSON numbers; their text comes from the database as a plain integer,
    // checked again here so a number is never written from anything else.
    let integerKeys = (result.integerColumns.first ?? false) && keys.allSatisfy { Int64($0) != nil }
    let keyName = result.columns.first ?? entity.key
    let noun = keys.count == 1 ? entity.name : pluralise(entity.name)
    switch format {
    case .table:
        var s = "\(segment): \(keys.count) \(noun) (\(database.dialectName))\n"
        if !shown.isEmpty {
            let width = max(keyName.count, shown.map { VisibleText.escape($0).count }.max() ?? 0)
            s += keyName + "\n" + String(repeating: "-", count: width) + "\n"
            for k in shown { s += VisibleText.escape(k) + "\n" }
            if shown.count < keys.count { s += "… \(keys.count - shown.count) more (--all prints every key)\n" }
        }
        return CommandOutput(exitCode: 0, stdout: s)
    case .csv:
        var s = CSV.record([keyName])
        for k in shown { s += CSV.record([k]) }
        return CommandOutput(exitCode: 0, stdout: s, stderr: "\(segment): \(keys.count) \(noun), showing \(shown.count)\n")
    case .json:
        let list = shown.map { integerKeys ? $0 : JSON.string($0) }.joined(separator: ", ")
        let s = "{\"segment\": \(JSON.string(segment)), \"dialect\": \(JSON.string(database.dialectName)), "
            + "\"key\": \(JSON.string(keyName)), \"count\": \(keys.count), \"limit\": \(limit == 0 ? "null" : String(limit)), "
            + "\"keys\": [\(list)]}\n"
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

private func pluralise(_ word: String) -> String {
    if word.hasSuffix("s") || word.hasSuffix("x") { return word + "es" }
    if word.hasSuffix("y"), let before = word.dropLast().last, !"aeiou".contains(before) { return word.dropLast() + "ies" }
    return word + "s"
}
