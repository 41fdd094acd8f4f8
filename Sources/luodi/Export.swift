import ArgumentParser
import Foundation
import LuodiCore
import LuodiInterchange
import LuodiWeb

/// `luodi export …`: documents made from the portfolio.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export documents from the portfolio.",
                                                    subcommands: [ExportBattleMap.self, ExportProjects.self, ExportMilestones.self, ExportProblems.self,
                                                                  ExportLeads.self, ExportTargets.self, ExportTemplate.self])
}

/// `luodi export battle-map`: the battle map (作战图) as an SVG file.
struct ExportBattleMap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "battle-map",
                                                    abstract: "The battle map (作战图) of a zone as SVG, sized for A3 landscape.")

    enum Format: String, ExpressibleByArgument { case svg }

    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @ArgumentParser.Option(name: .customLong("as-of"), help: "As-of date, yyyy-MM-dd (default: today in the zone's time zone).") var asOf: String?
    @ArgumentParser.Option(name: .customLong("group-by"), help: "department or category.") var groupBy: String = "department"
    @ArgumentParser.Option(help: "Only this department.") var department: String?
    @ArgumentParser.Option(help: "Only projects with this light: red, amber or green.") var rag: String?
    @ArgumentParser.Option(help: "Language of the labels: zh-Hans or en.") var lang: String = "zh-Hans"
    @ArgumentParser.Option(help: "svg.") var format: Format = .svg
    @ArgumentParser.Option(help: "Write to this file instead of standard output.") var output: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let grouping = BattleMapQuery.Grouping(rawValue: groupBy) else { throw ValidationError("--group-by: use department or category") }
        var filter = ProjectFilter()
        filter.department = department
        if let rag {
            guard let status = RAGStatus(rawValue: rag) else { throw ValidationError("--rag: use red, amber or green") }
            filter.rag = status
        }
        let date = try DatabaseOptions.date(asOf)
        let svg = try await db.withApp { app in
            let service = app.portfolioService
            let z = try await service.assess(try await service.zone(named: zone), asOf: date)
            return BattleMapQuery.make(z, groupBy: grouping, filter: filter, lang: Language.negotiate(explicit: lang, acceptLanguage: nil)).svg()
        }
        let document = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + svg + "\n"
        if let output {
            do { try Data(document.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                printError("\(output): cannot write (\(error.localizedDescription))")
                throw ExitCode(1)
            }
        } else {
            print(document, terminator: "")
        }
    }
}

/// `luodi export projects|milestones|problems|leads|targets`: a list as an .xlsx workbook, the
/// same file as `/NAME.xlsx`.
protocol ListWorkbookExport: AsyncParsableCommand {
    static var list: ListWorkbook { get }
    var options: ListWorkbookOptions { get }
}

struct ListWorkbookOptions: ParsableArguments {
    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @ArgumentParser.Option(name: .customLong("as-of"), help: "As-of date, yyyy-MM-dd (default today).") var asOf: String?
    @ArgumentParser.Option(help: "For targets: a period (2021-06, 2021-Q2…) whose last day is the date.") var period: String?
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "The .xlsx file to write.") var output: String
    @OptionGroup var db: DatabaseOptions
}

extension ListWorkbookExport {
    func run() async throws {
        let o = options
        let date = try DatabaseOptions.date(o.asOf)
        let language = try o.lang.language()
        let (data, _) = try await o.db.withApp { app in
            let service = app.portfolioService
            return try await Self.list.make(service: service, db: app.db, zone: try await service.zone(named: o.zone), asOf: date,
                                            period: o.period, lang: language)
        }
        do { try data.write(to: URL(fileURLWithPath: o.output)) } catch { throw ValidationError("--output: cannot write \(o.output): \(error.localizedDescription)") }
        print("Wrote \(o.output) (\(data.count) bytes).")
    }
}

struct ExportProjects: ListWorkbookExport {
    static let configuration = CommandConfiguration(commandName: "projects", abstract: "The project list as .xlsx: the list page's figures, the light and its reasons.")
    static let list = ListWorkbook.projects
    @OptionGroup var options: ListWorkbookOptions
}

struct ExportMilestones: ListWorkbookExport {
    static let configuration = CommandConfiguration(commandName: "milestones",
                                                    abstract: "The whole list as .xlsx, one row per milestone, re-importable with profile luodi.")
    static let list = ListWorkbook.milestones
    @OptionGroup var options: ListWorkbookOptions
}

struct ExportProblems: ListWorkbookExport {
    static let configuration = CommandConfiguration(commandName: "problems", abstract: "The problem list as .xlsx, overdue at the date.")
    static let list = ListWorkbook.problems
    @OptionGroup var options: ListWorkbookOptions
}

struct ExportLeads: ListWorkbookExport {
    static let configuration = CommandConfiguration(commandName: "leads", abstract: "The attraction leads as .xlsx.")
    static let list = ListWorkbook.leads
    @OptionGroup var options: ListWorkbookOptions
}

struct ExportTargets: ListWorkbookExport {
    static let configuration = CommandConfiguration(commandName: "targets", abstract: "The department ranking and the targets behind it as .xlsx.")
    static let list = ListWorkbook.targets
    @OptionGroup var options: ListWorkbookOptions
}

/// `luodi export template`: the blank .xlsx import template of a profile.
struct ExportTemplate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "template",
                                                    abstract: "A blank .xlsx import template: the profile's columns, drop-down lists of coded values, notes.")
    @ArgumentParser.Option(help: "Bundled profile: \(BundledProfiles.names.joined(separator: ", ")).") var profile: String = "luodi"
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "The .xlsx file to write.") var output: String

    func run() async throws {
        let mapping: Mapping
        do { mapping = try BundledProfiles.named(profile) } catch { throw ValidationError("--profile: \(error)") }
        let data = try ImportTemplate.workbook(mapping, chinese: try lang.language() == .zhHans)
        do { try data.write(to: URL(fileURLWithPath: output)) } catch { throw ValidationError("--output: cannot write \(output): \(error.localizedDescription)") }
        print("Wrote \(output) (\(data.count) bytes).")
    }
}
