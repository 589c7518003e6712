using ChiSo.Web.Shared;

namespace ChiSo.Web.Pages.Audit;

/// <summary>
/// How the audit log names what happened, for inspectors: actions ("plan.issue" → "Ban hành kế hoạch"), the kinds of
/// record and the fields of old → new values, in Vietnamese and English. An action or field not listed here is
/// still shown, spelled out from its parts, so a new feature never hides its audit rows.
/// </summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, (string Vi, string En)> Subjects = new(StringComparer.Ordinal)
    {
        ["plan"] = ("Kế hoạch", "Plan"), ["task"] = ("Nhiệm vụ", "Task"), ["task-template"] = ("Nhiệm vụ mẫu", "Library task"),
        ["task-library"] = ("Thư viện nhiệm vụ", "Task library"), ["user"] = ("Tài khoản", "Account"), ["membership"] = ("Vai trò theo đơn vị", "Unit role"),
        ["api-token"] = ("Mã API", "API token"), ["framework"] = ("Khung chỉ số", "Framework"), ["results"] = ("Kết quả chỉ số", "Index results"),
        ["units"] = ("Danh mục đơn vị", "Unit registry"), ["unit"] = ("Đơn vị", "Unit"), ["unit-group"] = ("Nhóm đơn vị", "Unit group"),
        ["legal-ground"] = ("Căn cứ pháp lý", "Legal ground"), ["report"] = ("Báo cáo", "Report"), ["session"] = ("Phiên đăng nhập", "Session"),
    };

    private static readonly Dictionary<string, (string Vi, string En)> Verbs = new(StringComparer.Ordinal)
    {
        ["create"] = ("tạo mới", "created"), ["update"] = ("sửa", "changed"), ["delete"] = ("xóa", "deleted"), ["import"] = ("nhập", "imported"),
        ["replace"] = ("thay thế", "replaced"), ["seed"] = ("nạp sẵn", "seeded"), ["seed-provinces"] = ("nạp danh sách tỉnh", "provinces seeded"),
        ["issue"] = ("ban hành", "issued"), ["amend"] = ("mở sửa đổi", "amendment opened"), ["close"] = ("đóng", "closed"),
        ["tasks-add"] = ("thêm nhiệm vụ", "tasks added"), ["assign"] = ("giao đơn vị", "assigned"), ["lock"] = ("khóa", "locked"),
        ["unlock"] = ("mở khóa", "unlocked"), ["set-role"] = ("đổi vai trò", "role changed"), ["reset-password"] = ("đặt lại mật khẩu", "password reset"),
        ["change-password"] = ("đổi mật khẩu", "password changed"), ["invite"] = ("mời", "invited"), ["accept-invitation"] = ("nhận lời mời", "invitation accepted"),
        ["two-factor-on"] = ("bật xác thực hai lớp", "two-factor on"), ["two-factor-off"] = ("tắt xác thực hai lớp", "two-factor off"),
        ["grant"] = ("cấp", "granted"), ["revoke"] = ("thu hồi", "revoked"), ["ensure"] = ("bảo đảm có", "ensured"), ["copy"] = ("sao chép", "copied"),
        ["sign-out-everywhere"] = ("đăng xuất mọi nơi", "signed out everywhere"), ["submit"] = ("gửi", "submitted"), ["accept"] = ("tiếp nhận", "accepted"),
        ["return"] = ("trả lại", "returned"), ["reopen"] = ("mở lại", "reopened"), ["approve"] = ("duyệt", "approved"),
    };

    private static readonly Dictionary<string, (string Vi, string En)> Records = new(StringComparer.Ordinal)
    {
        ["Plan"] = ("Kế hoạch", "Plan"), ["PlanTask"] = ("Nhiệm vụ", "Task"), ["TaskTemplate"] = ("Nhiệm vụ mẫu", "Library task"),
        ["ChiSoUser"] = ("Tài khoản", "Account"), ["UnitMembership"] = ("Vai trò theo đơn vị", "Unit role"), ["ApiToken"] = ("Mã API", "API token"),
        ["Framework"] = ("Khung chỉ số", "Framework"), ["ResultImport"] = ("Lần nhập kết quả", "Results import"), ["Unit"] = ("Đơn vị", "Unit"),
        ["UnitGroup"] = ("Nhóm đơn vị", "Unit group"),
    };

    private static readonly Dictionary<string, (string Vi, string En)> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Title"] = ("Trích yếu", "Title"), ["Number"] = ("Số", "Number"), ["Symbol"] = ("Ký hiệu", "Symbol"), ["IssuedOn"] = ("Ngày ban hành", "Issued on"),
        ["IssuingBody"] = ("Cơ quan ban hành", "Issuing body"), ["ParentBody"] = ("Cơ quan chủ quản", "Parent body"), ["Place"] = ("Địa danh", "Place"),
        ["FromYear"] = ("Từ năm", "From year"), ["ToYear"] = ("Đến năm", "To year"), ["ResultYear"] = ("Năm kết quả", "Result year"),
        ["Frameworks"] = ("Chỉ số", "Indices"), ["DocumentType"] = ("Loại văn bản", "Document type"), ["Preamble"] = ("Căn cứ, mở đầu", "Preamble"),
        ["Purposes"] = ("Mục đích", "Purposes"), ["Requirements"] = ("Yêu cầu", "Requirements"), ["Implementation"] = ("Tổ chức thực hiện", "Implementation"),
        ["Funding"] = ("Kinh phí", "Funding"), ["Recipients"] = ("Nơi nhận", "Recipients"), ["SignerOnBehalf"] = ("Thẩm quyền ký", "Signing for"),
        ["SignerDeputy"] = ("Ký thay", "Signing as deputy"), ["SignerTitle"] = ("Chức vụ người ký", "Signer's title"), ["SignerName"] = ("Người ký", "Signer"),
        ["Amendment"] = ("Lần sửa đổi", "Amendment"), ["Tasks"] = ("Số nhiệm vụ", "Tasks"), ["Groups"] = ("Số nhóm", "Groups"), ["CopiedFrom"] = ("Sao chép từ kế hoạch", "Copied from plan"),
        ["Codes"] = ("Mã nhiệm vụ", "Task codes"), ["Code"] = ("Mã", "Code"), ["Content"] = ("Nội dung", "Content"), ["TargetText"] = ("Chỉ tiêu", "Target"),
        ["TargetValue"] = ("Giá trị chỉ tiêu", "Target value"), ["TimeframeText"] = ("Thời gian thực hiện", "Timeframe"), ["ExpectedOutput"] = ("Kết quả, sản phẩm", "Expected output"),
        ["Assignees"] = ("Đơn vị được giao", "Assignees"), ["Nodes"] = ("Chỉ số phục vụ", "Index nodes"), ["Reason"] = ("Lý do", "Reason"),
        ["Name"] = ("Tên", "Name"), ["Members"] = ("Đơn vị trong nhóm", "Members"), ["userName"] = ("Tên đăng nhập", "User name"), ["role"] = ("Vai trò", "Role"),
        ["roles"] = ("Vai trò", "Roles"), ["unit"] = ("Đơn vị", "Unit"), ["plan"] = ("Kế hoạch", "Plan"), ["locked"] = ("Khóa", "Locked"),
        ["framework"] = ("Khung chỉ số", "Framework"), ["year"] = ("Năm", "Year"), ["Version"] = ("Phiên bản", "Version"), ["file"] = ("Tệp", "File"),
        ["units"] = ("Số đơn vị", "Units"), ["warnings"] = ("Số cảnh báo", "Warnings"), ["illustrative"] = ("Dữ liệu minh họa", "Illustrative"),
        ["replacedVersions"] = ("Thay các phiên bản", "Replaced versions"), ["nodes"] = ("Số nút chỉ số", "Nodes"), ["NameVi"] = ("Tên", "Name"),
        ["Family"] = ("Họ chỉ số", "Index family"), ["ValidFrom"] = ("Hiệu lực từ", "Valid from"), ["ValidTo"] = ("Hiệu lực đến", "Valid to"),
        ["scopes"] = ("Phạm vi", "Scopes"), ["expires"] = ("Hết hạn", "Expires"), ["owner"] = ("Chủ sở hữu", "Owner"), ["added"] = ("Thêm", "Added"),
        ["updated"] = ("Cập nhật", "Updated"), ["unchanged"] = ("Giữ nguyên", "Unchanged"), ["province"] = ("Tỉnh", "Province"), ["value"] = ("Giá trị", "Value"),
        ["NodeCode"] = ("Mã nội dung", "Node code"), ["ContentVi"] = ("Nội dung", "Content"), ["ContentEn"] = ("Nội dung (tiếng Anh)", "Content (English)"),
        ["Lead"] = ("Chủ trì", "Lead"), ["Partners"] = ("Phối hợp", "Partners"),
    };

    /// <summary>"Kế hoạch: ban hành"; an unknown action is spelled from its parts.</summary>
    public static string Action(string action, UiText t)
    {
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        var (subject, verb) = dot > 0 ? (action[..dot], action[(dot + 1)..]) : (action, "");
        var s = Subjects.TryGetValue(subject, out var sl) ? t[sl.Vi, sl.En] : subject;
        var v = Verbs.TryGetValue(verb, out var vl) ? t[vl.Vi, vl.En] : verb.Replace('-', ' ');
        return v.Length == 0 ? s : $"{s}: {v}";
    }

    public static string Record(string entityType, UiText t) => Records.TryGetValue(entityType, out var l) ? t[l.Vi, l.En] : entityType;

    /// <summary>A field's label; nested fields ("before.Name") by their last part.</summary>
    public static string Field(string field, UiText t)
    {
        var last = field[(field.LastIndexOf('.') + 1)..];
        return Fields.TryGetValue(field, out var l) || Fields.TryGetValue(last, out l) ? t[l.Vi, l.En] : last;
    }

    /// <summary>The kinds of record the log holds, for the filter, labelled.</summary>
    public static IEnumerable<(string Value, string Label)> RecordChoices(IEnumerable<string> types, UiText t) =>
        types.Select(type => (type, Record(type, t))).OrderBy(c => c.Item2, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true));
}
