namespace ChiSo.Plans.Authoring;

/// <summary>
/// Plan and task fields as the forms label them, in Vietnamese and English, so validation messages name the field
/// the user sees (the API also returns the field's key, e.g. <c>signerName</c> or <c>tasks[2].timeframeText</c>).
/// </summary>
internal static class PlanFieldNames
{
    private static readonly Dictionary<string, (string Vi, string En)> Names = new(StringComparer.Ordinal)
    {
        ["number"] = ("Số văn bản", "Number"),
        ["symbol"] = ("Ký hiệu", "Symbol"),
        ["parentBody"] = ("Cơ quan chủ quản", "Parent body"),
        ["issuingBody"] = ("Cơ quan ban hành", "Issuing body"),
        ["place"] = ("Địa danh", "Place"),
        ["title"] = ("Trích yếu", "Title"),
        ["frameworks"] = ("Chỉ số", "Indices"),
        ["preamble"] = ("Căn cứ", "Preamble"),
        ["purposes"] = ("Mục đích", "Purposes"),
        ["requirements"] = ("Yêu cầu", "Requirements"),
        ["implementation"] = ("Tổ chức thực hiện", "Organisation of implementation"),
        ["funding"] = ("Kinh phí", "Funding"),
        ["recipients"] = ("Nơi nhận", "Recipients"),
        ["signerOnBehalf"] = ("Thẩm quyền ký", "Signing on behalf"),
        ["signerDeputy"] = ("Ký thay", "Deputy line"),
        ["signerTitle"] = ("Chức vụ người ký", "Signer's title"),
        ["signerName"] = ("Người ký", "Signer"),
        ["reason"] = ("Lý do sửa đổi", "Reason for the amendment"),
        ["code"] = ("Mã (STT)", "Code"),
        ["groupCode"] = ("Mã nhóm", "Group code"),
        ["groupTitle"] = ("Tên nhóm", "Group title"),
        ["content"] = ("Nội dung nhiệm vụ", "Task"),
        ["targetText"] = ("Chỉ tiêu", "Target"),
        ["targetMetric"] = ("Thước đo chỉ tiêu", "Target metric"),
        ["targetUnit"] = ("Đơn vị tính", "Target unit"),
        ["targetValue"] = ("Giá trị chỉ tiêu", "Target value"),
        ["timeframeText"] = ("Thời gian thực hiện", "Timeframe"),
        ["expectedOutput"] = ("Kết quả, sản phẩm", "Expected output"),
        ["leads"] = ("Tên đơn vị chủ trì", "Lead's name"),
        ["partners"] = ("Tên đơn vị phối hợp", "Partner's name"),
        ["executings"] = ("Tên đơn vị thực hiện", "Executing unit's name"),
        ["nodes"] = ("Mã chỉ số phục vụ", "Index node code"),
    };

    public static bool IsKnown(string key) => Names.ContainsKey(key);

    /// <summary>The label of <paramref name="key"/> ("signerName" → "Người ký" / "Signer"); the key itself for a field not listed yet.</summary>
    public static (string Vi, string En) Of(string key) => Names.TryGetValue(key, out var name) ? name : (key, key);
}
