// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "InfluenceKit",
    products: [
        .library(name: "InfluenceKit", targets: ["InfluenceKit"]),
        .library(name: "GraphInfomax", targets: ["GraphInfomax"]),
        .executable(name: "infmax", targets: ["infmax"]),
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
        .target(
            name: "GraphInfomax",
            dependencies: ["InfluenceKit"]
        ),
        .executableTarget(
            name: "infmax",
            dependencies: [
                "InfluenceKit",
                "GraphInfomax",
                "CSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "InfluenceKitTests",
            dependencies: ["InfluenceKit"]
        ),
        .testTarget(
            name: "GraphInfomaxTests",
            dependencies: ["GraphInfomax", "InfluenceKit"]
        ),
        .testTarget(
            name: "infmaxTests",
            dependencies: ["infmax", "InfluenceKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
