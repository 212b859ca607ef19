import SegmintCore
import SegmintCatalog
import SegmintCheck

/// How `--materialize` writes a segment's members.
public enum MaterializeMode: String, Sendable, CaseIterable {
    /// Create the table, or replace its content (and shape) when it exists.
    case replace
    /// Insert into an existing table with the same columns.
    case append
}

/// Writing a segment's members into a table (`compile`/`run --materialize`) and selecting them
/// with entity columns (`export`). The table holds the key column and each carried column.
extension SQLCompiler {
    /// One SELECT of the distinct keys and `columns` (facet names or entity column names of the
    /// catalog; output columns are named as given), ordered by key, after the usual header.
    public static func rows(_ program: CheckedProgram, segment: String, options: CompileOptions, columns: [String]) -> Result<String, CompileFailure> {
        let carried: [CarriedColumn]
        switch carriedColumns(columns, catalog: program.catalog) {
        case .success(let c): carried = c
        case .failure(let f): return .failure(f)
        }
        return compileShape(program, segment: segment, options: options, shape: .rows(carried), extraHeader: [])
    }

    /// The dialect's statement(s) that write the members of `segment` (key + `columns`) into
    /// `table` (`schema.table` allowed; each part a plain identifier, quoted in the output).
    public static func materialize(_ program: CheckedProgram, segment: String, options: CompileOptions, table: String,
                                   mode: MaterializeMode, columns: [String]) -> Result<String, CompileFailure> {
        let parts = table.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy(isPlainIdentifier) else {
            return .failure(CompileFailure(diagnostics: [.error("E1227", "invalid table name \"\(table)\"", at: nil,
                help: "write letters, digits and underscores, optionally qualified: schema.table")]))
        }
        let carried: [CarriedColumn]
        switch carriedColumns(columns, catalog: program.catalog) {
        case .success(let c): carried = c
        case .failure(let f): return .failure(f)
        }
        let rules = options.dialect.rules
        let quotedTable = rules.table(table)
        let outputColumns = [rules.identifier(program.catalog.entity.key)] + carried.map { rules.identifier($0.alias) }
        let header = "-- materialize: \(table) (\(mode.rawValue))"
        return compileShape(program, segment: segment, options: options, shape: .rows(carried), extraHeader: [header]).map { sql in
            // The header comment lines stay in front; the SELECT goes inside the dialect's statement.
            let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
            let head = lines.prefix { $0.hasPrefix("--") }.joined(separator: "\n")
            var select = lines.drop { $0.hasPrefix("--") }.joined(separator: "\n")
            while select.hasSuffix("\n") { select.removeLast() }
            return head + "\n" + rules.materialize(table: quotedTable, select: select, columns: outputColumns, mode: mode)
        }
    }

    /// `--columns` resolved against the catalog's entity: a facet name (carried under that name)
    /// or a facet's column (under the column's name). The key itself and repeats are refused.
    static func carriedColumns(_ names: [String], catalog: Catalog) -> Result<[CarriedColumn], CompileFailure> {
        var out: [CarriedColumn] = [], problems: [Diagnostic] = []
        for name in names {
            let column: String?
            if let f = catalog.facet(named: name) { column = f.column }
            else { column = catalog.facets.first { $0.column == name }?.column }
            guard let column else {
                let help = Suggest.closest(to: name, in: catalog.facets.map(\.name)).map { "did you mean \"\($0)\"?" }
                    ?? "columns are facets of the catalog: " + catalog.facets.prefix(8).map(\.name).joined(separator: ", ")
                        + (catalog.facets.count > 8 ? ", …" : "")
                problems.append(.error("E1225", "\(catalog.entity.table) has no column or facet \"\(name)\" in catalog \(catalog.label)", at: nil, help: help))
                continue
            }
            if name == catalog.entity.key || out.contains(where: { $0.alias == name }) {
                problems.append(.error("E1225", "column \"\(name)\" is already in the output", at: nil))
                continue
            }
            out.append(CarriedColumn(column: column, alias: name))
        }
        return problems.isEmpty ? .success(out) : .failure(CompileFailure(diagnostics: problems))
    }

    static func isPlainIdentifier(_ s: Substring) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
