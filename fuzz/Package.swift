// swift-tools-version:6.0
// libFuzzer target over the parser, formatter and checker. Its own package so the sanitizer
// flags (unsafeFlags, allowed only in a root package) never reach the main build.
// Build and run with ./run.sh [SECONDS]; the build directory is fuzz/.build.
import PackageDescription

let package = Package(
    name: "SegmintFuzz",
    dependencies: [.package(name: "Segmint", path: "..")],
    targets: [
        .executableTarget(
            name: "SegmintFuzz",
            dependencies: [.product(name: "SegmintDriver", package: "Segmint")],
            swiftSettings: [.swiftLanguageMode(.v5), .unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
    ]
)
