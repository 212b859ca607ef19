// swift-tools-version:6.0
// A release-built harness that times the front end alone (parse, and parse + fmt) on a file.
// Run through ../run.sh; the build directory is bench/check/harness/.build.
import PackageDescription

let package = Package(
    name: "ParseBench",
    dependencies: [.package(name: "Segmint", path: "../../..")],
    targets: [
        .executableTarget(name: "ParseBench", dependencies: [.product(name: "SegmintDriver", package: "Segmint")],
                          swiftSettings: [.swiftLanguageMode(.v5)]),
    ]
)
