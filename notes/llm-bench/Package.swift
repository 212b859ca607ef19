// swift-tools-version:6.0
// Release benchmark of the LLM layer: `cd notes/llm-bench && swift build -c release && .build/release/llmbench`.
import PackageDescription
let package = Package(
    name: "llmbench",
    dependencies: [.package(path: "../..")],
    targets: [.executableTarget(name: "llmbench", dependencies: [.product(name: "SegmintDriver", package: "llm")],
                                swiftSettings: [.swiftLanguageMode(.v5)])]
)
