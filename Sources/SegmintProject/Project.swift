import SegmintCore
import SegmintSQL
import SegmintLLM

/// A value from the project file with the place it was written (for diagnostics).
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    /// Where it was written in `segmint.yaml`; nil for defaults.
    public var span: Span?
    public init(_ value: Value, span: Span? = nil) { self.value = value; self.span = span }
}

/// A loaded `segmint.yaml` (docs/project.md). Relative paths are relative to `root`, the
/// directory holding the file.
public struct Project: Sendable {
    /// The project file as shown in messages, and its directory (absolute).
    public var path: String
    public var root: String
    public var name: String?
    /// Catalog per tenant, in file order; a single `catalog:` is the tenant `default`.
    public var catalogs: [(tenant: String, path: Located<String>)]
    /// The tenant used when --tenant is not given (required when there are several).
    public var defaultTenant: String?
    /// Directories searched (recursively) for `.seg` files.
    public var segmentDirectories: [Located<String>]
    public var dialects: [Dialect]
    /// Windows of segments without their own `as_of` are relative to this date; nil = the
    /// warehouse's current date.
    public var asOf: CivilDate?
    public var target: String
    public var snapshots: String
    public var tests: String
    /// The file's text, to turn spans of values into lines in later diagnostics.
    public var source: SourceFile?

    /// A place in the project file as file/line/column (for diagnostics rendered elsewhere).
    public func location(_ span: Span?) -> Diagnostic.ExplicitLocation {
        guard let span, let file = source else { return .init(file: path) }
        let loc = file.location(of: span.start)
        return .init(file: path, line: loc.line, column: loc.column)
    }

    public init(path: String, root: String) {
        self.path = path; self.root = root
        name = nil; catalogs = []; defaultTenant = nil
        segmentDirectories = [Located("segments")]
        dialects = [.postgres]; asOf = nil
        target = "target"; snapshots = "tests/golden"; tests = "tests/data"
    }

    /// A project-relative path as a path to open.
    public func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") ? relative : (root == "/" ? "" : root) + "/" + relative
    }

    /// The tenant a command uses: `requested`, else the default tenant, else the only one.
    public func tenant(_ requested: String?) -> TenantChoice {
        let names = catalogs.map(\.tenant)
        if let want = requested ?? defaultTenant {
            if let hit = catalogs.first(where: { $0.tenant == want }) { return .found(tenant: hit.tenant, path: hit.path) }
            let help = Suggest.closest(to: want, in: names).map { "did you mean \"\($0)\"?" }
                ?? (names.isEmpty ? "the project declares no catalogs" : "tenants: " + names.joined(separator: ", "))
            return .problem(Diagnostic(code: ProjectCode.unknownTenant, message: "no tenant \"\(want)\" in \(path)", help: help))
        }
        if catalogs.count == 1, let only = catalogs.first { return .found(tenant: only.tenant, path: only.path) }
        if catalogs.isEmpty {
            return .problem(Diagnostic(code: ProjectCode.noCatalog, message: "\(path) names no catalog",
                                       help: CatalogResolver.threeWays))
        }
        return .problem(Diagnostic(code: ProjectCode.unknownTenant,
                                   message: "\(path) declares \(catalogs.count) tenants; choose one with --tenant",
                                   help: "tenants: " + names.joined(separator: ", ") + " (or set default_tenant)"))
    }
}

/// The outcome of `Project.tenant`.
public enum TenantChoice: Sendable {
    case found(tenant: String, path: Located<String>)
    case problem(Diagnostic)
}

/// Keys of the LLM configuration that live in the same file (docs/llm-config.md); the project
/// loader accepts them without reading them.
let llmKeys = Set(LLMConfigLoader.fileKeys)
/// Keys of the project itself.
let projectKeys: [String] = ["name", "catalog", "catalogs", "default_tenant", "segments", "dialects", "as_of",
                             "target", "snapshots", "tests"]
