// swift-tools-version: 6.1
// libFuzzer targets for the input readers, one executable per target. Built by `make fuzz` from the
// repository root with `-sanitize=fuzzer,address` in its own scratch path; see
// Tests/Fuzz/README.md.
import PackageDescription

/// The fuzz targets built here (and run by `make fuzz`, FUZZ_TARGETS in the Makefile).
let fuzzTargets = ["FuzzEdgeList", "FuzzSnapshot", "FuzzSeedsFile", "FuzzAPFile", "FuzzInvitationFiles",
                   "FuzzFeaturesAndLabels", "FuzzNpy", "FuzzRequest"]

let package = Package(
    name: "InfluenceKitFuzz",
    dependencies: [
        .package(name: "InfluenceKit", path: "../.."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["FuzzDriver", .product(name: "InfluenceKit", package: "InfluenceKit")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "InfluenceKit", package: "InfluenceKit"),
                           .product(name: "GraphInfomax", package: "InfluenceKit")]
        )
    },
    swiftLanguageModes: [.v6]
)
