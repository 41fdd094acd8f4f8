import Foundation

/// The bundled sample portfolio that `luodi serve` loads into an empty database: the 73
/// Shandong/Qingdao projects from published news (profile `cn-news`) and the 8,124 phase rows
/// of NYC school construction projects (profile `nyc-sca`). See `Samples/SOURCES.md`.
public enum SamplePortfolio {
    /// (file name, profile) pairs, in load order.
    public static let files = [
        ("cn-shandong-qingdao-named-projects-from-news.csv", "cn-news"),
        ("nyc-sca-capital-project-schedules-budgets-SCA-CIP-subset.csv", "nyc-sca"),
    ]

    /// The bytes of a bundled sample file.
    public static func data(_ fileName: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: (fileName as NSString).deletingPathExtension, withExtension: "csv", subdirectory: "Samples")
        else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: fileName]) }
        return try Data(contentsOf: url)
    }

    /// Imports every sample file; returns one report per file.
    public static func load(into service: ImportService) async throws -> [ImportService.Report] {
        var reports: [ImportService.Report] = []
        for (file, profile) in files {
            reports.append(try await service.run(.init(data: try data(file), fileName: file, profile: profile)))
        }
        return reports
    }
}
