// swift-tools-version: 6.1
// Benchmarks: each executable prints CSV rows (see Bench/README.md); Bench/run.sh runs them all
// with their peers and writes Bench/results/latest.{md,csv}.
import PackageDescription

let package = Package(
    name: "InfluenceKitBench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "InfluenceKit", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "BenchLoad",
            dependencies: [.product(name: "InfluenceKit", package: "InfluenceKit")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .executableTarget(
            name: "BenchRIS",
            dependencies: [.product(name: "InfluenceKit", package: "InfluenceKit")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .executableTarget(
            name: "BenchSimulate",
            dependencies: [.product(name: "InfluenceKit", package: "InfluenceKit")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
