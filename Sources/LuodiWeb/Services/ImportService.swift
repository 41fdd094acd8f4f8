import Foundation
import LuodiCore
import LuodiInterchange
import LuodiStore

/// One import as the CLI, the upload page and the API run it: parse and check everything, then
/// write all of it in one transaction, or nothing.
public struct ImportService: Sendable {
    let repository: any PortfolioRepository
    /// Where lead lists go (a mapping with a `lead` section); nil where only project lists are imported.
    let leads: LeadRepository?

    public init(repository: any PortfolioRepository, leads: LeadRepository? = nil) {
        self.repository = repository
        self.leads = leads
    }

    /// What to import.
    public struct Request: Sendable {
        public var data: Data
        public var fileName: String
        /// A bundled profile name (default `luodi`), unless `mapping` is given.
        public var profile: String?
        /// A mapping file's bytes and name, instead of a profile.
        public var mapping: (data: Data, fileName: String)?
        public var zoneName: String?
        public var encoding: TextEncoding?
        public var dryRun: Bool
        public var sizeLimit: Int
        /// For a schedule file: the project it becomes (default: the file name).
        public var projectName: String?
        /// For a workbook (.xlsx): the sheet, by name or 1-based position (default the first).
        public var sheet: String?

        /// Whether the file is a spreadsheet workbook (.xlsx, or an old .xls to refuse with advice),
        /// by its name or its first bytes.
        var isWorkbook: Bool {
            let name = fileName.lowercased()
            // By name, or by content whatever the name: a zip (Office Open XML) or an OLE2 file (.xls).
            return name.hasSuffix(".xlsx") || name.hasSuffix(".xls") || name.hasSuffix(".xlsm")
                || data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        }

        /// The worksheet, read within the size limit.
        /// - Throws: `ImportFailure` with the reader's issue.
        func worksheet() throws(ImportFailure) -> XLSXSheet {
            guard data.count <= sizeLimit else {
                throw ImportFailure(issues: [ImportIssue(file: fileName, row: nil, column: nil, message: "the file has \(data.count) bytes, over the import limit of \(sizeLimit) bytes")])
            }
            do { return try XLSXSheet(data: data, file: fileName, sheet: sheet) } catch let issue as ImportIssue {
                throw ImportFailure(issues: [issue])
            } catch {
                throw ImportFailure(issues: [ImportIssue(file: fileName, row: nil, column: nil, message: "\(error)")])
            }
        }

        public init(data: Data, fileName: String, profile: String? = nil, mapping: (data: Data, fileName: String)? = nil,
                    zoneName: String? = nil, encoding: TextEncoding? = nil, dryRun: Bool = false,
                    sizeLimit: Int = ProjectListImporter.defaultSizeLimit, sheet: String? = nil) {
            self.data = data
            self.sheet = sheet
            self.fileName = fileName
            self.profile = profile
            self.mapping = mapping
            self.zoneName = zoneName
            self.encoding = encoding
            self.dryRun = dryRun
            self.sizeLimit = sizeLimit
        }
    }

    /// What happened (or, in a dry run, would happen).
    public struct Report: Codable, Sendable {
        public var file: String
        public var profile: String
        public var zone: String?
        public var encoding: String?
        public var dryRun: Bool
        /// True when the data was written (never in a dry run or with errors).
        public var committed: Bool
        public var rows: Int
        public var projects: Int
        public var milestones: Int
        /// Leads read from a lead list (nil for a project list).
        public var leads: Int?
        public var outcome: ImportOutcome?
        public var notes: [ImportIssue]
        /// Every error; when non-empty nothing was written.
        public var errors: [ImportIssue]
        public var ok: Bool { errors.isEmpty }
    }

    /// Parses the mapping and the file without touching the database.
    /// - Returns: the plan and the mapping's name, or every located error.
    public static func check(_ request: Request) -> Result<(plan: ImportPlan, profile: String), ImportFailure> {
        if request.mapping == nil, request.profile == nil, ScheduleImporter.handles(request.fileName) {
            guard request.data.count <= request.sizeLimit else {
                return .failure(ImportFailure(issues: [ImportIssue(file: request.fileName, row: nil, column: nil,
                    message: "the file has \(request.data.count) bytes, over the import limit of \(request.sizeLimit) bytes")]))
            }
            do {
                let plan = try ScheduleImporter.plan(data: request.data, file: request.fileName, zoneName: request.zoneName, projectName: request.projectName)
                return .success((plan, plan.profile))
            } catch {
                return .failure(error)
            }
        }
        let profileName = request.mapping?.fileName ?? request.profile ?? "luodi"
        let mapping: Mapping
        do {
            if let m = request.mapping {
                mapping = try Mapping.load(m.data, file: m.fileName)
            } else {
                mapping = try BundledProfiles.named(profileName)
            }
        } catch let issue as ImportIssue {
            return .failure(ImportFailure(issues: [issue]))
        } catch {
            return .failure(ImportFailure(issues: [ImportIssue(file: profileName, row: nil, column: nil, message: "\(error)")]))
        }
        if request.isWorkbook {
            do {
                let sheet = try request.worksheet()
                do {
                    var plan = try ProjectListImporter.plan(table: CSVTable(sheet: sheet), mapping: mapping, zoneName: request.zoneName)
                    plan.notes = plan.notes.map(sheet.locate)
                    return .success((plan, mapping.name))
                } catch {
                    return .failure(ImportFailure(issues: error.issues.map(sheet.locate)))
                }
            } catch {
                return .failure(error)
            }
        }
        do {
            let plan = try ProjectListImporter.plan(data: request.data, file: request.fileName, mapping: mapping,
                                                    zoneName: request.zoneName, encoding: request.encoding, sizeLimit: request.sizeLimit)
            return .success((plan, mapping.name))
        } catch {
            return .failure(error)
        }
    }

