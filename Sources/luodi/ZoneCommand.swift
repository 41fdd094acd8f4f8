import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb

/// `luodi zone …`: a zone's settings.
struct ZoneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "zone", abstract: "Show or change a zone's settings.",
                                                    subcommands: [ZoneCalendar.self])
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
