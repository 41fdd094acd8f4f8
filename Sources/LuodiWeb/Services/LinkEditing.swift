import Foundation
import LuodiCore
import LuodiInterchange
import LuodiStore

/// Editing a project's milestone dependencies from the page or the API: the links are checked
/// (milestones exist, no cycle) before anything is written, and an edit based on an old version
/// of the project is refused rather than overwriting someone else's.
public enum LinkEditing {
    public enum Failure: Error, Sendable {
        /// Input problems, each naming the milestone (field) at fault.
        case invalid([String])
        case conflict(String)
        case notFound
    }

    /// Checks `links` against the project's milestones and network, then stores them.
    /// - Returns: the project's new version.
    public static func apply(_ links: [MilestoneLink], to projectID: UUID, expectedVersion: Int,
                             repository: any PortfolioRepository) async throws(Failure) -> Int {
        let found: (zone: StoredZone, project: StoredProject)?
        do { found = try await repository.project(id: projectID) } catch { throw .notFound }
        guard let found else { throw .notFound }
        var plan = found.project.plan
        plan.links = links
        let names = Set(plan.milestones.map(\.name))
        var problems: [String] = []
        for link in links {
            for name in [link.predecessor, link.successor] where !names.contains(name) {
                problems.append("\(link.successor): '\(name)' is not a milestone of this project")
            }
            if link.predecessor == link.successor { problems.append("\(link.successor): a milestone cannot precede itself") }
        }
        if problems.isEmpty {
            do { _ = try MilestoneNetwork.schedule(plan, asOf: CalendarDate.today(timeZoneIdentifier: found.zone.zone.timeZone), calendar: found.zone.zone.workingDays) } catch {
                problems.append("\(error)")
            }
        }
        guard problems.isEmpty else { throw .invalid(problems) }
        do {
            return try await repository.replaceLinks(projectID: projectID, expectedVersion: expectedVersion, links: links)
        } catch let e as StoreError {
            if case .conflict = e { throw .conflict(e.description) }
            throw .invalid([e.description])
        } catch {
            throw .invalid(["\(error)"])
        }
    }

    /// Parses the page's form: one predecessors field per milestone, in the import syntax
    /// (`供地 FS+10; 规划许可`).
    /// - Returns: the links, or the problems naming each milestone whose field is wrong.
    public static func parse(_ fields: [(successor: String, text: String)]) -> Result<[MilestoneLink], Failure> {
        var links: [MilestoneLink] = [], problems: [String] = []
        for (successor, text) in fields where !text.trimmingWhitespace().isEmpty {
            do {
                for (pred, type, lag) in try PredecessorSyntax.parse(text) {
                    links.append(MilestoneLink(predecessor: pred, successor: successor, type: type, lagDays: lag))
                }
            } catch {
                problems.append("\(successor): \((error as? ImportIssue)?.message ?? "\(error)")")
            }
        }
        return problems.isEmpty ? .success(links) : .failure(.invalid(problems))
    }
}
