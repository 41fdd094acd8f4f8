// swift-tools-version:6.1
// Engine benchmarks with ordo-one/benchmark, kept out of the main package so that CI and
// `swift test` never build the benchmark machinery. LuodiCore and LuodiInterchange are the
// main package's sources, reached through symbolic links.
//   cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "LuodiBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        .target(name: "LuodiCore", path: "LuodiCore"),
        .target(name: "LuodiInterchange", dependencies: ["LuodiCore", .product(name: "CSV", package: "CSV.swift")],
                path: "LuodiInterchange", resources: [.copy("Profiles")]),
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: ["LuodiCore", "LuodiInterchange", .product(name: "Benchmark", package: "benchmark")],
            path: "EngineBenchmarks",
            resources: [.copy("exupery-MDL4D.xer")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
