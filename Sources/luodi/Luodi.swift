import ArgumentParser

/// `luodi`: the key-project command center's command-line tool.
@main
struct Luodi: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "luodi",
        abstract: "Luodi (落地): key-project command center.",
        subcommands: [Serve.self, Migrate.self, Import.self, Status.self, ScheduleCommand.self, Export.self, ZoneCommand.self, ProblemsCommand.self, ReportCommand.self, TargetsCommand.self, MeetingCommand.self, LeadCommand.self, DemoCommand.self, AuditCommand.self, UserCommand.self, TokenCommand.self, ProjectCommand.self]
    )
}
