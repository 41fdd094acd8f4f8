import ArgumentParser
import Foundation
import LuodiWeb

/// `luodi project …`: deleting (soft) and restoring projects.
struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Delete a project (its data is kept), list deleted projects, restore one.",
        subcommands: [ProjectDelete.self, ProjectDeleted.self, ProjectRestore.self], defaultSubcommand: ProjectDeleted.self)
}

struct ProjectDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a project: it leaves every list, light and map; nothing is removed.")
    @ArgumentParser.Argument(help: "The project's key or name.") var project: String
    @ArgumentParser.Option(help: "Who deletes it (kept with it and in the audit log).") var by: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let what = try await db.withApp { app in try await app.reporting.deleteProject(project, zone: zone, by: by) }
        print("Deleted \(what); `luodi project restore KEY` brings it back.")
    }
}

struct ProjectDeleted: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "deleted", abstract: "List the zone's deleted projects (tab-separated: key, name, deleted at UTC, by).")
    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        print(try await db.withApp { app in try await app.reporting.deletedProjectsText(zone: zone) }, terminator: "")
    }
}

struct ProjectRestore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Restore a deleted project as it was.")
    @ArgumentParser.Argument(help: "The deleted project's key.") var key: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone created).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let what = try await db.withApp { app in try await app.reporting.restoreProject(key: key, zone: zone) }
        print("Restored \(what).")
    }
}
