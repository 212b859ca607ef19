// swift-tools-version:6.0
// The dependency edges below are the architecture: each stage depends only on the stage before it.
import PackageDescription

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

        // Shared vocabulary: sources, spans, diagnostics and their rendering, civil dates.
        .target(name: "SegmintCore", swiftSettings: v5),
        // Stage 1: text -> tokens -> AST (+ diagnostics); the formatter prints the AST back.
        .target(name: "SegmintSyntax", dependencies: ["SegmintCore"], swiftSettings: v5),
        // The catalog: YAML -> Catalog model (+ diagnostics). Uses SegmintSyntax only for the reserved words.
        .target(name: "SegmintCatalog", dependencies: ["SegmintCore", "SegmintSyntax", .product(name: "Yams", package: "Yams")], swiftSettings: v5),
        // Stage 2: AST + Catalog -> CheckedProgram (+ diagnostics).
        .target(name: "SegmintCheck", dependencies: ["SegmintSyntax", "SegmintCatalog"], swiftSettings: v5),
        // Stage 3: CheckedProgram -> relational IR -> SQL text per dialect.
        .target(name: "SegmintSQL", dependencies: ["SegmintCheck"], swiftSettings: v5),
        // Databases: SQLite (embedded) and PostgreSQL (libpq); demo data; catalog import.
        .target(name: "SegmintDB", dependencies: ["SegmintCatalog", "CSQLite3", "CLibPQ"], swiftSettings: v5),
        // Analyses over checked segments and databases: overlap, static analysis, explain, recommend.
        .target(name: "SegmintAnalysis", dependencies: ["SegmintSQL", "SegmintDB"], swiftSettings: v5),
        // LLM transport: providers over libcurl, retries, failover, cache, trace.
        .target(name: "SegmintLLM", dependencies: ["SegmintCore", "CCurl", "SegmintDB", .product(name: "Yams", package: "Yams")], swiftSettings: v5),
        // Natural-language pipeline in front of the compiler.
        .target(name: "SegmintNL", dependencies: ["SegmintCheck", "SegmintSQL", "SegmintLLM", "SegmintDB"], swiftSettings: v5),
        // Segment projects: segmint.yaml, catalog resolution, build (+ manifest, dbt), snapshot and data tests.
        .target(name: "SegmintProject", dependencies: ["SegmintCore", "SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL", "SegmintDB", "SegmintLLM",
                                                       .product(name: "Yams", package: "Yams")], swiftSettings: v5),
        // The commands as library functions (argv-free), so tests call them directly.
        .target(name: "SegmintDriver", dependencies: ["SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL", "SegmintDB", "SegmintAnalysis", "SegmintLLM", "SegmintNL", "SegmintProject"], swiftSettings: v5),
        // The thin executable: argument parsing and exit codes only.
        .executableTarget(name: "segmint", dependencies: ["SegmintDriver", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: v5),
        // Compile-throughput benchmark (bench/compile/run.sh builds it in release).
        // Project build benchmark: 10,000 segments, full and incremental (bench/project/run.sh).
        .executableTarget(name: "segmint-bench-project", dependencies: ["SegmintProject"], path: "bench/project/Sources", swiftSettings: v5),
        .executableTarget(name: "segmint-bench-compile", dependencies: ["SegmintSyntax", "SegmintCatalog", "SegmintCheck", "SegmintSQL"],
                          path: "bench/compile/Sources", swiftSettings: v5),
        // Test-only support: a fake LLM server on 127.0.0.1, temporary PostgreSQL discovery.
        .target(name: "SegmintTestSupport", dependencies: ["SegmintCore"], swiftSettings: v5),

        // Benchmarks of the natural-language pipeline (release builds only; see bench/nl/README.md).
        .executableTarget(name: "segmint-bench-nl", dependencies: ["SegmintNL", "SegmintTestSupport"], path: "bench/nl", swiftSettings: v5),

        .testTarget(name: "SegmintSyntaxTests", dependencies: ["SegmintSyntax"], swiftSettings: v5),
        .testTarget(name: "SegmintCatalogTests", dependencies: ["SegmintCatalog"], swiftSettings: v5),
        .testTarget(name: "SegmintCheckTests", dependencies: ["SegmintCheck"], swiftSettings: v5),
        .testTarget(name: "SegmintSQLTests", dependencies: ["SegmintSQL", "SegmintDB"], swiftSettings: v5),
        .testTarget(name: "SegmintDBTests", dependencies: ["SegmintDB", "SegmintSQL", "SegmintDriver"], swiftSettings: v5),
        .testTarget(name: "SegmintAnalysisTests", dependencies: ["SegmintAnalysis", "SegmintDriver"], swiftSettings: v5),
        .testTarget(name: "SegmintLLMTests", dependencies: ["SegmintLLM", "SegmintTestSupport"], swiftSettings: v5),
        .testTarget(name: "SegmintNLTests", dependencies: ["SegmintNL", "SegmintTestSupport"], swiftSettings: v5),
        .testTarget(name: "SegmintDriverTests", dependencies: ["SegmintDriver"], swiftSettings: v5),
        .testTarget(name: "SegmintProjectTests", dependencies: ["SegmintProject", "SegmintDriver", "SegmintDB"], swiftSettings: v5),
    ]
)
