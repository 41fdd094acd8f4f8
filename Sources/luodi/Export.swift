import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb

/// `luodi export …`: documents made from the portfolio.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export documents from the portfolio.",
                                                    subcommands: [ExportBattleMap.self, ExportProjects.self])
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

/// `luodi export projects`: the project list as an .xlsx workbook (as `/projects.xlsx`).
struct ExportProjects: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "projects", abstract: "Write the project list as an .xlsx workbook (typed cells, frozen header).")
    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @ArgumentParser.Option(name: .customLong("as-of"), help: "As-of date (default today).") var asOf: String?
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "The .xlsx file to write.") var output: String
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let date = try DatabaseOptions.date(asOf)
        let language = try lang.language()
        let data = try await db.withApp { app in
            try ProjectsWorkbook.data(try await app.portfolioService.assess(try await app.portfolioService.zone(named: zone), asOf: date), lang: language)
        }
        try data.write(to: URL(fileURLWithPath: output))
        print("Wrote \(output) (\(data.count) bytes).")
    }
}
