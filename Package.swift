// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Luodi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "luodi", targets: ["luodi"]),
        .library(name: "LuodiCore", targets: ["LuodiCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        .target(name: "LuodiCore"),
        .target(name: "LuodiCharts", dependencies: ["LuodiCore"]),
        .target(
            name: "LuodiInterchange",
            dependencies: ["LuodiCore", .product(name: "CSV", package: "CSV.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Profiles")]
        ),
        .target(
            name: "LuodiStore",
            dependencies: [
                "LuodiCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .target(
            name: "LuodiWeb",
            dependencies: [
                "LuodiCore", "LuodiCharts", "LuodiInterchange", "LuodiStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Plot", package: "Plot"),
            ],
            resources: [.copy("Samples")]
        ),
        .executableTarget(
            name: "luodi",
            dependencies: [
                "LuodiWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LuodiCoreTests", dependencies: ["LuodiCore"]),
        .testTarget(
            name: "LuodiInterchangeTests",
            dependencies: ["LuodiInterchange"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "LuodiWebTests",
            dependencies: [
                "LuodiWeb",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
