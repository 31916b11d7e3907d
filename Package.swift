// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "splitsim",
    products: [
        .library(name: "SplitRouter", targets: ["SplitRouter"]),
        .library(name: "SplitSim", targets: ["SplitSim"]),
        .library(name: "SplitReport", targets: ["SplitReport"]),
        .executable(name: "splitsim", targets: ["splitsim"]),
        .executable(name: "splitsim-bench", targets: ["splitsim-bench"]),
    ],
    targets: [
        // The standard library's rounding calls into libm; without Foundation nothing else links it.
        .target(name: "SplitRouter", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(
            name: "SplitSim",
            dependencies: ["SplitRouter"],
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(name: "SplitReport", dependencies: ["SplitSim"]),
        .executableTarget(
            name: "splitsim",
            dependencies: ["SplitRouter", "SplitSim", "SplitReport"]
        ),
        .executableTarget(
            name: "splitsim-bench",
            dependencies: ["SplitRouter", "SplitSim"],
            path: "Benchmarks/splitsim-bench"
        ),
        .testTarget(name: "SplitRouterTests", dependencies: ["SplitRouter"]),
        .testTarget(name: "SplitSimTests", dependencies: ["SplitSim"]),
        .testTarget(name: "SplitReportTests", dependencies: ["SplitReport"]),
        .testTarget(name: "splitsimTests", dependencies: ["splitsim", "SplitSim"]),
    ],
    swiftLanguageModes: [.v6]
)
