import SegmintCore
import SegmintCatalog
import SegmintCheck
import SegmintSQL
import SegmintStore
import SegmintProject

/// The checked program and the chosen segment, shared by the materialize and export commands.
private struct MaterializeInput {
    var program: CheckedProgram
    var segment: String
    var warnings: String
}

private func prepare(_ files: [String], catalogPath: String, segment: String?) -> Result<MaterializeInput, CommandOutput> {
    let front = FrontEnd.run(paths: files, catalogPath: catalogPath)
    let render = DiagnosticRenderer(sources: front.sources)
    guard let program = front.program else {
        return .failure(CommandOutput(exitCode: max(1, front.exitCode), stderr: render.human(front.diagnostics)))
    }
    switch SegmentSelection.choose(segment, among: program.segments.map(\.name)) {
    case .success(let name): return .success(MaterializeInput(program: program, segment: name, warnings: render.human(front.diagnostics)))
    case .failure(let e): return .failure(CommandOutput(exitCode: 2, stderr: render.human(front.diagnostics + [e.diagnostic])))
    }
}

/// The SQL dialect of the database `url` names.
private func dialect(of url: String) -> Result<Dialect, CommandOutput> {
    let target: DatabaseTarget
    do { target = try DatabaseURL.parse(url) } catch let e as DatabaseError { return .failure(problem(2, [e.diagnostic])) } catch {
        return .failure(problem(2, [Diagnostic(code: DatabaseCode.badURL, message: "\(error)")]))
    }
    guard let d = Dialect(rawValue: target.dialectName) else {
        return .failure(problem(2, [Diagnostic(code: DatabaseCode.badURL, message: "no SQL dialect for \(target.displayName)")]))
    }
    return .success(d)
}

private func problem(_ code: Int32, _ diagnostics: [Diagnostic], prefix: String = "") -> CommandOutput {
    CommandOutput(exitCode: code, stderr: prefix + DiagnosticRenderer(sources: SourceMap()).human(diagnostics))
}

/// `--mode`: replace or append (E1226 otherwise).
public func parseMaterializeMode(_ text: String) -> Result<MaterializeMode, CommandOutput> {
    if let m = MaterializeMode(rawValue: text) { return .success(m) }
    return .failure(problem(2, [Diagnostic(code: ProjectCode.badMode, message: "unknown --mode \"\(text)\"", help: "use replace or append")]))
}

