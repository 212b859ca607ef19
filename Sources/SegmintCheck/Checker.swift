import SegmintCore
import SegmintSyntax
import SegmintCatalog

public struct CheckOptions: Sendable {
    /// `--strict`: INFERRED numbers and dates (assumptions) become errors.
    public var strict: Bool
    public init(strict: Bool = false) { self.strict = strict }
}

/// The checker's product: the checked program when there are no errors, and every diagnostic.
public struct CheckResult: Sendable {
    public var program: CheckedProgram?
    public var diagnostics: [Diagnostic]
    public init(program: CheckedProgram?, diagnostics: [Diagnostic]) { self.program = program; self.diagnostics = diagnostics }
}

/// The type checker (spec §5): AST + catalog -> CheckedProgram.
public enum Checker {
    /// Checks all files of one command together (segment references resolve across them).
    public static func check(files: [SegFile], catalog: Catalog, options: CheckOptions = CheckOptions()) -> CheckResult {
        // TODO(#2): stub until the checker lands.
        CheckResult(program: CheckedProgram(catalog: catalog, segments: []), diagnostics: [])
    }
}
