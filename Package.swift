// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "InfluenceKit",
    products: [
        .library(name: "InfluenceKit", targets: ["InfluenceKit"]),
        .executable(name: "infmax", targets: ["infmax"]),
        // The C interface (include/influencekit.h) that the Python package loads: build it with
        // `make python`, which links the Swift runtime statically.
        .library(name: "influencekit", type: .dynamic, targets: ["InfluenceKitABI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CIgraph",
            pkgConfig: "igraph",
            providers: [.apt(["libigraph-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "CSupport",
            dependencies: ["CIgraph"]
        ),
        .target(
            name: "InfluenceKit",
            dependencies: ["CIgraph", "CZlib", "CSupport"]
        ),
        .target(name: "CInfluenceKit"),
        .target(
            name: "InfluenceKitABI",
            dependencies: ["InfluenceKit", "CInfluenceKit"]
        ),
        .executableTarget(
            name: "infmax",
            dependencies: [
                "InfluenceKit",
                "CSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "InfluenceKitTests",
            dependencies: ["InfluenceKit"]
        ),
        .testTarget(
            name: "infmaxTests",
            dependencies: ["infmax", "InfluenceKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
