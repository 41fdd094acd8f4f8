import Crypto
import Foundation
import LuodiCore
import LuodiInterchange
import Testing
@testable import LuodiWeb

/// Runs the real `luodi` executable that `swift test` builds next to the test bundle.
@Suite(.serialized) struct CLITests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        URL(fileURLWithPath: ProcessInfo.processInfo.arguments[0]).deletingLastPathComponent().appendingPathComponent("luodi")
    }

    func luodi(_ args: [String], in dir: URL) throws -> Run {
        let p = Process()
        p.executableURL = Self.executable
        p.arguments = args
        p.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DATABASE_URL")   // these runs use their own SQLite file
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    func withDirectory(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("luodi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    @Test func theExecutableIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.executable.path), "expected \(Self.executable.path)")
    }

    @Test func badFilesExitNonZeroAndLeaveTheDatabaseByteForByteUnchanged() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            let first = try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir)
            #expect(first.status == 0, "\(first.stderr)")
            let db = dir.appendingPathComponent("luodi.sqlite")
            let before = SHA256.hash(data: try Data(contentsOf: db))

            var garbage = Data(count: 50 * 1024 * 1024)
            garbage.withUnsafeMutableBytes { buf in for i in stride(from: 0, to: buf.count, by: 4096) { buf[i] = UInt8(i % 251) } }
            let header = "项目名称,总投资(万元),计划开工,计划竣工\n"
            let cases: [(String, Data, [String], String)] = [
                ("gbk.csv", Data((header + "甲,100,,\n").utf8.map { $0 }).gb18030(), ["--encoding", "utf-8"], "gbk.csv: not valid UTF-8"),
                ("nocol.csv", Data("总投资(万元)\n100\n".utf8), [], "nocol.csv:1: missing required column"),
                ("date.csv", Data((header + "甲,100,2021-02-30,\n").utf8), [], "date.csv:2:计划开工: '2021-02-30' is not a calendar date"),
                ("money.csv", Data((header + "甲,-5,,\n乙,abc,,\n").utf8), [], "money.csv:3:总投资(万元): 'abc' is not an amount of money"),
                ("order.csv", Data((header + "甲,1,2021-05-01,2021-04-01\n").utf8), [], "order.csv:2:计划竣工: planned finish 2021-04-01 is before planned start 2021-05-01"),
                ("dup.csv", Data((header + "甲,1,,\n甲,1,,\n").utf8), [], "dup.csv:3:项目名称: duplicate identity: row 2"),
                ("empty.csv", Data(), [], "empty.csv: the file is empty"),
                ("garbage.csv", garbage, [], "garbage.csv: the file has 52428800 bytes, over the import limit"),
            ]
            for (name, data, extra, message) in cases {
                try data.write(to: dir.appendingPathComponent(name))
                let run = try luodi(["import", name] + extra, in: dir)
                #expect(run.status == 1, "\(name): exit \(run.status)")
                #expect(run.stderr.contains(message), "\(name): \(run.stderr)")
                #expect(run.stderr.contains("nothing was imported"), "\(name)")
            }
            let mapping = #"{"name": "m", "identity": {"columns": ["项目名称"]}, "project": {"name": {"column": "项目名称"}, "department": {"column": "部门"}}}"#
            try Data(mapping.utf8).write(to: dir.appendingPathComponent("m.json"))
            let unknown = try luodi(["import", "date.csv", "--mapping", "m.json"], in: dir)
            #expect(unknown.status == 1 && unknown.stderr.contains("date.csv:1:部门: column '部门' named by the mapping"), "\(unknown.stderr)")

            #expect(SHA256.hash(data: try Data(contentsOf: db)) == before)
        }
    }

    @Test func statusJSONMatchesTheDashboardAPI() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("luodi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
        #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
        let run = try luodi(["status", "--as-of", "2021-06-30", "--json"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let cli = try JSONDecoder().decode(StatusReport.self, from: Data(run.stdout.utf8))
        #expect(cli.rag.amber == 1 && cli.completionPercent == 25 && cli.timeElapsedShare.percent == 49.59)

        let app = try await buildApp(AppConfiguration(database: .sqliteFile(dir.appendingPathComponent("luodi.sqlite").path), logLevel: .warning),
                                     environment: .testing)
        let api = try await app.portfolioService.status(zoneName: nil, asOf: try .init(iso: "2021-06-30"))
        try await app.asyncShutdown()
        #expect(cli == api)
        let bad = try luodi(["status", "--as-of", "2021-13-01", "--json"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("there is no month 13"))
    }

    @Test func problemsListsTheZonesProblems() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("luodi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
        #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
        let app = try await buildApp(AppConfiguration(database: .sqliteFile(dir.appendingPathComponent("luodi.sqlite").path), logLevel: .warning),
                                     environment: .testing)
        let zone = try #require(try await app.portfolioRepository.zone(named: "测试开发区"))
        _ = try await app.problemRepository.raise(Problem(title: "环评批复滞后", raisedBy: "张", raisedOn: try .init(iso: "2021-06-01"),
                                                          ownerDepartment: "生态环境分局", deadline: try .init(iso: "2021-06-10")),
                                                  zoneID: zone.id, projectID: nil)
        try await app.asyncShutdown()
        let run = try luodi(["problems", "--as-of", "2021-06-30", "--view", "overdue"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "2021-06-10 逾期\t环评批复滞后\t—\t生态环境分局\t待办\t功能区\t\n")
        // Before the deadline it is not overdue.
        #expect(try luodi(["problems", "--as-of", "2021-06-05", "--view", "overdue", "--lang", "en"], in: dir).stdout == "No problem matches.\n")
        let bad = try luodi(["problems", "--view", "late"], in: dir)
        #expect(bad.status != 0 && bad.stderr.contains("--view"))
    }

    @Test func statusDoesNotCreateADatabase() throws {
        try withDirectory { dir in
            let run = try luodi(["status", "--database", "typo.sqlite"], in: dir)
            #expect(run.status == 1 && run.stderr.contains("typo.sqlite: no such database"))
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("typo.sqlite").path))
        }
    }

    @Test func serveRefusesAPortThatIsNotOne() throws {
        try withDirectory { dir in
            let run = try luodi(["serve", "--port", "99999"], in: dir)
            #expect(run.status != 0 && run.stderr.contains("99999 is not a TCP port"))
        }
    }
}

private extension Data {
    /// Re-encodes UTF-8 text as GB18030 with Foundation's converter.
    func gb18030() -> Data {
        String(decoding: self, as: UTF8.self).data(using: String.Encoding(rawValue: 0x8000_0632))!
    }
}

extension CLITests {
    @Test func exportsTheBattleMapAsSVG() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let run = try luodi(["export", "battle-map", "--as-of", "2021-10-31", "--output", "map.svg"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let svg = try String(contentsOf: dir.appendingPathComponent("map.svg"), encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") && svg.contains("作战图 · 测试开发区 · 截至日期 2021-10-31"))
            let bad = try luodi(["export", "battle-map", "--group-by", "stage"], in: dir)
            #expect(bad.status != 0 && bad.stderr.contains("--group-by"))
        }
    }

    @Test func exportsListsAsWorkbooksThatImportAgain() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let run = try luodi(["export", "milestones", "--as-of", "2021-06-30", "--output", "all.xlsx"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            // one row per milestone (JM-01: 开工, 主体封顶) and JM-02 without milestones: three rows
            let sheet = try XLSXSheet(data: try Data(contentsOf: dir.appendingPathComponent("all.xlsx")), file: "all.xlsx")
            #expect(sheet.rows.map { $0[0] }.sorted() == ["JM-01", "JM-01", "JM-02"])
            // imported again into the same zone: nothing changes
            let again = try luodi(["import", "all.xlsx", "--zone", "测试开发区", "--json"], in: dir)
            #expect(again.status == 0 && again.stdout.contains(#""projectsUnchanged" : 2"#), "\(again.stdout)")
            #expect(try luodi(["export", "template", "--profile", "leads", "--output", "leads.xlsx"], in: dir).status == 0)
            // its notes sheet lists the lead list's columns, 项目名称 first
            #expect(try XLSXSheet(data: try Data(contentsOf: dir.appendingPathComponent("leads.xlsx")), file: "leads.xlsx", sheet: "2").rows.first?.first == "项目名称")
            let bad = try luodi(["export", "template", "--profile", "nope", "--output", "x.xlsx"], in: dir)
            #expect(bad.status != 0 && bad.stderr.contains("unknown profile 'nope'"))
        }
    }

    @Test func schedulesAnMSProjectFile() throws {
        try withDirectory { dir in
            let xml = ImportTests.smallMSPDI
            try Data(xml.utf8).write(to: dir.appendingPathComponent("plan.xml"))
            let run = try luodi(["schedule", "plan.xml", "--format", "json"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            let rows = json["activities"] as! [[String: Any]]
            // Dig: Thursday and Friday; one day of lag (Monday); Pour: Tuesday 23 October.
            #expect(rows.map { $0["earlyStart"] as? String } == ["2018-10-18T08:00", "2018-10-23T08:00"])
            #expect(rows.map { $0["earlyFinish"] as? String } == ["2018-10-19T17:00", "2018-10-23T17:00"])
            #expect(json["criticalPath"] as? [String] == ["1", "2"])
            let cyclic = xml.replacingOccurrences(of: "<Task><UID>1</UID><Name>Dig</Name><Duration>PT16H0M0S</Duration></Task>",
                with: "<Task><UID>1</UID><Name>Dig</Name><Duration>PT16H0M0S</Duration><PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type></PredecessorLink></Task>")
            try Data(cyclic.utf8).write(to: dir.appendingPathComponent("cycle.xml"))
            let cycle = try luodi(["schedule", "cycle.xml"], in: dir)
            #expect(cycle.status == 1 && cycle.stderr.contains("the relationships form a cycle: 1 → 2 → 1"))
        }
    }
}

extension CLITests {
    @Test func aZoneCalendarTakesItsOwnExceptions() async throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let set = try luodi(["zone", "calendar", "--closed", "2021-06-30", "--working", "2021-10-02"], in: dir)
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.stdout.contains("2021-06-30  closed") && set.stdout.contains("2021-10-02  working"))
            let cleared = try luodi(["zone", "calendar", "--clear", "2021-06-30"], in: dir)
            #expect(!cleared.stdout.contains("2021-06-30") && cleared.stdout.contains("2021-10-02  working"))
            let bad = try luodi(["zone", "calendar", "--closed", "2021-02-30"], in: dir)
            #expect(bad.status != 0 && bad.stderr.contains("month 2 of 2021 has 28 days"))
            let rules = try luodi(["zone", "rules", "--red-through-amber", "on"], in: dir)
            #expect(rules.status == 0 && rules.stdout.contains("rule set standard") && rules.stdout.contains("red returns to green only through amber: on"))
        }
    }

    @Test func reportsAreFiledListedAndClosedFromTheCommandLine() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let noCycle = try luodi(["report", "file", "--project", "JM-01", "--period", "2021-W10", "--narrative", "x", "--by", "y"], in: dir)
            #expect(noCycle.status == 1 && noCycle.stderr.contains("no reporting cycle"))
            #expect(try luodi(["report", "cycle", "weekly"], in: dir).stdout == "reporting cycle: weekly\n")
            // A bare number is 万元 in a CNY zone.
            let filed = try luodi(["report", "file", "--project", "JM-01", "--period", "2021-W10", "--investment", "800", "--narrative", "主体施工",
                                   "--by", "招商一局", "--on", "2021-03-12", "--started", "主体封顶=2021-03-09"], in: dir)
            #expect(filed.status == 0, "\(filed.stderr)")
            #expect(filed.stdout.hasPrefix("report ") && filed.stdout.hasSuffix(" version 1\n"))
            let unknown = try luodi(["report", "file", "--project", "JM-09", "--period", "2021-W10", "--narrative", "x", "--by", "y"], in: dir)
            #expect(unknown.status == 1 && unknown.stderr.contains("no project with key or name 'JM-09'"))
            let list = try luodi(["report", "list", "--period", "2021-W10"], in: dir)
            #expect(list.stdout == """
                测试开发区\t2021-W10\t2021-03-08–2021-03-14\t已报送 1/2 个项目\t未关闭
                建设局\t城市道路提升工程\t未报送\t\t\t\t
                招商一局\t新能源汽车零部件产业园\t已报送\t800.00 万元\t招商一局\t2021-03-12\t主体施工

                """)
            #expect(try luodi(["report", "close", "--period", "2021-W10", "--by", "办公室"], in: dir).status == 0)
            let again = try luodi(["report", "close", "--period", "2021-W10", "--by", "办公室"], in: dir)
            #expect(again.status == 1 && again.stderr.contains("already closed"))
            // The correction of a closed period needs a reason.
            let noReason = try luodi(["report", "file", "--project", "JM-01", "--period", "2021-W10", "--investment", "1000", "--narrative", "主体施工",
                                      "--by", "招商一局", "--on", "2021-03-12", "--version", "1"], in: dir)
            #expect(noReason.status == 1 && noReason.stderr.contains("reason: period 2021-W10 is closed"))
            let corrected = try luodi(["report", "file", "--project", "JM-01", "--period", "2021-W10", "--investment", "1000", "--narrative", "主体施工",
                                       "--by", "招商一局", "--on", "2021-03-12", "--version", "1", "--reason", "统计核定"], in: dir)
            #expect(corrected.status == 0 && corrected.stdout.hasSuffix(" version 2\n"), "\(corrected.stderr)")
            let json = try luodi(["report", "list", "--period", "2021-W10", "--format", "json"], in: dir)
            let board = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
            #expect(board["reported"] as? Int == 1 && (board["rows"] as? [[String: Any]])?.count == 2)
            #expect(((board["period"] as? [String: Any])?["closed"] as? [String: Any])?["closedBy"] as? String == "办公室")
            // Two projects with one name: the name is refused, naming both keys.
            try Data("编号,项目名称,责任单位\nJM-03,城市道路提升工程,建设局\n".utf8).write(to: dir.appendingPathComponent("twin.csv"))
            #expect(try luodi(["import", "twin.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let twin = try luodi(["report", "file", "--project", "城市道路提升工程", "--period", "2021-W11", "--narrative", "x", "--by", "y"], in: dir)
            #expect(twin.status == 1 && twin.stderr.contains("2 projects are named '城市道路提升工程'; give the key of one: 'JM-02', 'JM-03'"))
        }
    }

    @Test func theRankingIsPrintedWithEveryContribution() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            #expect(try luodi(["report", "cycle", "monthly"], in: dir).status == 0)
            // A zone that types its attraction figures instead of taking them from lead and talent records.
            try Data(#"{"cap": 1.2, "metrics": [                   {"key": "newSignedProjects", "name": "新签约项目", "unit": "个", "direction": "higherIsBetter", "workLine": "attraction", "weight": 20, "source": "reported"},                   {"key": "projectsStarted", "name": "新开工项目", "unit": "个", "direction": "higherIsBetter", "workLine": "projects", "weight": 20, "source": "projectsStarted"},                   {"key": "investmentCompleted", "name": "完成投资", "unit": "万元", "direction": "higherIsBetter", "workLine": "projects", "weight": 30, "source": "investmentCompleted"},                   {"key": "foreignCapitalUsed", "name": "实际使用外资", "unit": "万美元", "direction": "higherIsBetter", "workLine": "attraction", "weight": 15, "source": "reported"},                   {"key": "talentsIntroduced", "name": "引进人才", "unit": "人", "direction": "higherIsBetter", "workLine": "attraction", "weight": 15, "source": "reported"}]}"#.utf8).write(to: dir.appendingPathComponent("formula.json"))
            let typed = try luodi(["targets", "formula", "--file", "formula.json"], in: dir)
            #expect(typed.status == 0, "\(typed.stderr)")
            for (metric, target) in [("newSignedProjects", "10"), ("talentsIntroduced", "100")] {
                let set = try luodi(["targets", "set", "--year", "2021", "--department", "招商一局", "--metric", metric, "--target", target], in: dir)
                #expect(set.status == 0, "\(set.stderr)")
            }
            for (metric, period, value) in [("newSignedProjects", "2021-01", "2"), ("newSignedProjects", "2021-05", "3"), ("talentsIntroduced", "2021-03", "60")] {
                let rec = try luodi(["targets", "record", "--department", "招商一局", "--metric", metric, "--period", period, "--value", value, "--by", "招商一局"], in: dir)
                #expect(rec.status == 0, "\(rec.stderr)")
            }
            let derived = try luodi(["targets", "record", "--department", "招商一局", "--metric", "projectsStarted", "--period", "2021-03", "--value", "1", "--by", "x"], in: dir)
            #expect(derived.status == 1 && derived.stderr.contains("derived from the projects"))
            // 30 June 2021 (period 2021-06 ends then): Σweight 20 + 15 = 35;
            // signed 5/10 → 0.5 ÷ (181/365) = 1.0083 → 20 × 1.0083 ÷ 35 × 100 = 57.62;
            // talents 60/100 → 1.2099, capped 1.2 → 15 × 1.2 ÷ 35 × 100 = 51.43; score 109.04.
            let run = try luodi(["report", "ranking", "--period", "2021-06"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "测试开发区\t2021-06\t截至日期 2021-06-30\t序时进度 49.6%")
            #expect(lines.contains("1\t招商一局\t109.04\t新签约项目\t个\t10\t5\t50.0%\t1.0083\t1.0083\t20\t57.62"))
            #expect(lines.contains("1\t招商一局\t109.04\t引进人才\t人\t100\t60\t60.0%\t1.2099\t1.2000\t15\t51.43"))
            let json = try luodi(["report", "ranking", "--as-of", "2021-06-30", "--format", "json"], in: dir)
            let report = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
            let score = ((report["departments"] as? [[String: Any]])?.first?["score"] as? Double) ?? 0
            #expect(abs(score - 109.04498816) < 1e-6)
            let formula = try luodi(["targets", "formula"], in: dir)
            #expect(formula.stdout.contains("\"cap\" : 1.2") && formula.stdout.contains("investmentCompleted"))
            try Data(#"{"cap": 0.5, "metrics": []}"#.utf8).write(to: dir.appendingPathComponent("f.json"))
            let bad = try luodi(["targets", "formula", "--file", "f.json"], in: dir)
            #expect(bad.status == 1 && bad.stderr.contains("cap must be"))
        }
    }

    @Test func theAgendaOfAMeetingIsPrintedAndAMeetingHeld() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            // 28 September 2021: time elapsed 271/365 = 74.25 %; JM-01 completed 3,000 of 12,000 万元 = 25 %, 49.2 points behind → red;
            // its 主体封顶 is due on the 30th, before the next meeting on 8 October.
            let run = try luodi(["meeting", "agenda", "--held-on", "2021-09-28", "--next", "2021-10-08"], in: dir)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == """
                测试开发区\t召开日期 2021-09-28\t下次调度会 2021-10-08\t2 项议题
                1\t0\t新能源汽车零部件产业园\t红灯:投资完成率 25%,落后序时进度(74.2%)49.2 个百分点
                2\t-2\t新能源汽车零部件产业园 · 主体封顶\t节点「主体封顶」计划 2021-09-30 完成(还有 2 天)

                """)
            let bad = try luodi(["meeting", "agenda", "--held-on", "2021-09-28", "--next", "2021-09-28"], in: dir)
            #expect(bad.status == 1 && bad.stderr.contains("nextMeeting:"))
            let held = try luodi(["meeting", "create", "--held-on", "2021-09-28", "--next", "2021-10-08", "--title", "第39周调度会"], in: dir)
            #expect(held.status == 0 && held.stdout.hasPrefix("meeting "), "\(held.stderr)")
        }
    }

    @Test func theBulletinIsWrittenInEachFormat() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let html = try luodi(["report", "bulletin", "--period", "2021-02", "--output", "b.html"], in: dir)
            #expect(html.status == 0, "\(html.stderr)")
            let page = try String(contentsOf: dir.appendingPathComponent("b.html"), encoding: .utf8)
            // No reports: JM-01's imported 3,000 of 12,000 万元 = 25 % at 28 February (59/365 = 16.2 % elapsed): ahead.
            #expect(page.contains("<style>") && page.contains("测试开发区重点项目调度通报(2021-02,2021-02-01 至 2021-02-28)"))
            #expect(page.contains("投资完成率 25.0%;序时进度 16.2%,超序时进度 8.8 个百分点。"))
            let md = try luodi(["report", "bulletin", "--period", "2021-02", "--format", "markdown", "--lang", "en"], in: dir)
            #expect(md.stdout.contains("## 3. Construction starts") && md.stdout.contains("| 新能源汽车零部件产业园 | 招商一局 | 2021-02-26 |"))
            let bad = try luodi(["report", "bulletin", "--period", "2021-13"], in: dir)
            #expect(bad.status == 1 && bad.stderr.contains("period:"))
        }
    }

    @Test func aReportTakesPhotosFromTheCommandLine() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            #expect(try luodi(["report", "cycle", "monthly"], in: dir).status == 0)
            // A 1×1 PNG, and a text file pretending to be a JPEG.
            try Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")!
                .write(to: dir.appendingPathComponent("site.png"))
            try Data("not a photo".utf8).write(to: dir.appendingPathComponent("fake.jpg"))
            let ok = try luodi(["report", "file", "--project", "JM-01", "--period", "2021-03", "--narrative", "主体施工", "--by", "招商一局",
                                "--photo", "site.png", "--data-dir", "photos"], in: dir)
            #expect(ok.status == 0 && ok.stdout.hasSuffix(" version 1, 1 photo(s) added, 1 in all\n"), "\(ok.stderr)")
            let stored = try FileManager.default.subpathsOfDirectory(atPath: dir.appendingPathComponent("photos/attachments").path).filter { $0.hasSuffix(".png") }
            #expect(stored.count == 1)
            let bad = try luodi(["report", "file", "--project", "JM-02", "--period", "2021-03", "--narrative", "x", "--by", "建设局",
                                 "--photo", "fake.jpg", "--data-dir", "photos"], in: dir)
            #expect(bad.status != 0 && bad.stderr.contains("'fake.jpg' is not a JPEG, PNG or WebP image"))
            // A closed period takes no photo, and the edit that came with it is not written either.
            #expect(try luodi(["report", "close", "--period", "2021-03", "--by", "办公室"], in: dir).status == 0)
            let late = try luodi(["report", "file", "--project", "JM-01", "--period", "2021-03", "--narrative", "改", "--by", "招商一局", "--version", "1",
                                  "--reason", "补照片", "--photo", "site.png", "--data-dir", "photos"], in: dir)
            #expect(late.status == 1 && late.stderr.contains("period 2021-03 is closed; its reports take no more photos"))
            #expect(try luodi(["report", "list", "--period", "2021-03"], in: dir).stdout.contains("主体施工"))
            // Nothing was filed for JM-02: the photo is checked before the report is written.
            #expect(!(try luodi(["report", "list", "--period", "2021-03"], in: dir).stdout.contains("城市道路提升工程\t已报送")))
        }
    }

    @Test func aProblemIsRaisedEscalatedAndClosedFromTheCommandLine() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let raised = try luodi(["problems", "raise", "--project", "JM-02", "--title", "征地拆迁", "--owner", "自然资源局", "--deadline", "2021-06-10",
                                    "--by", "王", "--on", "2021-06-01"], in: dir)
            #expect(raised.status == 0 && raised.stdout.hasPrefix("problem "), "\(raised.stderr)")
            let id = String(raised.stdout.dropFirst("problem ".count).prefix(36))
            let noPlan = try luodi(["problems", "act", id, "--action", "escalate", "--by", "主任", "--on", "2021-06-11", "--deadline", "2021-06-20"], in: dir)
            #expect(noPlan.status == 1 && noPlan.stderr.contains("rectificationPlan:"))
            let up = try luodi(["problems", "act", id, "--action", "escalate", "--by", "主任", "--on", "2021-06-11", "--deadline", "2021-06-20", "--plan", "区里协调"], in: dir)
            #expect(up.stdout == "problem \(id): open, district level\n", "\(up.stderr)")
            // Overdue order on 30 June: the list shows it; the default subcommand is the list.
            #expect(try luodi(["problems", "--as-of", "2021-06-30", "--view", "overdue"], in: dir).stdout
                    == "2021-06-10 逾期\t征地拆迁\t城市道路提升工程\t自然资源局\t待办\t区(市)\t督办 区(市) 2021-06-20\n")
            #expect(try luodi(["problems", "act", id, "--action", "resolve", "--by", "自然资源局", "--on", "2021-06-25"], in: dir).status == 0)
            let noNote = try luodi(["problems", "act", id, "--action", "close", "--by", "主任", "--on", "2021-06-28"], in: dir)
            #expect(noNote.status == 1 && noNote.stderr.contains("note:"))
            let closed = try luodi(["problems", "act", id, "--action", "close", "--by", "主任", "--on", "2021-06-28", "--note", "协议已签"], in: dir)
            #expect(closed.stdout == "problem \(id): closed, district level\n")
        }
    }

    @Test func theAuditLogIsPrintedAsText() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            #expect(try luodi(["problems", "raise", "--project", "JM-02", "--title", "征地", "--owner", "自然资源局", "--deadline", "2021-06-10", "--by", "王", "--on", "2021-06-01"], in: dir).status == 0)
            let all = try luodi(["audit"], in: dir).stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
            // Latest first: the problem raised by 王 on 城市道路提升工程, then the import.
            #expect(all.map { "\($0[1]) \($0[2]) \($0[3]) \($0[5])" } == ["王 城市道路提升工程 problem raise", "—  import apply"])
            #expect(try luodi(["audit", "--by", "王"], in: dir).stdout.split(separator: "\n").count == 1)
            #expect(try luodi(["audit", "--project", "JM-01"], in: dir).stdout.isEmpty)
        }
    }

    @Test func accountsTokensAndDeletionFromTheCommandLine() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            // The first administrator, with a one-time password printed once
            let admin = try luodi(["user", "add", "boss", "--name", "王主任", "--admin"], in: dir)
            #expect(admin.status == 0 && admin.stdout.contains("Created administrator boss (王主任)."))
            let password = admin.stdout.components(separatedBy: "One-time password: ").last?.prefix(16) ?? ""
            #expect(password.count == 16 && password.allSatisfy { $0.isLetter || $0.isNumber })
            // An officer needs a zone and a department; the error names the field and changes nothing
            let refused = try luodi(["user", "add", "li", "--role", "departmentOfficer", "--zone", "测试开发区"], in: dir)
            #expect(refused.status == 1 && refused.stderr.contains("department: a department officer answers for one department"))
            #expect(try luodi(["user", "add", "li", "--name", "李", "--role", "departmentOfficer", "--zone", "测试开发区", "--department", "招商一局"], in: dir).status == 0)
            let list = try luodi(["user"], in: dir).stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
            #expect(list.dropFirst().map { $0[0] + " " + $0[2] + " " + $0[3] } == ["boss administrator (all)", "li departmentOfficer 测试开发区"])
            #expect(try luodi(["user", "set", "li", "--disable"], in: dir).stdout == "li: departmentOfficer, disabled\n")
            #expect(try luodi(["user", "set", "boss", "--role", "viewer", "--zone", "测试开发区"], in: dir).stderr.contains("no enabled administrator"))
            // A token, printed once, listed without its secret
            let token = try luodi(["token", "create", "--user", "boss", "--name", "周报"], in: dir)
            #expect(token.status == 0 && token.stdout.split(separator: "\n").last?.hasPrefix("luodi_") == true)
            #expect(try luodi(["token", "--user", "boss"], in: dir).stdout.contains("\t周报\t") )
            // Deleting a project keeps it: listed as deleted, restored as it was
            #expect(try luodi(["project", "delete", "JM-02", "--by", "王主任"], in: dir).stdout.contains("Deleted JM-02 城市道路提升工程"))
            #expect(try luodi(["project", "deleted"], in: dir).stdout.hasPrefix("JM-02\t城市道路提升工程\t"))
            #expect(try luodi(["status"], in: dir).stdout.contains("Projects 1   milestones 2"))
            #expect(try luodi(["project", "restore", "JM-02"], in: dir).stdout == "Restored JM-02 城市道路提升工程.\n")
            #expect(try luodi(["status"], in: dir).stdout.contains("Projects 2   milestones 2"))
            #expect(try luodi(["project", "deleted"], in: dir).stdout.isEmpty)
        }
    }

    @Test func aLeadIsRecordedMovedAndCountedFromTheCommandLine() throws {
        try withDirectory { dir in
            try Data(templateCSV.utf8).write(to: dir.appendingPathComponent("good.csv"))
            #expect(try luodi(["import", "good.csv", "--zone", "测试开发区"], in: dir).status == 0)
            let added = try luodi(["lead", "add", "--title", "锂电池隔膜项目", "--investor", "恩捷股份", "--channel", "fair", "--amount", "5000万美元",
                                   "--owner", "招商一局", "--on", "2021-01-05", "--by", "王"], in: dir)
            #expect(added.status == 0 && added.stdout.hasPrefix("Recorded lead "))
            #expect(try luodi(["lead", "move", "锂电池隔膜项目", "--to", "negotiating", "--on", "2021-02-01", "--by", "王"], in: dir).status == 0)
            let back = try luodi(["lead", "move", "锂电池隔膜项目", "--to", "lead", "--on", "2021-02-02", "--by", "王"], in: dir)
            #expect(back.status == 1 && back.stderr.contains("goes backwards; give a reason"))
            let signed = try luodi(["lead", "move", "锂电池隔膜项目", "--to", "signed", "--on", "2021-03-15", "--by", "王"], in: dir)
            #expect(signed.stdout.hasPrefix("锂电池隔膜项目: signed; key project "))
            let list = try luodi(["lead"], in: dir).stdout.split(separator: "\t").map(String.init)
            #expect(list.dropFirst().prefix(4) == ["锂电池隔膜项目", "恩捷股份", "signed", "招商一局"] && list.last?.hasPrefix("lead-") == true)
            // The funnel of 2021, as the API gives it: one lead through signed, 27 and 42 days, 50,000,000 dollars intended
            let json = try luodi(["report", "funnel", "--from", "2021-01-01", "--to", "2021-12-31", "--format", "json"], in: dir).stdout
            let funnel = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            let stages = try #require(funnel?["stages"] as? [[String: Any]])
            #expect(stages.map { $0["count"] as? Int } == [1, 1, 1, 0, 0, 0, 0] && stages[0]["dwellDaysMedian"] as? Double == 27 && stages[1]["dwellDaysP90"] as? Int == 42)
            #expect((stages[0]["amount"] as? [[String: Any]])?.first?["minorUnits"] as? Int == 5_000_000_000)
            let table = try luodi(["report", "funnel", "--from", "2021-01-01", "--to", "2021-12-31", "--lang", "en"], in: dir).stdout
            #expect(table.contains("Signed\t1\tUSD 50000000.00\t0.00\t\t\n") && table.contains("2021-Q1\t1\t0\t0.00\n"))
        }
    }
}
