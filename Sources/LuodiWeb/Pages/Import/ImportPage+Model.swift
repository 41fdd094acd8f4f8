import Foundation
import LuodiInterchange

/// The import page: the upload form, and after an upload its dry-run report (or, after the
/// commit, what was written).
struct ImportPageModel {
    let lang: Language
    let path: String
    let profiles: [String]
    let zones: [String]
    var report: ImportService.Report?
    /// Set when the dry run passed and the upload can be committed.
    var pendingUpload: UUID?
    var message: String?
    /// The zone typed in the form, kept after a dry run.
    var zoneInput: String?
    /// The sheet typed in the form, kept after a dry run.
    var sheetInput: String?
}
