// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "InfluenceKit",
    products: [
        .library(name: "InfluenceKit", targets: ["InfluenceKit"]),
        .library(name: "GraphInfomax", targets: ["GraphInfomax"]),
        .executable(name: "infmax", targets: ["infmax"]),
        // The C interface (include/influencekit.h) that the Python package loads: build it with
        // `make python`, which links the Swift runtime statically.
        .library(name: "influencekit", type: .dynamic, targets: ["InfluenceKitABI"]),
    ],
    traits: [
        .trait(name: "MPI", description: "Distributed runs over Open MPI (mpirun -np R infmax seeds|simulate …); needs libopenmpi-dev."),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `make docs`: the DocC catalogue in Sources/InfluenceKit/InfluenceKit.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        // Open MPI (Debian: libopenmpi-dev ships ompi-c.pc). Only the MPI trait depends on it, so a
        // default build never runs pkg-config for it nor sees mpi.h.
        .systemLibrary(
            name: "CMPI",
            pkgConfig: "ompi-c",
            providers: [.apt(["libopenmpi-dev"])]
        ),
        // C wrappers over MPI's opaque handles and macros (MPI_COMM_WORLD, datatypes), which Swift
        // cannot import. Without the MPI trait its sources compile to nothing.
        .target(
            name: "CMPIShim",
            dependencies: [.target(name: "CMPI", condition: .when(traits: ["MPI"]))],
            cSettings: [.define("INFLUENCEKIT_MPI", .when(traits: ["MPI"]))]
        ),
        .target(
            name: "InfluenceKit",
            dependencies: ["CIgraph", "CZlib", "CSupport",
                           .target(name: "CMPIShim", condition: .when(traits: ["MPI"]))],
            // The JSON Schemas of the records (Schemas/vN/*.schema.json) are documents, not
            // resources: the tests validate every record they produce against them.
            exclude: ["Schemas"],
            swiftSettings: [.define("MPI", .when(traits: ["MPI"]))]
        ),
        .target(name: "CInfluenceKit"),
        .target(
            name: "InfluenceKitABI",
            dependencies: ["InfluenceKit", "GraphInfomax", "CInfluenceKit"]
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
            ],
            // The link order of the release build (Bench/build-release.sh), not a source.
            exclude: ["symbol-order.txt"]
        ),
        // Checks records against Sources/InfluenceKit/Schemas (shared by the test targets).
        .target(
            name: "RecordSchemaCheck",
            path: "Tests/RecordSchemaCheck"
        ),
        .testTarget(
            name: "InfluenceKitTests",
            dependencies: ["InfluenceKit", "RecordSchemaCheck"]
        ),
        // A diffusion model defined outside the library (a general triggering model) and checked
        // against the exact oracle: the worked example of `DiffusionModel`'s how-to.
        .testTarget(
            name: "TriggeringModelTests",
            dependencies: ["InfluenceKit"]
        ),
        .testTarget(
            name: "GraphInfomaxTests",
            dependencies: ["GraphInfomax", "InfluenceKit"]
        ),
        .testTarget(
            name: "infmaxTests",
            dependencies: ["infmax", "InfluenceKit", "RecordSchemaCheck"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
