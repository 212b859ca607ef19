import SegmintCore
import SegmintCheck

/// The warehouses Segmint writes SQL for.
public enum Dialect: String, Sendable, CaseIterable {
    case postgres, sqlite, duckdb, bigquery, snowflake, spark, trino
}

public struct CompileOptions: Sendable {
    public var dialect: Dialect
    /// `--as-of`: used for segments without a pinned `as_of`. nil = the warehouse's current date.
    public var asOf: CivilDate?
    /// `--count`: return the number of distinct keys instead of the keys.
    public var count: Bool
    public init(dialect: Dialect = .postgres, asOf: CivilDate? = nil, count: Bool = false) {
        self.dialect = dialect; self.asOf = asOf; self.count = count
    }
}

/// Stage 3: CheckedProgram -> relational IR (Lowering) -> one SQL statement in a dialect
/// (SQLGenerator + Dialects/).
public enum SQLCompiler {
    /// One read-only SELECT returning the distinct entity keys of `segment` (or their count),
    /// preceded by a `--` header. Diagnostics for what the dialect cannot express. `segment`
    /// may be nil when the program declares exactly one (see `SegmentSelection`).
    public static func compile(_ program: CheckedProgram, segment: String?, options: CompileOptions) -> Result<String, CompileFailure> {
        switch program.chooseSegment(segment) {
        case .success(let s): return compileSegment(s, in: program, options: options)
        case .failure(let e): return .failure(CompileFailure(diagnostics: [e.diagnostic]))
        }
    }

    /// Like `compile`, for a segment that need not be part of `program` (e.g. built in code by
    /// `explain`); its `in segment` references resolve against `program`.
    public static func compileSegment(_ segment: CheckedSegment, in program: CheckedProgram, options: CompileOptions) -> Result<String, CompileFailure> {
        compileSegment(segment, in: program, options: options, shape: nil, extraHeader: [])
    }

    /// The named segment in another shape (`Materialize.swift`); header lines appended.
    static func compileShape(_ program: CheckedProgram, segment: String, options: CompileOptions, shape: QueryShape,
                             extraHeader: [String]) -> Result<String, CompileFailure> {
        guard let s = program.segment(named: segment) else {
            return .failure(CompileFailure(diagnostics: [.error("E0501", "unknown segment \"\(segment)\"", at: nil)]))
        }
        return compileSegment(s, in: program, options: options, shape: shape, extraHeader: extraHeader)
    }

    /// `shape` nil: the keys, or their count with `options.count`.
    static func compileSegment(_ segment: CheckedSegment, in program: CheckedProgram, options: CompileOptions,
                               shape: QueryShape?, extraHeader: [String]) -> Result<String, CompileFailure> {
        var lowering = Lowering(program: program, options: options)
        let p = lowering.lower(segment: segment)
        let query = EntityQuery(table: program.catalog.entity.table, keyColumn: program.catalog.entity.key,
                                joins: lowering.joins, filter: p == .constant(true) ? nil : p)
        let asOf = (segment.asOf ?? options.asOf).map(\.description) ?? "current date"
        let header = [
            "-- segment: \(headerText(segment.name))",
            "-- catalog: \(headerText(program.catalog.label))",
            "-- dialect: \(options.dialect.rawValue)",
            "-- as of: \(asOf)",
        ]
        return generate(query, shape: shape ?? (options.count ? .count : .keys), header: header + extraHeader,
                        diagnostics: lowering.diagnostics, dialect: options.dialect)
    }

    /// ONE statement that scans the entity table once and returns a row per distinct
    /// membership pattern of `segments`: integer columns `m0 … m{N-1}` (1 = member, in the order
    /// given) and `n` (entities with that pattern). The all-zero pattern is left out; rows are
    /// ordered by the pattern, descending from all-ones.
    public static func overlapQuery(_ program: CheckedProgram, segments: [String], options: CompileOptions) -> Result<String, CompileFailure> {
        guard !segments.isEmpty else {
            return .failure(CompileFailure(diagnostics: [.error("E0505", "overlap needs at least one segment", at: nil)]))
        }
        var lowering = Lowering(program: program, options: options)
        var members: [Predicate] = []
        for name in segments {
            guard let s = program.segment(named: name) else {
                return .failure(CompileFailure(diagnostics: [SegmentSelection.unknown(name, among: program.segments.map(\.name))]))
            }
            members.append(lowering.lower(segment: s))
        }
        let query = EntityQuery(table: program.catalog.entity.table, keyColumn: program.catalog.entity.key,
                                joins: lowering.joins, filter: nil)
        let header = [
            "-- overlap: \(segments.map(headerText).joined(separator: ", "))",
            "-- catalog: \(headerText(program.catalog.label))",
            "-- dialect: \(options.dialect.rawValue)",
        ]
        return generate(query, shape: .overlap(members), header: header, diagnostics: lowering.diagnostics, dialect: options.dialect)
    }

    private static func generate(_ q: EntityQuery, shape: QueryShape, header: [String], diagnostics: [Diagnostic], dialect: Dialect) -> Result<String, CompileFailure> {
        var diagnostics = diagnostics
        if !diagnostics.hasErrors {
            do {
                let body = try SQLGenerator(dialect: dialect).statement(q, shape: shape)
                return .success(header.joined(separator: "\n") + "\n" + body + "\n")
            } catch let u as Unsupported {
                diagnostics.append(.error("E0510", u.message, at: nil))
            } catch {
                diagnostics.append(.error("E0510", "\(error)", at: nil))
            }
        }
        return .failure(CompileFailure(diagnostics: diagnostics))
    }

    /// Header values go into `--` comments: keep each on one line whatever it holds.
    private static func headerText(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" ? "?" : $0 }))
    }
}

/// Why SQL could not be produced: diagnostics (e.g. a construct the dialect cannot express).
public struct CompileFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
