import Foundation
import LuodiCore
@testable import LuodiInterchange

func fixture(_ name: String) throws -> Data {
    guard let url = Bundle.module.url(forResource: (name as NSString).deletingPathExtension,
                                      withExtension: (name as NSString).pathExtension, subdirectory: "Fixtures")
    else { throw CocoaError(.fileNoSuchFile) }
    return try Data(contentsOf: url)
}

func date(_ s: String) -> CalendarDate { try! CalendarDate(iso: s) }
func cny(yuan: Int64) -> Money { Money(minorUnits: yuan * 100, currency: .cny) }
func usd(_ dollars: Int64) -> Money { Money(minorUnits: dollars * 100, currency: .usd) }

/// The importer's errors for `data` (empty when it succeeded).
func importIssues(_ data: Data, file: String, profile: String = "luodi", mapping: Mapping? = nil,
                  encoding: TextEncoding? = nil, zoneName: String? = nil) throws -> [ImportIssue] {
    let m = try mapping ?? BundledProfiles.named(profile)
    do throws(ImportFailure) {
        _ = try ProjectListImporter.plan(data: data, file: file, mapping: m, zoneName: zoneName, encoding: encoding)
        return []
    } catch {
        return error.issues
    }
}

/// The importer's errors for CSV text.
func errors(_ text: String, profile: String = "luodi", file: String = "list.csv") throws -> [ImportIssue] {
    try importIssues(Data(text.utf8), file: file, profile: profile)
}
