import Foundation
import LuodiCore
import LuodiStore
import Testing
import VaporTesting
@testable import LuodiWeb

@Suite struct PageTests {
    @Test func dashboardInChineseByDefaultAndEnglishOnRequest() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.testing().test(.GET, "/?asOf=2021-06-30") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("<html lang=\"zh-Hans\">"))
                #expect(html.contains("作战图总览") && html.contains("计程表"))
                #expect(html.contains("序时进度按天计算"))
                // The gauge: 25 % completion, share 49.6 %.
                #expect(html.contains("<svg") && html.contains(">25%</text>") && html.contains("序时进度 49.6%"))
                // 3.2亿 planned, 3000 万 completed, in the zone's display units.
                #expect(html.contains("3.20 亿元") && html.contains("3,000.00 万元"))
                #expect(html.contains("落后序时进度 24.6 个百分点"))
                #expect(html.contains("新能源汽车零部件产业园"))
            }
            try await app.testing().test(.GET, "/?asOf=2021-06-30", headers: ["Accept-Language": "en-US,en;q=0.9"]) { res in
                #expect(res.body.string.contains("Battle map overview"))
                #expect(res.body.string.contains("24.6 points behind time elapsed"))
            }
        }
    }

    @Test func languageSwitchSetsACookie() async throws {
        try await withLuodiApp { app in
            try await app.testing().test(.GET, "/language/en?back=/projects") { res in
                #expect(res.status == .seeOther)
                #expect(res.headers.first(name: .location) == "/projects")
                #expect(res.headers.setCookie?["lang"]?.string == "en")
            }
            // An absolute URL is not followed (no open redirect).
            try await app.testing().test(.GET, "/language/en?back=//evil.example") { res in
                #expect(res.headers.first(name: .location) == "/")
            }
        }
    }

    @Test func projectListFiltersByLightAndSearches() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.testing().test(.GET, "/projects?asOf=2021-06-30&rag=amber") { res in
                #expect(res.status == .ok)
                #expect(res.body.string.contains("新能源汽车零部件产业园") && !res.body.string.contains("城市道路提升工程"))
                #expect(res.body.string.contains("第 1/1 页,共 1 个项目"))
            }
            try await app.testing().test(.GET, "/projects?q=道路") { res in
                #expect(res.body.string.contains("城市道路提升工程") && !res.body.string.contains("新能源汽车零部件产业园"))
            }
            try await app.testing().test(.GET, "/projects?rag=purple") { res in
                #expect(res.status == .badRequest)
            }
        }
    }

    @Test func apiListPaginatesAndSorts() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.testing().test(.GET, "/api/v1/projects?asOf=2021-06-30&sort=name&order=asc&perPage=1&page=2") { res in
                let body = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
                #expect(body["total"] as? Int == 2 && body["pages"] as? Int == 2 && body["page"] as? Int == 2)
                let items = body["items"] as! [[String: Any]]
                // By Unicode order 新 (U+65B0) comes before 城 (U+57CE)? No: 城 < 新, so page 2 is 新….
                #expect(items.map { $0["name"] as? String } == ["新能源汽车零部件产业园"])
                #expect(items.first?["rag"] as? String == "amber")
            }
        }
    }

    @Test func projectPageShowsFieldsReasonsAndTimeline() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
            let id = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first { $0.plan.project.key == "JM-01" }?.id)
            try await app.testing().test(.GET, "/projects/\(id)?asOf=2021-10-31") { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("5.00 亿元"))                                    // 50,000 万元 total
                #expect(html.contains("节点「主体封顶」计划 2021-09-30 完成,已逾期 31 天"))
                #expect(html.contains("class=\"timeline\""))
                #expect(html.contains("截至日期 2021-10-31"))
            }
            try await app.testing().test(.GET, "/projects/\(UUID())") { res in #expect(res.status == .notFound) }
            try await app.testing().test(.GET, "/api/v1/projects/\(id)?asOf=2021-10-31") { res in
                let body = try JSONSerialization.jsonObject(with: Data(buffer: res.body)) as! [String: Any]
                // 31 October: share 304/365 = 83.29 %, completion 25 % → 58.29 points behind → red.
                #expect(body["rag"] as? String == "red")
                #expect((body["milestones"] as? [[String: Any]])?.map { $0["plannedFinish"] as? String } == ["2021-02-26", "2021-09-30"])
                #expect((body["project"] as? [String: Any])?["statisticalEnrollment"] as? String == "2021-03-15")
            }
        }
    }

    @Test func namesAreEscapedEverywhere() async throws {
        try await withLuodiApp { app in
            let evil = "<script>alert(1)</script>"
            let imported = try await app.importCSV("项目名称,节点名称,节点计划完成\n\"\(evil)\",\"\"\"><img src=x>\",2021-01-01\n")
            #expect(imported.ok, "\(imported.errors)")
            try await app.testing().test(.GET, "/projects") { res in
                #expect(!res.body.string.contains(evil) && res.body.string.contains("&lt;script&gt;"))
            }
            // Reflected input in an attribute (the search box) cannot break out of its quotes.
            try await app.testing().test(.GET, "/projects?q=%22%3E%3Cscript%3Ealert(2)%3C/script%3E") { res in
                #expect(!res.body.string.contains("<script>alert(2)"))
                #expect(res.body.string.contains("value=\"&quot;&gt;&lt;script&gt;alert(2)"))
            }
            let zone = try #require(try await app.portfolioRepository.zones().first)
            let id = try #require(try await app.portfolioRepository.projects(zoneID: zone.id).first?.id)
            try await app.testing().test(.GET, "/projects/\(id)?asOf=2021-06-30") { res in
                #expect(!res.body.string.contains(evil) && !res.body.string.contains("<img src=x>"))
            }
        }
    }

    @Test func importPageDryRunThenCommit() async throws {
        try await withLuodiApp { app in
            let boundary = "luodi-boundary"
            func multipart(_ csv: String) -> ByteBuffer {
                var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                body += csv + "\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"profile\"\r\n\r\nluodi\r\n"
                body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"zone\"\r\n\r\n测试开发区\r\n--\(boundary)--\r\n"
                return ByteBuffer(string: body)
            }
            var commitPath = ""
            try await app.testing().test(.POST, "/import", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: multipart(templateCSV)) { res in
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("读取 3 行,得到 2 个项目、2 个节点;新增 2"))
                let match = try #require(html.range(of: #"/import/[0-9A-F-]+/commit"#, options: .regularExpression))
                commitPath = String(html[match])
            }
            #expect(try await app.portfolioRepository.isEmpty())
            try await app.testing().test(.POST, commitPath) { res in
                #expect(res.status == .ok && res.body.string.contains("已写入"))
            }
            #expect(try await !app.portfolioRepository.isEmpty())
            try await app.testing().test(.POST, "/import", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
                                         body: multipart("项目名称,总投资(万元)\n甲,-1\n")) { res in
                #expect(res.status == .unprocessableEntity)
                #expect(res.body.string.contains("list.csv:2:总投资(万元): &#39;-1&#39; is negative") || res.body.string.contains("list.csv:2:总投资(万元): '-1' is negative"))
                #expect(!res.body.string.contains("/commit"))
            }
        }
    }

    @Test func badParametersOnPagesGiveAPageInTheReadersLanguage() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            try await app.testing().test(.GET, "/projects?asOf=2021-02-30") { res in
                #expect(res.status == .badRequest)
                #expect(res.headers.contentType == .html)
                #expect(res.body.string.contains("请求有误") && res.body.string.contains("asOf: &#39;2021-02-30&#39; is not a calendar date") || res.body.string.contains("asOf: '2021-02-30' is not a calendar date"))
            }
            try await app.testing().test(.GET, "/?zone=Nope", headers: ["Accept-Language": "en"]) { res in
                #expect(res.status == .notFound && res.body.string.contains("Not found") && res.body.string.contains("no zone named"))
            }
            // The API keeps answering in JSON.
            try await app.testing().test(.GET, "/api/v1/projects?asOf=2021-02-30") { res in
                #expect(res.status == .badRequest && res.headers.contentType == .json)
            }
        }
    }

    @Test func theDefaultZoneIsTheFirstCreatedNotTheFirstByName() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV, zone: "测试开发区")
            _ = try await app.importCSV("项目名称\n甲\n", zone: "AAA later zone")
            #expect(try await app.portfolioService.zone(named: nil).zone.name == "测试开发区")
        }
    }

    @Test func abandonedUploadsArePruned() async throws {
        try await withLuodiApp { app in
            let uploads = UploadRepository(db: app.db)
            let id = try await uploads.save(fileName: "a.csv", profile: "luodi", zoneName: nil, data: Data("x".utf8))
            try await uploads.prune(olderThan: 3600)
            #expect(try await uploads.find(id) != nil)
            try await uploads.prune(olderThan: 3600, now: Date().addingTimeInterval(7200))
            #expect(try await uploads.find(id) == nil)
        }
    }
}

