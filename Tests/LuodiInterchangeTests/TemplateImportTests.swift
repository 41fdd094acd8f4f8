import Foundation
import LuodiCore
import Testing
@testable import LuodiInterchange

@Suite struct TemplateImportTests {
    func plan(_ fixtureName: String, encoding: TextEncoding? = nil) throws -> ImportPlan {
        try ProjectListImporter.plan(data: try fixture(fixtureName), file: fixtureName,
                                     mapping: try BundledProfiles.named("luodi"), encoding: encoding)
    }

    @Test func readsChineseHeadersUnitsAndMilestones() throws {
        let p = try plan("template-zh.csv")
        #expect(p.encoding == .utf8)
        #expect(p.projects.count == 2 && p.milestoneCount == 2 && p.rowsRead == 3)

        let a = p.projects[0].project
        #expect(a.key == "JM-01" && a.name == "新能源汽车零部件产业园")
        #expect(a.projectCode?.value == "2021-370282-36-03-000101")
        #expect(a.category == .industrial && a.projectClass == .newStart && a.stage == .underConstruction)
        #expect(a.department == "招商一局" && a.responsibleLeader == "张三")
        // "50,000" in a 万元 column = 500,000,000 yuan; 12000 万 = 120,000,000; 3000 万 = 30,000,000.
        #expect(a.totalInvestment == cny(yuan: 500_000_000))
        #expect(a.annualPlannedInvestment == cny(yuan: 120_000_000))
        #expect(a.completedInvestment == cny(yuan: 30_000_000))
        #expect(a.statisticalEnrollment == date("2021-03-15"))
        #expect(a.plannedStart == date("2021-02-26") && a.plannedFinish == date("2022-12-31"))
        // The start milestone's actual date is the project's actual start.
        #expect(a.actualStart == date("2021-02-26"))
        let ms = p.projects[0].milestones
        #expect(ms.map(\.name) == ["开工", "主体封顶"] && ms.map(\.kind) == [.start, .toppingOut])
        #expect(ms[1].plannedFinish == date("2021-09-30") && ms[1].actualFinish == nil)

        let b = p.projects[1].project
        // A unit in the cell overrides the column's 万元: 8.5亿元 = 850,000,000 yuan; 2亿 = 200,000,000.
        #expect(b.totalInvestment == cny(yuan: 850_000_000) && b.annualPlannedInvestment == cny(yuan: 200_000_000))
        #expect(b.completedInvestment == nil && b.stage == nil && b.enterprise == nil)
        #expect(b.category == .infrastructure && b.projectClass == .continuing)
        #expect(b.plannedFinish == date("2021-06-30"))
    }

    @Test func detectsGB18030() throws {
        let gbk = try plan("template-gb18030.csv")
        #expect(gbk.encoding == .gb18030)
        #expect(gbk.projects == (try plan("template-zh.csv")).projects)
    }

    @Test func declaredUTF8RefusesGB18030Bytes() throws {
        let issues = try importIssues(try fixture("template-gb18030.csv"), file: "gbk.csv", encoding: .utf8)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("not valid UTF-8") == true)
        #expect(issues.first?.message.contains("--encoding gb18030") == true)
    }

    @Test func englishHeadersWork() throws {
        let text = """
        name,category,total_investment,planned_start,planned_finish
        Harbour road,infrastructure,1.5亿,2021-03-01,2021-12-31
        """
        let p = try ProjectListImporter.plan(data: Data(text.utf8), file: "en.csv", mapping: try BundledProfiles.named("luodi"))
        #expect(p.projects.count == 1)
        #expect(p.projects[0].project.key == "Harbour road")
        #expect(p.projects[0].project.totalInvestment == cny(yuan: 150_000_000))
    }
}
