import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb

/// `luodi zone …`: a zone's settings.
struct ZoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "zone", abstract: "Show or change a zone's settings.",
                                                    subcommands: [ZoneCalendar.self, ZoneRules.self])
}

/// `luodi zone calendar`: the zone's own working-day exceptions on top of the PRC holidays.
struct ZoneCalendar: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Show or change a zone's own calendar exceptions (closures, weekend work) on top of the PRC holidays and 调休.")

    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @ArgumentParser.Option(parsing: .upToNextOption, help: "Days the zone does not work (yyyy-MM-dd).") var closed: [String] = []
    @ArgumentParser.Option(parsing: .upToNextOption, help: "Days the zone works although the calendar says not.") var working: [String] = []
    @ArgumentParser.Option(parsing: .upToNextOption, help: "Days whose zone exception to remove.") var clear: [String] = []
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        var changes: [CalendarDate: Bool?] = [:]
        for (texts, value) in [(closed, Optional(false)), (working, Optional(true)), (clear, Optional<Bool>.none)] {
            for text in texts {
                do { changes[try CalendarDate(iso: text)] = .some(value) } catch { throw ValidationError("\(text): \(error)") }
            }
        }
        let stored = try await db.withApp { app in
            let zone = try await app.portfolioService.zone(named: zone)
            return changes.isEmpty ? zone : try await app.portfolioRepository.updateCalendarExceptions(zoneID: zone.id, changes: changes)
        }
        let days = stored.zone.calendarExceptions.sorted { $0.key < $1.key }
        print("Zone \(stored.zone.name): Monday–Friday with the State Council's holidays and 调休 (2020–2026)\(days.isEmpty ? ", no zone exceptions" : ", and:")")
        for (day, isWorking) in days { print("  \(day.iso)  \(isWorking ? "working" : "closed")") }
    }
}

/// `luodi zone rules`: the zone's traffic-light rule set, and its one switch.
struct ZoneRules: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Show the zone's rule set, or switch on or off that a red project returns to green only through amber (needs closed periods).")

    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @ArgumentParser.Option(name: .customLong("red-through-amber"), help: "on or off.") var redThroughAmber: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        var value: Bool?
        if let redThroughAmber {
            guard ["on", "off"].contains(redThroughAmber) else { throw ValidationError("--red-through-amber: use on or off") }
            value = redThroughAmber == "on"
        }
        let stored = try await db.withApp { app in
            let z = try await app.portfolioService.zone(named: zone)
            guard let value else { return z }
            var rules = z.zone.ruleSet
            rules.redReturnsThroughAmber = value
            return try await app.portfolioRepository.updateRuleSet(zoneID: z.id, rules)
        }
        let r = stored.zone.ruleSet
        print("Zone \(stored.zone.name): rule set \(r.name)")
        if let m = r.milestoneOverdue { print("  milestone or start overdue: amber, red after \(m.redAfterMonths) months") }
        if let i = r.investmentLag { print("  investment behind time elapsed: amber from \(Int(i.amberFromPoints)) points, red beyond \(Int(i.redBeyondPoints))") }
        if let e = r.statisticalEnrollment { print("  not enrolled in the statistics: amber after \(e.amberAfterMonths) month(s), red after \(e.redAfterMonths)") }
        if let c = r.criticalPath { print("  critical milestone late: amber, red from \(c.redAfterDays) working days") }
        print("  overdue supervision order: red")
        print("  red returns to green only through amber: \(r.redReturnsThroughAmber ? "on" : "off")")
    }
}
