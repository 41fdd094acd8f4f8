import Benchmark
import Foundation
import LuodiCore
import LuodiInterchange

let benchmarks: @Sendable () -> Void = {
    let config = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
                                         warmupIterations: 1, scalingFactor: .one, maxDuration: .seconds(10), maxIterations: 1000)

    for count in [1_000, 4_000, 10_000, 100_000] {
        let network = SyntheticNetwork.make(count: count)
        Benchmark("CPM synthetic \(count) activities", configuration: config) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try CPMScheduler.schedule(network))
            }
        }
    }

    let url = Bundle.module.url(forResource: "exupery-MDL4D", withExtension: "xer")!
    let mdl4d = try! XERReader.read(try! Data(contentsOf: url), file: "exupery-MDL4D.xer").network
    Benchmark("CPM MDL4D (P6, 62 activities)", configuration: config) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try CPMScheduler.schedule(mdl4d))
        }
    }
}
