import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb

/// `luodi problems [list|raise|act]`: a zone's problems.
struct ProblemsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "problems", abstract: "List, raise and act on a zone's problems (问题清单).",
        subcommands: [ProblemsList.self, ProblemsRaise.self, ProblemsAct.self], defaultSubcommand: ProblemsList.self)
}

/// `luodi problems [list]`: a zone's problem list, as the problems page shows it.
struct ProblemsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
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

/// `luodi problems raise`.
struct ProblemsRaise: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "raise", abstract: "Raise a problem (state open), optionally on a project.")
    @ArgumentParser.Option(help: "What blocks the project.") var title: String
    @ArgumentParser.Option(help: "Department that owns it (责任单位).") var owner: String
    @ArgumentParser.Option(help: "Deadline, yyyy-MM-dd.") var deadline: String
    @ArgumentParser.Option(help: "Who raises it.") var by: String
    @ArgumentParser.Option(help: "Project key or exact name.") var project: String?
    @ArgumentParser.Option(help: "Longer description.") var description: String = ""
    @ArgumentParser.Option(help: "Day raised (default today).") var on: String?
    @ArgumentParser.Option(help: "zone, district or city.") var level: String = "zone"
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let l = ProblemLevel(rawValue: level) else { throw ValidationError("--level: use zone, district or city") }
        guard let due = try DatabaseOptions.date(deadline, option: "--deadline") else { throw ValidationError("--deadline: required") }
        let day = try DatabaseOptions.date(on, option: "--on")
        let id = try await db.withApp { app in
            try await app.reporting.raiseProblem(zone: zone, project: project, title: title, description: description, raisedBy: by,
                                                 raisedOn: day, owner: owner, deadline: due, level: l)
        }
        print("problem \(id.uuidString)")
    }
}

/// `luodi problems act`.
struct ProblemsAct: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "act", abstract: "Assign, resolve, reopen, close (needs --note) or escalate (needs --deadline and --plan) a problem.")
    @ArgumentParser.Argument(help: "The problem's id.") var id: String
    @ArgumentParser.Option(help: "assign, resolve, reopen, close or escalate.") var action: String
    @ArgumentParser.Option(help: "Who acts.") var by: String
    @ArgumentParser.Option(help: "Day of the action (default today).") var on: String?
    @ArgumentParser.Option(help: "Note (required to close: the resolution, 销号说明).") var note: String?
    @ArgumentParser.Option(help: "Escalation: the supervision order's deadline.") var deadline: String?
    @ArgumentParser.Option(help: "Escalation: the rectification plan (整改方案).") var plan: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let uuid = UUID(uuidString: id) else { throw ValidationError("id: '\(id)' is not a problem id") }
        guard let a = ProblemAction(rawValue: action), a != .raise else { throw ValidationError("--action: use assign, resolve, reopen, close or escalate") }
        let day = try DatabaseOptions.date(on, option: "--on"), due = try DatabaseOptions.date(deadline, option: "--deadline")
        let after = try await db.withApp { app in
            try await app.reporting.actOnProblem(uuid, action: a, by: by, on: day, note: note, deadline: due, plan: plan)
        }
        print("problem \(uuid.uuidString): \(after.state.rawValue), \(after.level.rawValue) level")
    }
}
