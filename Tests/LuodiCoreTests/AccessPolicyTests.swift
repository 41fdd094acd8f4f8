import Testing
@testable import LuodiCore

/// The access rules, role by role, against the role descriptions of issue 5 (and the README's
/// matrix): each row written out by hand, not derived from the policy.
@Suite struct AccessPolicyTests {
    // A project of 招商一局 built by 比亚迪; the officer and liaison below are its own.
    let project = (department: Optional("招商一局"), enterprise: Optional("比亚迪"))
    let otherProject = (department: Optional("建设局"), enterprise: Optional("城投公司"))

    func principal(_ role: Role) -> Principal {
        Principal(role: role, department: role == .departmentOfficer ? "招商一局" : nil, enterprise: role == .enterpriseLiaison ? "比亚迪" : nil)
    }

    @Test(arguments: [
        // action, [administrator, leader, departmentOfficer, enterpriseLiaison, viewer] on its own project
        (AccessPolicy.Action.readZone, [true, true, true, false, true]),
        (.readProject, [true, true, true, true, true]),
        (.readAudit, [true, true, false, false, false]),
        (.editProject, [true, false, true, false, false]),
        (.raiseProblem, [true, true, true, true, false]),
        (.actOnProblem, [true, true, true, false, false]),
        (.runMeetings, [true, true, false, false, false]),
        (.administerZone, [true, false, false, false, false]),
        (.manageUsers, [true, false, false, false, false]),
    ])
    func onItsOwnProject(_ action: AccessPolicy.Action, _ expected: [Bool]) {
        let got = Role.allCases.map { AccessPolicy.allows(principal($0), action, project: project) }
        #expect(got == expected, "\(action)")
    }

    @Test(arguments: [
        // On another department's and enterprise's project, the officer and the liaison lose what was theirs.
        (AccessPolicy.Action.readProject, [true, true, true, false, true]),
        (.editProject, [true, false, false, false, false]),
        (.raiseProblem, [true, true, false, false, false]),
        (.actOnProblem, [true, true, false, false, false]),
    ])
    func onAnotherProject(_ action: AccessPolicy.Action, _ expected: [Bool]) {
        let got = Role.allCases.map { AccessPolicy.allows(principal($0), action, project: otherProject) }
        #expect(got == expected, "\(action)")
    }

    @Test func figuresAreRecordedByTheirOwnDepartment() {
        #expect(AccessPolicy.allows(principal(.departmentOfficer), .recordFigures, department: "招商一局"))
        #expect(AccessPolicy.allows(principal(.departmentOfficer), .recordFigures, department: " 招商一局 "))
        #expect(!AccessPolicy.allows(principal(.departmentOfficer), .recordFigures, department: "建设局"))
        #expect(!AccessPolicy.allows(principal(.leader), .recordFigures, department: "招商一局"))
        #expect(AccessPolicy.allows(principal(.administrator), .recordFigures, department: "建设局"))
    }

    @Test func anOfficerWithoutADepartmentOwnsNothing() {
        // A blank department must not match a project with a blank department.
        let officer = Principal(role: .departmentOfficer, department: "")
        #expect(!AccessPolicy.allows(officer, .editProject, project: (department: "", enterprise: nil)))
        #expect(!AccessPolicy.allows(officer, .editProject, project: (department: nil, enterprise: nil)))
    }

    @Test func whatARoleMayEverDo() {
        #expect(Role.allCases.filter { AccessPolicy.mayEver($0, .editProject) } == [.administrator, .departmentOfficer])
        #expect(Role.allCases.filter { AccessPolicy.mayEver($0, .readZone) } == [.administrator, .leader, .departmentOfficer, .viewer])
        #expect(Role.allCases.filter { AccessPolicy.mayEver($0, .raiseProblem) } == [.administrator, .leader, .departmentOfficer, .enterpriseLiaison])
    }
}
