import Foundation
import LuodiCore
@testable import LuodiStore
import Testing
import Vapor
import VaporTesting
@testable import LuodiWeb

/// Every registered route, tried by every role, by nobody, and by a user of another zone.
///
/// The expected outcome of each route is written out below by hand from the role descriptions
/// of issue 5 (README, "Accounts and roles"), not derived from the routes' declarations; a route
/// added without a row here fails the test.
@Suite struct AccessMatrixTests {
    /// Who asks. A: administrator; L: leader; O: officer of 招商一局 (JM-01's department);
    /// X: officer of 建设局 (not JM-01's); E: liaison of 比亚迪 (JM-01's enterprise); V: viewer.
    /// All but A belong to zone 测试开发区. B: a leader of another zone. "-": nobody.
    static let roles = ["A", "L", "O", "X", "E", "V"]

    /// Route → the roles allowed. `open`: anyone, even nobody; `all`: every signed-in role.
    /// Project routes use JM-01; problem routes a problem on JM-01 owned by 供电公司.
    static let expected: [String: String] = [
        "GET /": "all", "GET /projects": "all", "GET /projects.xlsx": "all", "GET /milestones.xlsx": "all", "GET /projects/:id": "all", "POST /projects/:id/links": "AO",
        "GET /battle-map": "ALOXV", "GET /battle-map.svg": "ALOXV",
        "GET /import": "A", "GET /import/template.xlsx": "A", "POST /import": "A", "POST /import/:upload/commit": "A",
        "GET /language/:lang": "open", "GET /assets/luodi.css": "open",
        "GET /problems": "ALOXV", "GET /problems.xlsx": "ALOXV", "GET /leads.xlsx": "ALOXV", "POST /problems": "ALOE", "GET /problems/:id": "all", "POST /problems/:id/act": "ALO",
        "GET /reports": "ALOXV", "POST /reports/close": "A", "POST /reports/cycle": "A",
        "GET /audit": "AL", "GET /audit.csv": "AL", "GET /bulletin": "ALOXV", "GET /bulletin.md": "ALOXV", "GET /bulletin.csv": "ALOXV", "GET /bulletin.xlsx": "ALOXV",
        "GET /meetings": "ALOXV", "POST /meetings": "AL", "GET /meetings/:id": "ALOXV",
        "POST /meetings/:id/edit": "AL", "POST /meetings/:id/action": "AL", "POST /meetings/:id/target-action": "AL",
        "GET /targets": "ALOXV", "GET /targets.xlsx": "ALOXV", "POST /targets/set": "A", "POST /targets/record": "AO",
        "GET /projects/:id/report": "AO", "POST /projects/:id/report": "AO", "POST /projects/:id/report/photos": "AO",
        "GET /photos/:id": "all",
        "GET /login": "open", "POST /login": "open", "POST /logout": "all",
        "GET /account": "all", "GET /account/password": "all", "POST /account/password": "all",
        "POST /account/tokens": "all", "POST /account/tokens/:id/revoke": "all",
        "GET /projects/deleted": "A", "POST /projects/:id/delete": "A", "POST /projects/:id/restore": "A",
        "GET /api/v1/projects/deleted": "A", "DELETE /api/v1/projects/:id": "A", "POST /api/v1/projects/:id/restore": "A",
        "GET /leads": "ALOXV", "POST /leads": "AO", "GET /leads/funnel": "ALOXV", "GET /leads/:id": "ALOXV",
        "POST /leads/:id/edit": "AO", "POST /leads/talents": "AO", "POST /leads/rates": "A",
        "POST /leads/:id/move": "AO", "POST /leads/:id/note": "AO", "POST /leads/:id/capital": "AO",
        "GET /users": "A", "POST /users": "A", "POST /users/:login": "A",
        "GET /api/v1/dashboard": "ALOXV", "GET /api/v1/projects": "all", "GET /api/v1/projects/:id": "all",
        "PUT /api/v1/projects/:id/links": "AO", "POST /api/v1/imports": "A", "GET /api/v1/openapi.json": "open",
        "GET /api/v1/problems": "ALOXV", "POST /api/v1/problems": "ALOE", "GET /api/v1/problems/:id": "all",
        "POST /api/v1/problems/:id/actions": "ALO",
        "GET /api/v1/reports": "ALOXV", "POST /api/v1/reports": "AO", "GET /api/v1/reports/:id": "ALOXV",
        "POST /api/v1/reports/:id/attachments": "AO", "PUT /api/v1/reports/:id": "AO",
        "GET /api/v1/periods": "ALOXV", "POST /api/v1/periods/:name/close": "A", "PUT /api/v1/reporting-cycle": "A",
        "GET /api/v1/bulletin": "ALOXV", "GET /api/v1/audit": "AL",
        "GET /api/v1/ranking": "ALOXV", "GET /api/v1/targets": "ALOXV", "PUT /api/v1/targets": "A",
        "POST /api/v1/targets/actuals": "AO", "PUT /api/v1/ranking-formula": "A",
        "GET /api/v1/meetings": "ALOXV", "POST /api/v1/meetings": "AL", "GET /api/v1/meetings/:id": "ALOXV",
        "PUT /api/v1/meetings/:id": "AL", "POST /api/v1/meetings/:id/actions": "AL", "POST /api/v1/meetings/:id/target-actions": "AL",
        "GET /api/v1/leads": "ALOXV", "POST /api/v1/leads": "AO", "GET /api/v1/leads/:id": "ALOXV",
        "PUT /api/v1/leads/:id": "AO", "POST /api/v1/leads/:id/moves": "AO", "POST /api/v1/leads/:id/notes": "AO", "POST /api/v1/leads/:id/capital": "AO",
        "GET /api/v1/funnel": "ALOXV", "GET /api/v1/capital": "ALOXV", "GET /api/v1/exchange-rates": "ALOXV", "PUT /api/v1/exchange-rates": "A",
        "GET /api/v1/talents": "ALOXV", "POST /api/v1/talents": "AO",
        "GET /api/v1/me": "all", "GET /api/v1/users": "A", "POST /api/v1/users": "A", "PUT /api/v1/users/:login": "A",
    ]

