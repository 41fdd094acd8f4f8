import ArgumentParser
import Foundation
import LuodiStore
import LuodiWeb

/// `luodi demo`: builds the demonstration campaign into the database (see README, "Demonstration campaign").
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the demonstration campaign (weekly reports, targets, problems, closed weeks, a meeting) on the NYC sample zone, from its real dates and amounts.")

    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let result = try await db.withApp(mustExist: false) { app in
            if try await app.portfolioRepository.isEmpty() {
                for report in try await SamplePortfolio.load(into: ImportService(repository: app.portfolioRepository, leads: LeadRepository(db: app.db))) where !report.ok {
                    printError("sample \(report.file): \(report.errors.first?.description ?? "failed")")
                    throw ExitCode(1)
                }
            }
            let built: DemoCampaign.Outcome
            do { built = try await DemoCampaign.build(on: app.db) } catch let e as DemoCampaign.Failure {
                printError(e.description)
                throw ExitCode(1)
            }
            // So that `luodi serve` on this database has somebody to sign in.
            var password: String?
            if try await !AccountRepository(db: app.db).hasAdministrator() {
                password = try await AccountService(db: app.db).create(
                    login: "admin", settings: AccountSettings(name: "Administrator", role: .administrator, zoneID: nil), password: nil).oneTimePassword
            }
            return (built, password)
        }
        let (outcome, password) = result
        if let password { print("administrator 'admin', one-time password \(password) (shown once; it must be changed at first sign-in)") }
        print("""
            demonstration campaign \(DemoCampaign.year) in zone '\(DemoCampaign.zoneName)' (seed \(DemoCampaign.seed)):
              \(outcome.reports) weekly reports from \(outcome.reportingProjects) projects, \(outcome.targets) district targets, \(outcome.problems) problems,
              closed \(outcome.closedPeriods.joined(separator: ", ")), a meeting with \(outcome.meetingItems) agenda items
            """)
    }
}
