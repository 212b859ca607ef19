// swift-tools-version:6.0
// The dependency edges below are the architecture (README "Architecture"): a target depends only on
// targets listed above it, and declares exactly the modules it imports (scripts/check_edges.py checks).
import PackageDescription
import Foundation

/// The commit `segmint --version` reports: SEGMINT_GIT_COMMIT from the environment of the build
/// (scripts/install.sh sets it from git), hex digits only; "unknown" otherwise.
let gitCommit: String = {
    let value = ProcessInfo.processInfo.environment["SEGMINT_GIT_COMMIT"] ?? ""
    let hex = !value.isEmpty && value.count <= 40 && value.allSatisfy { $0.isHexDigit }
    return hex ? value : "unknown"
}()

let v5: [SwiftSetting] = [.swiftLanguageMode(.v5)]

let package = Package(
    name: "Segmint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "segmint", targets: ["segmint"]),
        .library(name: "SegmintDriver", targets: ["SegmintDriver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // System C libraries (apt: libsqlite3-dev, libpq-dev, libcurl4-openssl-dev).
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // Shared vocabulary: sources, spans, diagnostics and their rendering, civil dates, atomic
        // files, a command's output, the one sync-over-async bridge.
        .target(name: "SegmintCore", swiftSettings: v5),

        // Stage 1: text -> tokens -> AST (+ diagnostics); the formatter prints the AST back.
        .target(name: "SegmintSyntax", dependencies: ["SegmintCore"], swiftSettings: v5),

        // The catalog: YAML -> Catalog model (+ diagnostics). Uses SegmintSyntax only for the reserved words.
        .target(name: "SegmintCatalog", dependencies: ["SegmintCore", "SegmintSyntax", .product(name: "Yams", package: "Yams")], swiftSettings: v5),

        // Stage 2: AST + Catalog -> CheckedProgram (+ diagnostics).
        .target(name: "SegmintCheck", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog"], swiftSettings: v5),

        // Stage 3: CheckedProgram -> relational IR -> SQL text per dialect.
        .target(name: "SegmintSQL", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck"], swiftSettings: v5),

        // The store: SQLite (embedded) and PostgreSQL (libpq) connections, database URLs,
        // identifier and literal quoting. Knows nothing of segments or catalogs.
        .target(name: "SegmintStore", dependencies: ["SegmintCore", "CSQLite3", "CLibPQ"], swiftSettings: v5),

        // Deterministic synthetic data for a catalog, written through the store.
        .target(name: "SegmintDemo", dependencies: ["SegmintCore", "SegmintCatalog", "SegmintStore"], swiftSettings: v5),

        // A starter catalog YAML from a live schema, read through the store.
        .target(name: "SegmintCatalogImport", dependencies: ["SegmintCore", "SegmintCatalog", "SegmintStore"], swiftSettings: v5),

        // Analyses of checked segments (counts through the store): overlap, static analysis, explain, recommend.
        .target(name: "SegmintAnalysis", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintStore"], swiftSettings: v5),

        // LLM transport: providers over libcurl, retries, failover, response cache (SQLite through the store), trace.
        .target(name: "SegmintLLM", dependencies: ["SegmintCore", "CCurl", "SegmintStore", .product(name: "Yams", package: "Yams")], swiftSettings: v5),

        // Natural language -> checked .seg in front of the compiler; clarification memory in the store.
        .target(name: "SegmintNL", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL", "SegmintStore", "SegmintLLM"], swiftSettings: v5),

        // The natural-language eval harness: suites, cassettes, scoring (exact and execution match), reports, baselines.
        .target(name: "SegmintEval", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL",
                                                   "SegmintStore", "SegmintDemo", "SegmintLLM", "SegmintNL"], swiftSettings: v5),

        // Segment projects: segmint.yaml, catalog resolution, build (+ manifest, dbt), snapshot and data tests.
        .target(name: "SegmintProject", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL",
                                                      "SegmintStore", "SegmintLLM", .product(name: "Yams", package: "Yams")], swiftSettings: v5),

        // The commands as library functions (argv-free), so tests call them directly.
        .target(name: "SegmintDriver", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL",
                                                     "SegmintStore", "SegmintDemo", "SegmintCatalogImport", "SegmintAnalysis",
                                                     "SegmintLLM", "SegmintNL", "SegmintEval", "SegmintProject"], swiftSettings: v5),

        // Editor features over text in memory (diagnostics, completion, hover, navigation, …); knows nothing of LSP.
        .target(name: "SegmintIDE", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintAnalysis",
                                                  .product(name: "Yams", package: "Yams")], swiftSettings: v5),

        // The Language Server Protocol over stdio: JSON-RPC framing and the one seam converting to and from SegmintIDE.
        .target(name: "SegmintLSP", dependencies: ["SegmintCore", "SegmintIDE"], swiftSettings: v5),

        // Build facts for `segmint --version` (the git commit, from the environment of the build).
        .target(name: "CSegmintBuildInfo", cSettings: [.define("SEGMINT_GIT_COMMIT", to: "\"\(gitCommit)\"")]),

        // The thin executable: argument parsing and exit codes only.
        .executableTarget(name: "segmint", dependencies: ["SegmintCore", "SegmintNL", "SegmintEval", "SegmintDriver", "SegmintLSP", "CSegmintBuildInfo",
                                                          .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: v5),

        // Editor-server benchmark: the language server alone on stdio (bench/lsp/run.sh builds it in release).
        .executableTarget(name: "segmint-bench-lsp", dependencies: ["SegmintLSP"], path: "bench/lsp/Sources", swiftSettings: v5),

        // Compile-throughput benchmark (bench/compile/run.sh builds it in release).
        // Project build benchmark: 10,000 segments, full and incremental (bench/project/run.sh).
        .executableTarget(name: "segmint-bench-project", dependencies: ["SegmintCore", "SegmintProject"], path: "bench/project/Sources", swiftSettings: v5),
        .executableTarget(name: "segmint-bench-compile", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL"],
                          path: "bench/compile/Sources", swiftSettings: v5),

        // Test-only support: a fake LLM server on 127.0.0.1; where the Python test oracles are.
        .target(name: "SegmintTestSupport", swiftSettings: v5),

        // Benchmarks of the natural-language pipeline (release builds only; see bench/nl/README.md).
        .executableTarget(name: "segmint-bench-nl", dependencies: ["SegmintCore", "SegmintCatalog", "SegmintLLM", "SegmintNL", "SegmintTestSupport"],
                          path: "bench/nl", swiftSettings: v5),

        .testTarget(name: "SegmintSyntaxTests", dependencies: ["SegmintCore", "SegmintSyntax"], swiftSettings: v5),
        .testTarget(name: "SegmintCatalogTests", dependencies: ["SegmintCore", "SegmintCatalog"], swiftSettings: v5),
        .testTarget(name: "SegmintCheckTests", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck"], swiftSettings: v5),
        .testTarget(name: "SegmintSQLTests", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL",
                                                           "SegmintStore", "CSQLite3", "CLibPQ", "SegmintTestSupport"], swiftSettings: v5),
        .testTarget(name: "SegmintStoreTests", dependencies: ["SegmintCore", "SegmintCatalog", "SegmintStore", "SegmintDemo",
                                                             "SegmintCatalogImport", "SegmintDriver"], swiftSettings: v5),
        .testTarget(name: "SegmintAnalysisTests", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL",
                                                                "SegmintStore", "SegmintDemo", "SegmintAnalysis", "SegmintDriver"], swiftSettings: v5),
        .testTarget(name: "SegmintLLMTests", dependencies: ["SegmintStore", "SegmintLLM", "SegmintTestSupport"], swiftSettings: v5),
        .testTarget(name: "SegmintNLTests", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintLLM", "SegmintNL", "SegmintTestSupport",
                                                          .product(name: "Yams", package: "Yams")], swiftSettings: v5),
        .testTarget(name: "SegmintEvalTests", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintNL", "SegmintEval"], swiftSettings: v5),
        .testTarget(name: "SegmintDriverTests", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck",
                                                              "SegmintStore", "SegmintDriver", "SegmintLLM", "SegmintTestSupport"], swiftSettings: v5),
        .testTarget(name: "SegmintIDETests", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintIDE", "SegmintDriver"], swiftSettings: v5),
        .testTarget(name: "SegmintLSPTests", dependencies: ["SegmintCore", "SegmintLSP"], swiftSettings: v5),
        .testTarget(name: "SegmintProjectTests", dependencies: ["SegmintCore", "SegmintSQL", "SegmintStore", "SegmintLLM", "SegmintProject", "SegmintDriver"], swiftSettings: v5),
    ]
)
