import ArgumentParser
import Foundation
import LuodiCore
import LuodiStore
import LuodiWeb
import Vapor

/// `luodi lead …`: investment leads from the command line (the same records as /leads and /api/v1/leads).
struct LeadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead", abstract: "Record, move, note and list investment leads (双招双引).",
        subcommands: [LeadList.self, LeadAdd.self, LeadMove.self, LeadNoteCommand.self], defaultSubcommand: LeadList.self)
}

/// The zone's lead whose id starts with `ref` or whose title is `ref`.
func findLead(_ ref: String, zone: String?, in app: Application) async throws -> StoredLead {
    let z = try await app.portfolioService.zone(named: zone)
    let leads = try await LeadRepository(db: app.db).leads(zoneID: z.id)
    let found = leads.filter { $0.id.uuidString.lowercased().hasPrefix(ref.lowercased()) || $0.lead.title == ref }
    guard found.count == 1 else {
        throw ValidationError(found.isEmpty ? "no lead '\(ref)' in zone \(z.zone.name)" : "'\(ref)' names \(found.count) leads; give more of the id")
    }
    return found[0]
}

struct LeadList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The zone's leads, tab-separated: id, title, investor, stage, owner, project key.")
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let lines = try await db.withApp { app -> [String] in
            let z = try await app.portfolioService.zone(named: zone)
            let projects = Dictionary(uniqueKeysWithValues: try await app.portfolioRepository.projects(zoneID: z.id).map { ($0.id, $0.plan.project.key) })
            return try await LeadRepository(db: app.db).leads(zoneID: z.id).map { l in
                [l.id.uuidString, l.lead.title, l.lead.investor.name, l.stage.rawValue, l.lead.ownerDepartment, l.projectID.flatMap { projects[$0] } ?? ""]
                    .joined(separator: "\t")
            }
        }
        for line in lines { print(line) }
    }
}

struct LeadAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a lead (at --stage signed or later it becomes a key project at once).")
    @ArgumentParser.Option(help: "The investment's name.") var title: String
    @ArgumentParser.Option(help: "The investing enterprise.") var investor: String
    @ArgumentParser.Option(help: "Its country or region of origin.") var origin: String?
    @ArgumentParser.Option(help: "businessReferral, residentOffice, fair, fund, online or other.") var channel: String = "other"
    @ArgumentParser.Option(help: "Intended investment: 5000 (万元), 5000万美元, 1.2亿.") var amount: String?
    @ArgumentParser.Option(help: "The department that owns the lead.") var owner: String
    @ArgumentParser.Option(help: "The officer following it.") var officer: String?
    @ArgumentParser.Option(help: "First stage (default lead).") var stage: String = "lead"
    @ArgumentParser.Option(help: "Date (default today).") var on: String?
    @ArgumentParser.Option(help: "Who records it.") var by: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let ch = LeadChannel(rawValue: channel) else { throw ValidationError("--channel: use one of \(LeadChannel.allCases.map(\.rawValue).joined(separator: ", "))") }
        guard let st = LeadStage(rawValue: stage), st.rank != nil else { throw ValidationError("--stage: use one of \(LeadStage.pipeline.map(\.rawValue).joined(separator: ", "))") }
        let day = try DatabaseOptions.date(on, option: "--on")
        let id = try await db.withApp { app -> UUID in
            let z = try await app.portfolioService.zone(named: zone)
            let lead = Lead(title: title, investor: Investor(name: investor, origin: origin), channel: ch,
                            intendedInvestment: try LeadAmount.parse(amount), ownerDepartment: owner, officer: officer)
            return try await LeadRepository(db: app.db).create(zoneID: z.id, lead, stage: st, on: try Attraction.checkedDay(day, zone: z), by: by)
        }
        print("Recorded lead \(id) (\(title)) at \(stage).")
    }
}

struct LeadMove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a lead to a stage (backwards, lost and reopening need --reason).")
    @ArgumentParser.Argument(help: "The lead: the start of its id, or its title.") var lead: String
    @ArgumentParser.Option(help: "lead, negotiating, signed, registered, landed, underConstruction, operating, lost, onHold.") var to: String
    @ArgumentParser.Option(help: "Date (default today).") var on: String?
    @ArgumentParser.Option(help: "Why (required backwards, to lost, out of lost).") var reason: String?
    @ArgumentParser.Option(help: "Who moves it.") var by: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        guard let target = LeadStage(rawValue: to) else { throw ValidationError("--to: use one of \(LeadStage.allCases.map(\.rawValue).joined(separator: ", "))") }
        let day = try DatabaseOptions.date(on, option: "--on")
        let moved = try await db.withApp { app -> StoredLead in
            let l = try await findLead(lead, zone: zone, in: app)
            let z = try await app.portfolioService.zone(named: zone)
            return try await LeadRepository(db: app.db).move(l.id, expectedVersion: l.version, to: target,
                                                            on: try Attraction.checkedDay(day, zone: z), reason: reason, by: by)
        }
        print("\(moved.lead.title): \(moved.stage.rawValue)\(moved.projectID.map { "; key project \($0)" } ?? "")")
    }
}

struct LeadNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a dated note to a lead (activity that keeps it from counting as stalled).")
    @ArgumentParser.Argument(help: "The lead: the start of its id, or its title.") var lead: String
    @ArgumentParser.Option(help: "The note.") var text: String
    @ArgumentParser.Option(help: "Date (default today).") var on: String?
    @ArgumentParser.Option(help: "Who writes it.") var by: String
    @ArgumentParser.Option(help: "Zone name (default: the first zone).") var zone: String?
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let day = try DatabaseOptions.date(on, option: "--on")
        try await db.withApp { app in
            let l = try await findLead(lead, zone: zone, in: app)
            let z = try await app.portfolioService.zone(named: zone)
            try await LeadRepository(db: app.db).note(l.id, on: try Attraction.checkedDay(day, zone: z), text: text, by: by)
        }
        print("Noted.")
    }
}
