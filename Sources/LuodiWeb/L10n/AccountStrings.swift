import LuodiCore

/// The strings of sign-in, the own-account page and the account administration, part of `Strings`.
public struct AccountStrings: Sendable {
    let signIn: String
    let signOut: String
    let login: String
    let password: String
    let signInHelp: String
    let account: String
    let name: String
    let role: String
    let zone: String
    let allZones: String
    let department: String
    let enterprise: String
    let changePassword: String
    let currentPassword: String
    let newPassword: String
    let repeatPassword: String
    let passwordsDiffer: String
    let mustChange: String
    let passwordChanged: String
    let tokens: String
    let tokensHelp: String
    let tokenName: String
    let createToken: String
    let tokenCreated: String
    let revoke: String
    let revoked: String
    let created: String
    let noTokens: String
    let users: String
    let addUser: String
    let save: String
    let disabled: String
    let oneTimePassword: @Sendable (String, String) -> String
    let resetPassword: String
    let roleName: @Sendable (Role) -> String
    let matrixHelp: String
}

extension AccountStrings {
    static let zhHans = AccountStrings(
        signIn: "登录", signOut: "退出", login: "账号", password: "密码",
        signInHelp: "同一账号 15 分钟内连续 5 次、同一地址 20 次登录失败后暂停登录 15 分钟。",
        account: "我的账号", name: "姓名", role: "角色", zone: "功能区", allZones: "全部功能区", department: "责任单位", enterprise: "企业",
        changePassword: "修改密码", currentPassword: "当前密码", newPassword: "新密码(至少 10 位)", repeatPassword: "再次输入新密码",
        passwordsDiffer: "两次输入的新密码不一致", mustChange: "这是一次性密码,请先设置自己的密码。", passwordChanged: "密码已修改,其他登录已退出。",
        tokens: "接口令牌", tokensHelp: "脚本调用 /api/v1 时在请求头写 Authorization: Bearer 令牌。令牌只显示一次,系统只保存其摘要。",
        tokenName: "用途", createToken: "生成令牌", tokenCreated: "新令牌(只显示这一次,请立即保存):", revoke: "撤销", revoked: "已撤销",
        created: "创建时间(UTC)", noTokens: "还没有令牌。",
        users: "账号管理", addUser: "新建账号", save: "保存", disabled: "停用",
        oneTimePassword: { "账号 \($0) 的一次性密码:\($1)(只显示这一次,首次登录须修改)" }, resetPassword: "重置密码",
        roleName: {
            switch $0 {
            case .administrator: return "系统管理员"
            case .leader: return "领导"
            case .departmentOfficer: return "部门责任人"
            case .enterpriseLiaison: return "企业联络员"
            case .viewer: return "查看人员"
            }
        },
        matrixHelp: "领导:查看本功能区、提出和督办问题、主持调度会;部门责任人:编辑本单位项目、报送、问题和目标数据;企业联络员:只看本企业项目并可提出问题;查看人员:只读本功能区。")
    static let en = AccountStrings(
        signIn: "Sign in", signOut: "Sign out", login: "Login", password: "Password",
        signInHelp: "After 5 refused sign-ins for one login, or 20 from one address, within 15 minutes, sign-in pauses for 15 minutes.",
        account: "My account", name: "Name", role: "Role", zone: "Zone", allZones: "All zones", department: "Department", enterprise: "Enterprise",
        changePassword: "Change password", currentPassword: "Current password", newPassword: "New password (10 characters or more)",
        repeatPassword: "New password again", passwordsDiffer: "The two new passwords differ", mustChange: "This is a one-time password: set your own first.",
        passwordChanged: "Password changed; your other sessions have ended.",
        tokens: "API tokens", tokensHelp: "Scripts calling /api/v1 send the header Authorization: Bearer TOKEN. A token is shown once; only its digest is stored.",
        tokenName: "Used for", createToken: "Create token", tokenCreated: "New token (shown this once only; save it now):", revoke: "Revoke", revoked: "Revoked",
        created: "Created (UTC)", noTokens: "No token yet.",
        users: "Accounts", addUser: "New account", save: "Save", disabled: "Disabled",
        oneTimePassword: { "One-time password of \($0): \($1) (shown this once; it must be changed at first sign-in)" }, resetPassword: "Reset password",
        roleName: {
            switch $0 {
            case .administrator: return "Administrator"
            case .leader: return "Leader"
            case .departmentOfficer: return "Department officer"
            case .enterpriseLiaison: return "Enterprise liaison"
            case .viewer: return "Viewer"
            }
        },
        matrixHelp: "Leader: reads its zone, raises and escalates problems, runs meetings. Department officer: edits its department's projects, reports, problems and figures. Enterprise liaison: sees only its enterprise's projects and raises problems on them. Viewer: reads its zone.")
}
