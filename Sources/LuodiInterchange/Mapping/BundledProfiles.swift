import Foundation

/// The import profiles shipped with Luodi (`Sources/LuodiInterchange/Profiles/*.json`).
public enum BundledProfiles {
    /// `luodi` (the own template), `cn-news`, `nyc-sca`, and `leads` (the lead-list template).
    public static let names = ["luodi", "cn-news", "nyc-sca", "leads"]

    /// - Throws: `ImportIssue` for an unknown name, listing the known ones.
    public static func named(_ name: String) throws -> Mapping {
        guard names.contains(name),
              let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Profiles"),
              let data = try? Data(contentsOf: url)
        else {
            throw ImportIssue(file: name, row: nil, column: nil, message: "unknown profile '\(name)'; bundled profiles: \(names.joined(separator: ", "))")
        }
        return try Mapping.load(data, file: "\(name).json")
    }
}
