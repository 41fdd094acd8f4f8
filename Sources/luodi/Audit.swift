import ArgumentParser
import Foundation
import LuodiWeb

/// `luodi audit`: the zone's audit log as tab-separated text.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Print the zone's audit log, latest first: time (UTC), by, project, record, id, action, before, after.")
    @ArgumentParser.Option(help: "Only this project's changes (key or exact name).") var project: String?
    @ArgumentParser.Option(help: "Only the changes made by this name.") var by: String?
    @ArgumentParser.Option(help: "At most this many entries.") var limit: Int = 500
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit: 1 to 100000") }
        let text = try await db.withApp { app in
            try await app.reporting.auditText(zone: zone, project: project, actor: by, limit: limit)
        }
        print(text, terminator: "")
    }
}
