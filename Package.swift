// swift-tools-version: 6.0
import PackageDescription

/// Every target: members of a module are visible only where that module is imported, so no
/// file relies on an import made elsewhere.
let swiftSettings: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

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
        .target(
            name: "SplitRouter",
            swiftSettings: swiftSettings,
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(
            name: "SplitSim",
            dependencies: ["SplitRouter"],
            swiftSettings: swiftSettings,
            linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]
        ),
        .target(name: "SplitReport", dependencies: ["SplitRouter", "SplitSim"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "splitsim",
            dependencies: ["SplitRouter", "SplitSim", "SplitReport"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "splitsim-bench",
            dependencies: ["SplitRouter", "SplitSim"],
            path: "Benchmarks/splitsim-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SplitRouterTests", dependencies: ["SplitRouter"], swiftSettings: swiftSettings),
        .testTarget(name: "SplitSimTests", dependencies: ["SplitRouter", "SplitSim"], swiftSettings: swiftSettings),
        .testTarget(name: "SplitReportTests", dependencies: ["SplitSim", "SplitReport"], swiftSettings: swiftSettings),
        // The golden outputs are read from the source tree by path, not as bundle resources.
        .testTarget(
            name: "splitsimTests",
            dependencies: ["splitsim", "SplitSim"],
            exclude: ["Golden"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
