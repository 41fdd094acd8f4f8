import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb

/// `luodi problems`: a zone's problem list, as the problems page shows it.
struct ProblemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problems",
        abstract: "List a zone's problems: open (default), due this week, overdue or all (the same rows as /api/v1/problems).")

    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @ArgumentParser.Option(name: .customLong("as-of"), help: "As-of date, yyyy-MM-dd (default: today in the zone's time zone).") var asOf: String?
    @ArgumentParser.Option(help: "open, week, overdue or all.") var view: String = "open"
    @ArgumentParser.Option(help: "Only problems owned by this department.") var department: String?
    @OptionGroup var lang: LanguageOption
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let list = ProblemView(rawValue: view) else { throw ValidationError("--view: use open, week, overdue or all") }
        let date = try DatabaseOptions.date(asOf)
        let language = try lang.language()
        let text = try await db.withApp { app in
            let z = try await app.portfolioService.zone(named: zone)
            let day = date ?? CalendarDate.today(timeZoneIdentifier: z.zone.timeZone)
            return ProblemText.render(list.select(try await app.problemRepository.problems(zoneID: z.id, asOf: day), asOf: day, department: department),
                                      asOf: day, lang: language)
        }
        print(text, terminator: "")
    }
}
