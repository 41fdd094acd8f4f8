import LuodiCore
import LuodiStore
import Vapor

/// Registers every route of `SiteURL`.
func routes(_ app: Application) throws {
    app.get { try await DashboardPage.handle($0) }.access(.action(.readProject))
    for list in ListWorkbook.allCases {
        app.get("\(list.rawValue).xlsx") { req -> Response in
            guard let (_, zone) = try await req.selectedZone() else { throw Abort(.notFound, reason: ServiceError.noZones.description) }
            let (data, name) = try await list.make(service: req.portfolio, db: req.db, zone: zone, asOf: try req.asOfParameter(),
                                                   period: req.query[String.self, at: "period"], lang: req.language)
            return Response.download(data, name: name)
        }.access(.action([.projects, .milestones].contains(list) ? .readProject : .readZone))
    }
    app.get("projects") { try await ProjectIndexPage.handle($0) }.access(.action(.readProject))
    app.get("projects", ":id") { try await ProjectDetailPage.handle($0) }.access(.action(.readProject))
    app.post("projects", ":id", "links") { try await ProjectDetailPage.saveLinks($0) }.access(.action(.editProject))
    app.get("battle-map") { try await BattleMapPage.handle($0) }.access(.action(.readZone))
    app.get("battle-map.svg") { try await BattleMapPage.svg($0) }.access(.action(.readZone))
    app.get("import") { try await ImportPage.form($0) }.access(.action(.administerZone))
    app.on(.POST, "import", body: .collect(maxSize: ByteCount(value: app.uploadLimit + 1024 * 1024))) { try await ImportPage.upload($0) }
        .access(.action(.administerZone))
    app.get("import", "template.xlsx") { try await ImportPage.template($0) }.access(.action(.administerZone))
    app.post("import", ":upload", "commit") { try await ImportPage.commit($0) }.access(.action(.administerZone))
    app.get("language", ":lang") { req -> Response in
        let lang = Language(tag: req.parameters.get("lang") ?? "") ?? .zhHans
        let back = req.query[String.self, at: "back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        let res = req.redirect(to: back)
        res.cookies["lang"] = HTTPCookies.Value(string: lang.rawValue, maxAge: 365 * 86_400, path: "/", isHTTPOnly: true, sameSite: .lax)
        return res
    }.access(.open)
    app.get("assets", "luodi.css") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }.access(.open)
    app.get("login") { try await LoginPage.form($0) }.access(.open)
    app.post("login") { try await LoginPage.signIn($0) }.access(.open)
    app.post("logout") { try await LoginPage.signOut($0) }.access(.signedIn)
    app.get("account") { try await AccountPage.handle($0) }.access(.signedIn)
    app.get("account", "password") { try await AccountPage.passwordForm($0) }.access(.signedIn)
    app.post("account", "password") { try await AccountPage.changePassword($0) }.access(.signedIn)
    app.post("account", "tokens") { try await AccountPage.createToken($0) }.access(.signedIn)
    app.post("account", "tokens", ":id", "revoke") { try await AccountPage.revokeToken($0) }.access(.signedIn)
    app.get("projects", "deleted") { try await DeletedProjectsPage.handle($0) }.access(.action(.administerZone))
    app.post("projects", ":id", "delete") { try await DeletedProjectsPage.delete($0) }.access(.action(.administerZone))
    app.post("projects", ":id", "restore") { try await DeletedProjectsPage.restore($0) }.access(.action(.administerZone))
    app.get("leads") { try await LeadsPage.handle($0) }.access(.action(.readZone))
    app.post("leads") { try await LeadsPage.create($0) }.access(.action(.editProject))
    app.get("leads", "funnel") { try await FunnelPage.handle($0) }.access(.action(.readZone))
    app.get("leads", ":id") { try await LeadPage.handle($0) }.access(.action(.readZone))
    app.post("leads", "talents") { try await LeadsPage.addTalents($0) }.access(.action(.recordFigures))
    app.post("leads", "rates") { try await LeadsPage.setRate($0) }.access(.action(.administerZone))
    app.post("leads", ":id", "edit") { try await LeadPage.edit($0) }.access(.action(.editProject))
    app.post("leads", ":id", "move") { try await LeadPage.move($0) }.access(.action(.editProject))
    app.post("leads", ":id", "note") { try await LeadPage.note($0) }.access(.action(.editProject))
    app.post("leads", ":id", "capital") { try await LeadPage.capital($0) }.access(.action(.editProject))
    app.get("users") { try await UsersPage.handle($0) }.access(.action(.manageUsers))
    app.post("users") { try await UsersPage.create($0) }.access(.action(.manageUsers))
    app.post("users", ":login") { try await UsersPage.update($0) }.access(.action(.manageUsers))
    try APIController().boot(routes: app.grouped("api", "v1"))
    try ProblemsAPI().boot(routes: app.grouped("api", "v1"))
    try ReportsAPI().boot(routes: app.grouped("api", "v1"))
    try TargetsAPI().boot(routes: app.grouped("api", "v1"))
    try MeetingsAPI().boot(routes: app.grouped("api", "v1"))
    try AccountsAPI().boot(routes: app.grouped("api", "v1"))
    try LeadsAPI().boot(routes: app.grouped("api", "v1"))
    app.get("problems") { try await ProblemsPage.handle($0) }.access(.action(.readZone))
    app.post("problems") { try await ProblemsPage.raise($0) }.access(.action(.raiseProblem))
    app.get("problems", ":id") { try await ProblemPage.handle($0) }.access(.action(.readProject))
    app.post("problems", ":id", "act") { try await ProblemPage.act($0) }.access(.action(.actOnProblem))
    app.get("reports") { try await ReportsPage.handle($0) }.access(.action(.readZone))
    app.post("reports", "close") { try await ReportsPage.close($0) }.access(.action(.administerZone))
    app.post("reports", "cycle") { try await ReportsPage.setCycle($0) }.access(.action(.administerZone))
    app.get("audit") { try await AuditPage.handle($0) }.access(.action(.readAudit))
    app.get("audit.csv") { try await AuditPage.csv($0) }.access(.action(.readAudit))
    app.get("bulletin") { try await BulletinPage.handle($0) }.access(.action(.readZone))
    app.get("bulletin.md") { try await BulletinPage.markdown($0) }.access(.action(.readZone))
    app.get("bulletin.csv") { try await BulletinPage.csv($0) }.access(.action(.readZone))
    app.get("bulletin.xlsx") { try await BulletinPage.xlsx($0) }.access(.action(.readZone))
    app.get("meetings") { try await MeetingsPage.handle($0) }.access(.action(.readZone))
    app.post("meetings") { try await MeetingsPage.create($0) }.access(.action(.runMeetings))
    app.get("meetings", ":id") { try await MeetingPage.handle($0) }.access(.action(.readZone))
    app.post("meetings", ":id", "edit") { try await MeetingPage.edit($0) }.access(.action(.runMeetings))
    app.post("meetings", ":id", "action") { try await MeetingPage.action($0) }.access(.action(.runMeetings))
    app.post("meetings", ":id", "target-action") { try await MeetingPage.targetAction($0) }.access(.action(.runMeetings))
    app.get("targets") { try await TargetsPage.handle($0) }.access(.action(.readZone))
    app.post("targets", "set") { try await TargetsPage.setTarget($0) }.access(.action(.administerZone))
    app.post("targets", "record") { try await TargetsPage.record($0) }.access(.action(.recordFigures))
    app.get("projects", ":id", "report") { try await ReportFormPage.handle($0) }.access(.action(.editProject))
    app.post("projects", ":id", "report") { try await ReportFormPage.save($0) }.access(.action(.editProject))
    app.on(.POST, "projects", ":id", "report", "photos", body: .collect(maxSize: ByteCount(value: ReportPhotos.collectLimit))) {
        try await ReportFormPage.addPhoto($0)
    }.access(.action(.editProject))
    app.get("photos", ":id") { try await ReportFormPage.photo($0) }.access(.action(.readProject))
}
