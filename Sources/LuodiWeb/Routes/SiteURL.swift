import Foundation

/// Every page path (the API registers its own, described in the OpenAPI document). Views build links only through this type, and `routes(_:)`
/// registers handlers for the same paths, so a link cannot point at a page that does not exist.
public enum SiteURL {
    case dashboard
    case projects
    case project(UUID)
    case projectLinks(UUID)
    case importPage
    case problems
    case problem(UUID)
    case problemAct(UUID)
    case reports
    case reportsClose
    case reportsCycle
    case projectReport(UUID)
    case projectReportPhotos(UUID)
    case photo(UUID)
    case targets
    case bulletin
    case audit
    case bulletinMarkdown
    case bulletinCSV
    case meetings
    case meeting(UUID)
    case meetingEdit(UUID)
    case meetingAction(UUID)
    case meetingTargetAction(UUID)
    case targetsSet
    case targetsRecord
    case battleMap
    case battleMapSVG
    case importCommit(UUID)
    case language(Language)
    case stylesheet
    case login
    case logout
    case account
    case accountPassword
    case accountTokens
    case accountTokenRevoke(UUID)
    case users
    case user(String)
    case projectDelete(UUID)
    case projectRestore(UUID)
    case deletedProjects
    case auditCSV
    case projectsWorkbook
    case problemsWorkbook
    case leadsWorkbook
    case milestonesWorkbook
    case targetsWorkbook
    case bulletinWorkbook
    case importTemplate
    case leads
    case lead(UUID)
    case leadMove(UUID)
    case leadNote(UUID)
    case leadCapital(UUID)
    case funnel
    case leadEdit(UUID)
    case leadTalents
    case leadRates

    /// Path segments as Vapor registers them (`:id` for parameters).
    public var path: String {
        switch self {
        case .dashboard: return "/"
        case .projects: return "/projects"
        case let .project(id): return "/projects/\(id.uuidString)"
        case let .projectLinks(id): return "/projects/\(id.uuidString)/links"
        case .importPage: return "/import"
        case .problems: return "/problems"
        case let .problem(id): return "/problems/\(id.uuidString)"
        case let .problemAct(id): return "/problems/\(id.uuidString)/act"
        case .reports: return "/reports"
        case .reportsClose: return "/reports/close"
        case .reportsCycle: return "/reports/cycle"
        case let .projectReport(id): return "/projects/\(id.uuidString)/report"
        case let .projectReportPhotos(id): return "/projects/\(id.uuidString)/report/photos"
        case let .photo(id): return "/photos/\(id.uuidString)"
        case .targets: return "/targets"
        case .bulletin: return "/bulletin"
        case .audit: return "/audit"
        case .bulletinMarkdown: return "/bulletin.md"
        case .bulletinCSV: return "/bulletin.csv"
        case .meetings: return "/meetings"
        case let .meeting(id): return "/meetings/\(id.uuidString)"
        case let .meetingEdit(id): return "/meetings/\(id.uuidString)/edit"
        case let .meetingAction(id): return "/meetings/\(id.uuidString)/action"
        case let .meetingTargetAction(id): return "/meetings/\(id.uuidString)/target-action"
        case .targetsSet: return "/targets/set"
        case .targetsRecord: return "/targets/record"
        case .battleMap: return "/battle-map"
        case .battleMapSVG: return "/battle-map.svg"
        case let .importCommit(id): return "/import/\(id.uuidString)/commit"
        case let .language(l): return "/language/\(l.rawValue)"
        case .stylesheet: return "/assets/luodi.css"
        case .login: return "/login"
        case .logout: return "/logout"
        case .account: return "/account"
        case .accountPassword: return "/account/password"
        case .accountTokens: return "/account/tokens"
        case let .accountTokenRevoke(id): return "/account/tokens/\(id.uuidString)/revoke"
        case .users: return "/users"
        case let .projectDelete(id): return "/projects/\(id.uuidString)/delete"
        case let .projectRestore(id): return "/projects/\(id.uuidString)/restore"
        case .deletedProjects: return "/projects/deleted"
        case .auditCSV: return "/audit.csv"
        case .projectsWorkbook: return "/projects.xlsx"
        case .problemsWorkbook: return "/problems.xlsx"
        case .leadsWorkbook: return "/leads.xlsx"
        case .milestonesWorkbook: return "/milestones.xlsx"
        case .targetsWorkbook: return "/targets.xlsx"
        case .bulletinWorkbook: return "/bulletin.xlsx"
        case .importTemplate: return "/import/template.xlsx"
        case .leads: return "/leads"
        case let .lead(id): return "/leads/\(id.uuidString)"
        case let .leadMove(id): return "/leads/\(id.uuidString)/move"
        case let .leadNote(id): return "/leads/\(id.uuidString)/note"
        case let .leadCapital(id): return "/leads/\(id.uuidString)/capital"
        case .funnel: return "/leads/funnel"
        case let .leadEdit(id): return "/leads/\(id.uuidString)/edit"
        case .leadTalents: return "/leads/talents"
        case .leadRates: return "/leads/rates"
        case let .user(login): return "/users/\(login.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? login)"
        }
    }

    /// The path with a query string built from non-empty values, percent-encoded.
    public func url(_ query: [(String, String?)] = []) -> String {
        var c = URLComponents()
        c.path = path
        let items = query.compactMap { k, v in v.flatMap { $0.isEmpty ? nil : URLQueryItem(name: k, value: $0) } }
        if !items.isEmpty { c.queryItems = items }
        // '+' in a query value would read back as a space.
        c.percentEncodedQuery = c.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return c.string ?? path
    }
}
