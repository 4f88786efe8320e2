// swift-tools-version: 6.1
// Benchmarks: each executable prints CSV rows (see Bench/README.md); Bench/run.sh runs them all
// with their peers and writes Bench/results/latest.{md,csv}.
import PackageDescription

let package = Package(
    name: "InfluenceKitBench",
    dependencies: [
        .package(name: "InfluenceKit", path: ".."),
    ],
    targets: [
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "InfluenceKit", package: "InfluenceKit")]
        ),
        .executableTarget(
            name: "BenchLoad",
            dependencies: ["BenchSupport", .product(name: "InfluenceKit", package: "InfluenceKit")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .executableTarget(
            name: "BenchRIS",
            dependencies: ["BenchSupport", .product(name: "InfluenceKit", package: "InfluenceKit")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
        .executableTarget(
            name: "BenchSimulate",
            dependencies: ["BenchSupport", .product(name: "InfluenceKit", package: "InfluenceKit")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
