import ArgumentParser
import Foundation
import LuodiInterchange
import LuodiStore
import LuodiWeb
import Vapor

/// `luodi import FILE`: import a project list, all or nothing.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a project list (CSV), or a schedule (.xml MSPDI, .xer P6) as one project's milestone network. Any bad row stops the import; every bad row is reported as file:row:column: message.")

    @ArgumentParser.Argument(help: "The CSV file, or an MSPDI (.xml) or P6 (.xer) schedule.") var file: String
    @ArgumentParser.Option(help: "Bundled profile: \(BundledProfiles.names.joined(separator: ", ")) (default luodi).") var profile: String?
    @ArgumentParser.Option(help: "A column-mapping JSON file (see README), instead of a profile.") var mapping: String?
    @ArgumentParser.Option(help: "Zone to import into (default: the profile's zone).") var zone: String?
    @ArgumentParser.Option(help: "Text encoding: auto, utf-8 or gb18030.") var encoding: String?
    @ArgumentParser.Option(help: "For a schedule file (.xml MSPDI, .xer P6): the project it becomes (default: the file name).") var project: String?
    @ArgumentParser.Option(help: "For a workbook (.xlsx): the sheet, by name or 1-based position (default the first).") var sheet: String?
    @ArgumentParser.Flag(help: "Check and report without writing.") var dryRun = false
    @ArgumentParser.Flag(help: "Print the report as JSON.") var json = false
    @ArgumentParser.Option(help: "Largest file accepted, in bytes.") var maxBytes = ProjectListImporter.defaultSizeLimit
    @OptionGroup var db: DatabaseOptions

    func validate() throws {
        if profile != nil && mapping != nil { throw ValidationError("give either --profile or --mapping, not both") }
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError("--encoding: use auto, utf-8 or gb18030") }
    }

    func run() async throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            printError("\(file): cannot read the file (\(error.localizedDescription))")
            throw ExitCode(2)
        }
        var mappingInput: (data: Data, fileName: String)?
        if let mapping {
            do { mappingInput = (try Data(contentsOf: URL(fileURLWithPath: mapping)), mapping) } catch {
                printError("\(mapping): cannot read the mapping file (\(error.localizedDescription))")
                throw ExitCode(2)
            }
        }
        var request = ImportService.Request(data: data, fileName: file, profile: profile, mapping: mappingInput, zoneName: zone,
                                            encoding: encoding.flatMap(TextEncoding.init(name:)), dryRun: dryRun, sizeLimit: maxBytes)
        request.projectName = project
        request.sheet = sheet
        // Check the file before opening the database, so a bad file leaves it untouched.
        if let failure = ImportService.preflight(request) {
            if json {
                print(String(decoding: try JSONCoding.encoder.encode(failure.issues), as: UTF8.self))
            } else {
                for issue in failure.issues { printError(issue.description) }
                printError("\(failure.issues.count) error(s); nothing was imported")
            }
            throw ExitCode(1)
        }
        let app = try await db.quietApp()
        let report: ImportService.Report
        do {
            report = try await ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db)).run(request)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
        if json {
            print(String(decoding: try JSONCoding.encoder.encode(report), as: UTF8.self))
        } else {
            for note in report.notes { print("note: \(note)") }
            for issue in report.errors { printError(issue.description) }
            if let leads = report.leads, report.ok {
                let verb = report.committed ? "imported" : "dry run, nothing written"
                print("\(report.file) (\(report.encoding ?? "xlsx"), profile \(report.profile)): \(verb): \(report.rows) rows → \(leads) leads in zone '\(report.zone ?? "?")'")
            }
            if let o = report.outcome {
                let verb = report.committed ? "imported" : "dry run, nothing written"
                print("\(report.file) (\(report.encoding ?? "xlsx"), profile \(report.profile)): \(verb): \(report.rows) rows → \(report.projects) projects, \(report.milestones) milestones in zone '\(o.zone)'\(o.zoneCreated ? " (new)" : "")")
                print("  projects: \(o.projectsCreated) new, \(o.projectsUpdated) updated, \(o.projectsUnchanged) unchanged")
            }
        }
        if !report.ok { throw ExitCode(1) }
    }
}