    static let csv = """
    编号,项目名称,项目类别,责任单位,建设单位,年度计划投资(万元),计划开工,节点名称,节点类型,节点计划完成,节点实际完成
    JM-01,新能源汽车零部件产业园,产业项目,招商一局,比亚迪,12000,2021-02-26,开工,开工,2021-02-26,2021-02-26
    JM-02,城市道路提升工程,基础设施,建设局,城投公司,20000,2021-06-30,,,,

    """
    /// A lead of zone A owned by 招商一局 (O's department).
    static let newLead = #"{"zone": "测试开发区", "title": "电池包项目", "investor": {"name": "比亚迪"}, "channel": "fair", "ownerDepartment": "招商一局", "by": "x"}"#
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!

    @Test func everyRouteWithEveryRole() async throws {
        try await withLuodiApp { app in
            // given: zone A with JM-01 (招商一局, 比亚迪), a report with a photo, a problem, a meeting; zone B with its own project
            _ = try await app.importCSV(Self.csv)
            _ = try await app.importCSV("编号,项目名称,责任单位\nB-01,港口物流园,港务局\n", zone: "另一开发区")
            let zoneA = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let zoneB = try #require(try await app.portfolioRepository.zone(named: "另一开发区"))
            let jm01 = try #require(try await app.portfolioRepository.projects(zoneID: zoneA.id).first { $0.plan.project.key == "JM-01" }).id
            try await app.sendJSON(.PUT, "/api/v1/reporting-cycle", #"{"cycle": "monthly"}"#)
            let report = try await app.sendJSON(.POST, "/api/v1/reports", #"{"projectID": "\#(jm01)", "period": "2021-02", "investmentInPeriod": "500万", "narrative": "开工", "reportedBy": "招商一局", "reportedOn": "2021-02-27"}"#, expect: .created)
            let reportID = try #require(report["id"] as? String)
            var photoID = ""
            try await app.testing().test(.POST, "/api/v1/reports/\(reportID)/attachments?fileName=a.png&by=x", beforeRequest: { $0.body = ByteBuffer(data: Self.png) }) { res in
                photoID = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])?["id"] as? String ?? ""
            }
            let problem = try await app.sendJSON(.POST, "/api/v1/problems", #"{"projectID": "\#(jm01)", "title": "用电", "raisedBy": "企业", "raisedOn": "2021-03-01", "ownerDepartment": "供电公司", "deadline": "2021-03-31"}"#, expect: .created)
            let problemID = try #require(problem["id"] as? String)
            let meeting = try await app.sendJSON(.POST, "/api/v1/meetings", #"{"heldOn": "2021-03-05"}"#, expect: .created)
            let meetingID = try #require(meeting["id"] as? String)
            let lead = try await app.sendJSON(.POST, "/api/v1/leads", Self.newLead, expect: .created)
            let leadID = try #require(lead["id"] as? String)
            var tokens: [String: String] = [:]
            let service = AccountService(db: app.db), accounts = AccountRepository(db: app.db)
            for (who, role, zone, department, enterprise) in [
                ("L", Role.leader, zoneA.id, nil, nil), ("O", .departmentOfficer, zoneA.id, "招商一局", nil), ("X", .departmentOfficer, zoneA.id, "建设局", nil),
                ("E", .enterpriseLiaison, zoneA.id, nil, "比亚迪"), ("V", .viewer, zoneA.id, nil, nil), ("B", .leader, zoneB.id, nil, nil),
            ] as [(String, Role, UUID, String?, String?)] {
                let a = try await accounts.create(login: "user-\(who)", settings: AccountSettings(name: who, role: role, zoneID: zone, department: department, enterprise: enterprise),
                                                  passwordHash: "-", mustChangePassword: false)
                tokens[who] = try await service.createToken(for: a, name: "matrix").secret
            }

            // Real ids and bodies, so that a handler reaches its own access check (a bad body would answer 400 first).
            let ids = [":id@/projects": jm01.uuidString, ":id@/problems": problemID, ":id@/meetings": meetingID, ":id@/photos": photoID,
                       ":id@/api/v1/projects": jm01.uuidString, ":id@/api/v1/problems": problemID, ":id@/api/v1/meetings": meetingID,
                       ":id@/api/v1/reports": reportID, ":id@/api/v1/leads": leadID, ":id@/leads": leadID]
            func concrete(_ path: String) -> String {
                var out: [String] = []
                for part in path.split(separator: "/").map(String.init) {
                    switch part {
                    case ":id": out.append(ids[":id@/" + out.joined(separator: "/")] ?? UUID().uuidString)
                    case ":upload": out.append(UUID().uuidString)
                    case ":lang": out.append("en")
                    case ":name": out.append("2021-02")
                    case ":login": out.append("nobody")
                    default: out.append(part)
                    }
                }
                return "/" + out.joined(separator: "/")
            }
            let bodies: [String: String] = [
                "POST /problems": "project=\(jm01)&title=t&raisedBy=r&ownerDepartment=%E4%BE%9B%E7%94%B5%E5%85%AC%E5%8F%B8&deadline=2099-12-31",
                "POST /targets/record": "department=%E6%8B%9B%E5%95%86%E4%B8%80%E5%B1%80&metricKey=newSignedProjects&period=2021-03&value=1&by=x",
                "POST /api/v1/problems": #"{"projectID": "\#(jm01)", "title": "t", "raisedBy": "r", "ownerDepartment": "供电公司", "deadline": "2099-12-31"}"#,
                "POST /api/v1/problems/:id/actions": #"{"version": 99, "action": "assign", "by": "x"}"#,
                "POST /api/v1/reports": #"{"projectID": "\#(jm01)", "period": "2021-03", "narrative": "n", "reportedBy": "r"}"#,
                "PUT /api/v1/reports/:id": #"{"projectID": "\#(jm01)", "period": "2021-02", "narrative": "n", "reportedBy": "r", "version": 99}"#,
                "POST /api/v1/targets/actuals": #"{"department": "招商一局", "metricKey": "newSignedProjects", "period": "2021-03", "value": 1, "by": "x"}"#,
                // Zone A named in the body, as the other zone's leader would have to.
                "POST /api/v1/meetings": #"{"heldOn": "2021-03-05", "zone": "测试开发区"}"#,
                "POST /api/v1/leads": Self.newLead,
                "POST /leads/talents": "zone=%E6%B5%8B%E8%AF%95%E5%BC%80%E5%8F%91%E5%8C%BA&category=doctorate&department=%E6%8B%9B%E5%95%86%E4%B8%80%E5%B1%80&count=1",
                "POST /leads": "zone=%E6%B5%8B%E8%AF%95%E5%BC%80%E5%8F%91%E5%8C%BA&title=t&investor=i&channel=fair&ownerDepartment=%E6%8B%9B%E5%95%86%E4%B8%80%E5%B1%80&by=x",
                "POST /api/v1/talents": #"{"zone": "测试开发区", "category": "doctorate", "department": "招商一局", "count": 1}"#,
                "POST /meetings": "zone=%E6%B5%8B%E8%AF%95%E5%BC%80%E5%8F%91%E5%8C%BA&heldOn=2021-03-05",
            ]

            // when: every route, every principal (the administrator last, as its writes may change what others see)
            let routes = app.routes.all.map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
            #expect(Set(routes) == Set(Self.expected.keys), "routes without a row: \(Set(routes).subtracting(Self.expected.keys).sorted()); rows without a route: \(Set(Self.expected.keys).subtracting(routes).sorted())")
            var tried = 0
            var failures: [String] = []
            for who in ["-", "L", "O", "X", "E", "V", "B", "A"] {
                for route in routes.sorted() {
                    let rule = Self.expected[route] ?? ""
                    let parts = route.split(separator: " ", maxSplits: 1).map(String.init)
                    let method = HTTPMethod(rawValue: parts[0]), api = parts[1].hasPrefix("/api/")
                    var path = concrete(parts[1])
                    if who == "B" { path += "?zone=%E6%B5%8B%E8%AF%95%E5%BC%80%E5%8F%91%E5%8C%BA" }
                    let body = bodies[route] ?? (api ? "{}" : "")
                    var status = HTTPStatus.ok, text = "", location = ""
                    try await app.testing().test(method, path, beforeRequest: { req in
                        if who == "-" { req.headers.add(name: "X-Test-Anonymous", value: "1") }
                        if let t = tokens[who] { req.headers.bearerAuthorization = BearerAuthorization(token: t) }
                        if method != .GET {
                            req.headers.contentType = api ? .json : .urlEncodedForm
                            req.body = ByteBuffer(string: body)
                        }
                    }) { res in
                        status = res.status
                        text = res.body.string
                        location = res.headers.first(name: .location) ?? ""
                    }
                    tried += 1
                    let refusedStatus = [HTTPStatus.unauthorized, .forbidden, .notFound].contains(status)
                    func fail(_ why: String) { failures.append("\(who) \(route) → \(status.code) \(why): \(text.prefix(160))") }
                    switch who {
                    case "-":
                        if rule == "open" {
                            if status == .unauthorized || status == .forbidden { fail("open route refused to nobody") }
                        } else if api || method != .GET {
                            if status != .unauthorized { fail("nobody must get 401") }
                        } else if status != .seeOther || !location.hasPrefix("/login?back=") {
                            fail("nobody must be sent to sign in (got Location \(location))")
                        }
                    case "B":
                        // Another zone's leader: nothing of zone A in any answer, and no zone-A record served.
                        if text.contains("新能源汽车零部件产业园") || text.contains("JM-01") || text.contains("比亚迪") { fail("zone A leaked") }
                        // Exchange rates belong to no zone.
                        if !["open", "all"].contains(rule), route != "GET /api/v1/exchange-rates", !refusedStatus, status != .badRequest {
                            fail("zone A's record or zone served to zone B")
                        }
                    default:
                        let allowed = rule == "open" || rule == "all" || rule.contains(who)
                        if allowed {
                            if status == .unauthorized || status == .forbidden { fail("allowed but refused") }
                            if status == .notFound, route.contains(":id"), !route.contains("revoke"), !route.contains("restore"), !route.contains(":upload") { fail("allowed but not found") }
                        } else if status != .forbidden, !(who == "E" && status == .notFound) {
                            fail("must be refused with 403")
                        }
                    }
                }
            }
            // then
            #expect(failures.isEmpty, "\(failures.count) of \(tried):\n\(failures.joined(separator: "\n"))")
            #expect(routes.count == Self.expected.count && tried == routes.count * 8)
        }
    }
}
