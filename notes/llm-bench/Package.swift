// swift-tools-version:6.0
// Release benchmark of the LLM layer: `cd notes/llm-bench && swift build -c release && .build/release/llmbench`.
// `package:` is the identity of the path dependency, i.e. the repository directory's name: edit it
// if your checkout is not called `llm`.
import PackageDescription
let package = Package(
    name: "llmbench",
    dependencies: [.package(path: "../..")],
    targets: [.executableTarget(name: "llmbench", dependencies: [.product(name: "SegmintDriver", package: "llm")],
                                swiftSettings: [.swiftLanguageMode(.v5)])]
)
