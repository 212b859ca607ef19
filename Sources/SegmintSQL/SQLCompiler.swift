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

/// Stage 3: CheckedProgram -> relational IR -> one SQL statement in a dialect.
public enum SQLCompiler {
    /// One read-only SELECT returning the distinct entity keys of `segment` (or their count),
    /// preceded by a `--` header. Diagnostics for what the dialect cannot express.
    public static func compile(_ program: CheckedProgram, segment: String, options: CompileOptions) -> Result<String, CompileFailure> {
        // TODO(#3): stub until the backend lands.
        .failure(CompileFailure(diagnostics: [.error("E0500", "SQL backend not implemented", at: nil)]))
    }
}

/// Why SQL could not be produced: diagnostics (e.g. a construct the dialect cannot express).
public struct CompileFailure: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
