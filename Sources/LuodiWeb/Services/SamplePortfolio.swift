import Foundation

/// The bundled sample portfolio that `luodi serve` loads into an empty database: the 73
/// Shandong/Qingdao projects from published news (profile `cn-news`) and the 8,124 phase rows
/// of NYC school construction projects (profile `nyc-sca`), and 11 attraction leads derived
/// from the Chinese projects (profile `leads`, linked to their projects; which dates are real and
/// which filled in is said per row and in `scripts/derive-sample-leads.py`). See `Samples/SOURCES.md`.
public enum SamplePortfolio {
    /// (file name, profile, zone) triples, in load order; a nil zone is the profile's.
    public static let files: [(String, String, String?)] = [
        ("cn-shandong-qingdao-named-projects-from-news.csv", "cn-news", nil),
        ("nyc-sca-capital-project-schedules-budgets-SCA-CIP-subset.csv", "nyc-sca", nil),
        ("cn-shandong-qingdao-leads-from-news.csv", "leads", "山东青岛重点项目(新闻汇编)"),
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
        for (file, profile, zone) in files {
            reports.append(try await service.run(.init(data: try data(file), fileName: file, profile: profile, zoneName: zone)))
        }
        return reports
    }
}