/// `--columns a,b`: names split on commas, blanks trimmed, empty entries dropped.
public func parseColumnList(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { part in
        String(part.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }.filter { !$0.isEmpty }
}

/// `segmint compile FILE... --materialize TABLE [--mode replace|append] [--columns a,b] [--dialect D]`:
/// prints the dialect's statement(s) that write the segment's members (key + columns) into TABLE.
/// Exit 0, 1 errors in the input (unknown column, invalid table, unsupported construct), 2 usage.
public func runCompileMaterialize(paths: [String], catalogPath: String, segment: String?, dialect: String, asOf: String?,
                                  table: String, mode: String, columns: [String]) -> CommandOutput {
    guard let d = Dialect(rawValue: dialect) else { return unknownDialect(dialect) }
    let m: MaterializeMode
    switch parseMaterializeMode(mode) { case .success(let x): m = x; case .failure(let out): return out }
    var pinned: CivilDate?
    if let asOf {
        guard let date = CivilDate(iso: asOf) else {
            return problem(2, [Diagnostic(code: DatabaseCode.badOption, message: "invalid --as-of date \"\(asOf)\"", help: "write YYYY-MM-DD")])
        }
        pinned = date
    }
    let input: MaterializeInput
    switch prepare(paths, catalogPath: catalogPath, segment: segment) { case .success(let i): input = i; case .failure(let out): return out }
    switch SQLCompiler.materialize(input.program, segment: input.segment, options: CompileOptions(dialect: d, asOf: pinned),
                                   table: table, mode: m, columns: columns) {
    case .success(let sql): return CommandOutput(exitCode: 0, stdout: sql, stderr: input.warnings)
    case .failure(let f): return problem(1, f.diagnostics, prefix: input.warnings)
    }
}

/// `segmint run FILE... --db URL --materialize TABLE [--mode M] [--columns a,b]`: executes the
/// statement on the database (SQLite or PostgreSQL) and reports how many rows the table holds.
/// Exit 0, 1 errors in the input, 2 usage or database error (e.g. append to a missing table).
public func runMaterialize(files: [String], catalogPath: String, segment: String?, db url: String, table: String,
                           mode: String, columns: [String]) -> CommandOutput {
    let m: MaterializeMode
    switch parseMaterializeMode(mode) { case .success(let x): m = x; case .failure(let out): return out }
    let d: Dialect
    switch dialect(of: url) { case .success(let x): d = x; case .failure(let out): return out }
    let input: MaterializeInput
    switch prepare(files, catalogPath: catalogPath, segment: segment) { case .success(let i): input = i; case .failure(let out): return out }
    let sql: String
    switch SQLCompiler.materialize(input.program, segment: input.segment, options: CompileOptions(dialect: d), table: table, mode: m, columns: columns) {
    case .success(let s): sql = s
    case .failure(let f): return problem(1, f.diagnostics, prefix: input.warnings)
    }
    do {
        let database = try DatabaseURL.open(url, create: false)
        defer { database.close() }
        try database.execute(sql)
        let quoted = table.split(separator: ".").map { SQLText.quoteIdentifier(String($0)) }.joined(separator: ".")
        let n = try database.query("SELECT COUNT(*) FROM \(quoted)").rows.first?.first.flatMap { $0 } ?? "0"
        return CommandOutput(exitCode: 0, stdout: "\(input.segment): \(m == .replace ? "wrote" : "appended to") \(table); it now holds \(n) row\(n == "1" ? "" : "s")\n",
                             stderr: input.warnings)
    } catch let e as DatabaseError {
        return problem(2, [Diagnostic(code: ProjectCode.database, message: "materializing \(input.segment) into \(table): \(e.message)")], prefix: input.warnings)
    } catch {
        return problem(2, [Diagnostic(code: ProjectCode.database, message: "\(error)")], prefix: input.warnings)
    }
}

/// `segmint export FILE... --db URL --csv FILE [--columns a,b]`: the segment's members with the
/// carried columns, written atomically as CSV (`CSV` in SegmintCore; header row; NULL as an empty field).
public func runExport(files: [String], catalogPath: String, segment: String?, db url: String, csv: String, columns: [String]) -> CommandOutput {
    let d: Dialect
    switch dialect(of: url) { case .success(let x): d = x; case .failure(let out): return out }
    let input: MaterializeInput
    switch prepare(files, catalogPath: catalogPath, segment: segment) { case .success(let i): input = i; case .failure(let out): return out }
    let sql: String
    switch SQLCompiler.rows(input.program, segment: input.segment, options: CompileOptions(dialect: d), columns: columns) {
    case .success(let s): sql = s
    case .failure(let f): return problem(1, f.diagnostics, prefix: input.warnings)
    }
    let result: QueryResult
    do {
        let database = try DatabaseURL.open(url, create: false)
        defer { database.close() }
        result = try database.query(sql)
    } catch let e as DatabaseError {
        return problem(2, [e.diagnostic], prefix: input.warnings)
    } catch {
        return problem(2, [Diagnostic(code: ProjectCode.database, message: "\(error)")], prefix: input.warnings)
    }
    // NULL is an empty field; an empty string is written "" so the two stay apart.
    var text = result.columns.map { CSV.field($0) }.joined(separator: ",") + "\n"
    for row in result.rows { text += row.map { $0.map { $0.isEmpty ? "\"\"" : CSV.field($0) } ?? "" }.joined(separator: ",") + "\n" }
    do { try AtomicFile.write(text, to: csv) } catch {
        return problem(2, [Diagnostic(code: ProjectCode.writeFailed, message: "\(error)")], prefix: input.warnings)
    }
    let noun = result.rows.count == 1 ? input.program.catalog.entity.name : input.program.catalog.entity.name + "s"
    return CommandOutput(exitCode: 0, stderr: input.warnings + "\(input.segment): \(result.rows.count) \(noun) written to \(csv)\n")
}
