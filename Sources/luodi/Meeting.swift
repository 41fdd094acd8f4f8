import ArgumentParser
import Foundation
import LuodiCore
import LuodiWeb
import Vapor

/// `luodi meeting …`: dispatch meetings.
struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Dispatch meetings: print the agenda a meeting would get, or hold one.",
        subcommands: [MeetingAgenda.self, MeetingCreate.self])
}

struct MeetingAgenda: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "Print the generated agenda (most urgent first, with each item's reason) without saving a meeting.")
    @ArgumentParser.Option(name: .customLong("held-on"), help: "Meeting date, yyyy-MM-dd (default today).") var heldOn: String?
    @ArgumentParser.Option(help: "Next meeting's date (default a week later); milestones due before it are listed.") var next: String?
    @OptionGroup var lang: LanguageOption
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let language = try lang.language()
        let day = try DatabaseOptions.date(heldOn, option: "--held-on"), nextDay = try DatabaseOptions.date(next, option: "--next")
        let text = try await db.withApp { app in
            try await app.reporting.agendaText(zone: zone, heldOn: day, nextMeeting: nextDay, lang: language)
        }
        print(text, terminator: "")
    }
}

struct MeetingCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Hold a meeting: store it with its generated agenda.")
    @ArgumentParser.Option(help: "Title (default: 调度会 DATE).") var title: String?
    @ArgumentParser.Option(name: .customLong("held-on"), help: "Meeting date, yyyy-MM-dd (default today).") var heldOn: String?
    @ArgumentParser.Option(help: "Next meeting's date (default a week later).") var next: String?
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let day = try DatabaseOptions.date(heldOn, option: "--held-on"), nextDay = try DatabaseOptions.date(next, option: "--next")
        let id = try await db.withApp { app in
            try await app.reporting.createMeeting(zone: zone, title: title, heldOn: day, nextMeeting: nextDay)
        }
        print("meeting \(id.uuidString)")
    }
}