    /// Every problem of the file and its mapping, checked without the database (project lists,
    /// schedules and lead lists alike); nil when it can be imported.
    public static func preflight(_ request: Request) -> ImportFailure? {
        if let mapping = leadMapping(request) {
            do {
                _ = try leadPlan(request, mapping: mapping)
                return nil
            } catch { return error }
        }
        if case let .failure(failure) = check(request) { return failure }
        return nil
    }

    /// Plans a lead list from CSV or a worksheet (issues located in the sheet), with how to
    /// locate later issues of its rows (in the sheet for a workbook).
    /// - Parameter currency: the target zone's, when it exists.
    static func leadPlan(_ request: Request, mapping: Mapping, currency: CurrencyCode? = nil) throws(ImportFailure)
        -> (plan: LeadPlan, locate: @Sendable (ImportIssue) -> ImportIssue) {
        guard request.isWorkbook else {
            return (try LeadListImporter.plan(data: request.data, file: request.fileName, mapping: mapping, zoneName: request.zoneName,
                                              encoding: request.encoding, sizeLimit: request.sizeLimit, currency: currency), { $0 })
        }
        let sheet = try request.worksheet()
        do { return (try LeadListImporter.plan(table: CSVTable(sheet: sheet), mapping: mapping, zoneName: request.zoneName, currency: currency), sheet.locate) } catch {
            throw ImportFailure(issues: error.issues.map(sheet.locate))
        }
    }

    /// The mapping a request names, when it is a lead-list mapping.
    static func leadMapping(_ request: Request) -> Mapping? {
        guard request.mapping != nil || request.profile != nil else { return nil }
        let mapping = request.mapping.flatMap { try? Mapping.load($0.data, file: $0.fileName) } ?? request.profile.flatMap { try? BundledProfiles.named($0) }
        return mapping?.lead == nil ? nil : mapping
    }

    /// Imports a lead list: checked whole by `LeadListImporter`, written whole or not at all.
    func runLeads(_ request: Request, mapping: Mapping, report: inout Report) async throws {
        guard let leads else {
            report.errors = [ImportIssue(file: request.fileName, row: nil, column: nil, message: "lead lists are imported from the command line or the API")]
            return
        }
        // A lead without a currency is in its zone's money: an existing zone's, else the mapping's.
        let target = (request.zoneName ?? mapping.zone?.name ?? "").trimmingWhitespace()
        let currency = try await repository.zone(named: target)?.zone.currency
        let plan: LeadPlan, locate: @Sendable (ImportIssue) -> ImportIssue
        do throws(ImportFailure) {
            (plan, locate) = try Self.leadPlan(request, mapping: mapping, currency: currency)
        } catch {
            report.errors = error.issues
            return
        }
        report.zone = plan.zoneName
        report.encoding = request.isWorkbook ? nil : plan.encoding.rawValue   // a workbook has no text encoding
        report.rows = plan.rowsRead
        report.leads = plan.rows.count
        do {
            _ = try await leads.importLeads(zoneName: plan.zoneName, rows: plan.rows.map { ($0.row, $0.lead, $0.moves, $0.projectKey) }, file: request.fileName, dryRun: request.dryRun)
            report.committed = !request.dryRun
        } catch let e as LeadImportFailure {
            // In a workbook, located in its sheet (file.xlsx:Sheet!5:5).
            report.errors = e.rows.map { locate(ImportIssue(file: request.fileName, row: $0.row, column: nil, message: $0.message)) }
        } catch let e as LeadError {
            report.errors = [ImportIssue(file: request.fileName, row: nil, column: nil, message: e.description)]
        }
    }

    /// Parses the mapping, plans the import and (unless a dry run) applies it.
    /// Input problems come back in `Report.errors`; only database failures throw.
    public func run(_ request: Request) async throws -> Report {
        let profileName = request.mapping?.fileName ?? request.profile ?? "luodi"
        var report = Report(file: request.fileName, profile: profileName, zone: nil, encoding: nil, dryRun: request.dryRun,
                            committed: false, rows: 0, projects: 0, milestones: 0, outcome: nil, notes: [], errors: [])
        if let mapping = Self.leadMapping(request) {
            report.profile = mapping.name
            try await runLeads(request, mapping: mapping, report: &report)
            return report
        }
        let plan: ImportPlan, mappingName: String
        switch Self.check(request) {
        case let .failure(failure):
            report.errors = failure.issues
            return report
        case let .success(checked):
            (plan, mappingName) = checked
        }
        report.profile = mappingName
        report.zone = plan.zone.name
        report.encoding = request.isWorkbook ? nil : plan.encoding.rawValue   // a workbook has no text encoding
        report.rows = plan.rowsRead
        report.projects = plan.projects.count
        report.milestones = plan.milestoneCount
        report.notes = plan.notes
        let batch = PortfolioBatch(file: request.fileName, profile: mappingName, rows: plan.rowsRead, zone: plan.zone, projects: plan.projects,
                                   fields: plan.providedFields, replacesMilestones: plan.providesMilestones)
        do {
            if request.dryRun {
                report.outcome = try await repository.preview(batch)
            } else {
                report.outcome = try await repository.apply(batch)
                report.committed = true
            }
        } catch let error as StoreError {
            report.errors = [ImportIssue(file: request.fileName, row: nil, column: nil, message: error.description)]
        }
        return report
    }
}
