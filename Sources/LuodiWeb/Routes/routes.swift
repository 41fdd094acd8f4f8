import Vapor

/// Registers every route of `SiteURL`.
func routes(_ app: Application) throws {
    app.get { try await DashboardPage.handle($0) }
    app.get("projects") { try await ProjectIndexPage.handle($0) }
    app.get("projects", ":id") { try await ProjectDetailPage.handle($0) }
    app.post("projects", ":id", "links") { try await ProjectDetailPage.saveLinks($0) }
    app.get("battle-map") { try await BattleMapPage.handle($0) }
    app.get("battle-map.svg") { try await BattleMapPage.svg($0) }
    app.get("import") { try await ImportPage.form($0) }
    app.on(.POST, "import", body: .collect(maxSize: ByteCount(value: app.uploadLimit + 1024 * 1024))) { try await ImportPage.upload($0) }
    app.post("import", ":upload", "commit") { try await ImportPage.commit($0) }
    app.get("language", ":lang") { req -> Response in
        let lang = Language(tag: req.parameters.get("lang") ?? "") ?? .zhHans
        let back = req.query[String.self, at: "back"].flatMap { $0.hasPrefix("/") && !$0.hasPrefix("//") ? $0 : nil } ?? "/"
        let res = req.redirect(to: back)
        res.cookies["lang"] = HTTPCookies.Value(string: lang.rawValue, maxAge: 365 * 86_400, path: "/", isHTTPOnly: true, sameSite: .lax)
        return res
    }
    app.get("assets", "luodi.css") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])
        headers.cacheControl = .init(maxAge: 3600)
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
    try APIController().boot(routes: app.grouped("api", "v1"))
    try ProblemsAPI().boot(routes: app.grouped("api", "v1"))
    try ReportsAPI().boot(routes: app.grouped("api", "v1"))
    try TargetsAPI().boot(routes: app.grouped("api", "v1"))
    try MeetingsAPI().boot(routes: app.grouped("api", "v1"))
    app.get("problems") { try await ProblemsPage.handle($0) }
    app.post("problems") { try await ProblemsPage.raise($0) }
    app.get("problems", ":id") { try await ProblemPage.handle($0) }
    app.post("problems", ":id", "act") { try await ProblemPage.act($0) }
    app.get("reports") { try await ReportsPage.handle($0) }
    app.post("reports", "close") { try await ReportsPage.close($0) }
    app.post("reports", "cycle") { try await ReportsPage.setCycle($0) }
    app.get("audit") { try await AuditPage.handle($0) }
    app.get("bulletin") { try await BulletinPage.handle($0) }
    app.get("bulletin.md") { try await BulletinPage.markdown($0) }
    app.get("bulletin.csv") { try await BulletinPage.csv($0) }
    app.get("meetings") { try await MeetingsPage.handle($0) }
    app.post("meetings") { try await MeetingsPage.create($0) }
    app.get("meetings", ":id") { try await MeetingPage.handle($0) }
    app.post("meetings", ":id", "edit") { try await MeetingPage.edit($0) }
    app.post("meetings", ":id", "action") { try await MeetingPage.action($0) }
    app.post("meetings", ":id", "target-action") { try await MeetingPage.targetAction($0) }
    app.get("targets") { try await TargetsPage.handle($0) }
    app.post("targets", "set") { try await TargetsPage.setTarget($0) }
    app.post("targets", "record") { try await TargetsPage.record($0) }
    app.get("projects", ":id", "report") { try await ReportFormPage.handle($0) }
    app.post("projects", ":id", "report") { try await ReportFormPage.save($0) }
    app.on(.POST, "projects", ":id", "report", "photos", body: .collect(maxSize: ByteCount(value: ReportPhotos.collectLimit))) {
        try await ReportFormPage.addPhoto($0)
    }
    app.get("photos", ":id") { try await ReportFormPage.photo($0) }
}