extension PageTests {
    @Test func aLanguageChosenInTheQueryIsRemembered() async throws {
        try await withLuodiApp { app in
            try await app.testing().test(.GET, "/import?lang=en", headers: ["Accept-Language": "zh-CN"]) { res in
                #expect(res.body.string.contains("Import a project list"))
                #expect(res.headers.setCookie?["lang"]?.string == "en")
            }
        }
    }
}

extension PageTests {
    @Test func projectsWithoutADepartmentCanBeListed() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV + "JM-03,无单位项目,,,,,,,,,,,,\n")
            try await app.testing().test(.GET, "/projects?department=-") { res in
                #expect(res.body.string.contains("无单位项目") && !res.body.string.contains("城市道路提升工程"))
                #expect(res.body.string.contains("第 1/1 页,共 1 个项目"))
            }
            try await app.testing().test(.GET, "/?asOf=2021-06-30") { res in
                #expect(res.body.string.contains("department=-"))
            }
        }
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        try await withLuodiApp { app in
            _ = try await app.importCSV(templateCSV)
            for path in ["/", "/projects", "/api/v1/dashboard", "/no-such-page", "/assets/luodi.css"] {
                try await app.testing().test(.GET, path) { res in
                    #expect(res.headers.first(name: "Content-Security-Policy") == "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", "\(path)")
                    #expect(res.headers.first(name: "X-Content-Type-Options") == "nosniff" && res.headers.first(name: "X-Frame-Options") == "DENY", "\(path)")
                }
            }
            // No page carries a script or an inline style, so the policy blocks nothing the product needs.
            try await app.testing().test(.GET, "/") { res in
                #expect(!res.body.string.contains("<script") && !res.body.string.contains("style="))
            }
        }
    }
}
