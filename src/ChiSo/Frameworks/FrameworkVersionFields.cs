using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Text;

namespace ChiSo.Frameworks;

/// <summary>
/// What a CSV definition does not hold: the version's id, names, years and group rule, given beside the file
/// (query parameters of the API, fields of the import form).
/// </summary>
public sealed record FrameworkVersionFields(string? Id, string? Family, string? NameVi, string? NameEn, int? ValidFrom, int? ValidTo, string? GroupRule = null)
{
    /// <summary>A whole framework version from these fields and a CSV definition, or every error in either.</summary>
    public (Framework? Framework, IReadOnlyList<Problem> Errors) WithCsv(string csv) => WithFile(IntakeFile.FromText(csv, "definition.csv"));

    /// <summary>A whole framework version from these fields and a definition file (CSV or Excel), or why not.</summary>
    public (Framework? Framework, IReadOnlyList<Problem> Errors) WithFile(IntakeFile file, IntakeLimits? limits = null)
    {
        var errors = new List<Problem>();
        var id = Id?.Trim() ?? "";
        if (id.Length == 0)
        {
            errors.Add(DefinitionProblem.At(0, "id", "Nhập mã phiên bản (ví dụ par-2024).", "Enter the version id (e.g. par-2024)."));
        }

        if (string.IsNullOrWhiteSpace(NameVi))
        {
            errors.Add(DefinitionProblem.At(0, "nameVi", "Nhập tên tiếng Việt của phiên bản.", "Enter the Vietnamese name."));
        }

        if (ValidFrom is null)
        {
            errors.Add(DefinitionProblem.At(0, "validFrom", "Nhập năm bắt đầu áp dụng.", "Enter the first year the version applies to."));
        }

        if (GroupRule is not null and not (Frameworks.GroupRule.Quartiles or Frameworks.GroupRule.None))
        {
            errors.Add(DefinitionProblem.At(0, "groupRule", $"Quy tắc nhóm '{GroupRule}' không hợp lệ: dùng quartiles hoặc none.",
                $"Unknown group rule '{GroupRule}': use quartiles or none."));
        }

        var definition = FrameworkCsv.Read(file, id, limits);
        errors.AddRange(definition.Errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var nameVi = VietnameseText.Normalize(NameVi);
        return (new Framework
        {
            Id = id,
            Family = string.IsNullOrWhiteSpace(Family) ? FrameworkJson.FamilyOf(id) : Family.Trim(),
            NameVi = nameVi,
            NameEn = string.IsNullOrWhiteSpace(NameEn) ? nameVi : VietnameseText.Normalize(NameEn),
            ValidFrom = ValidFrom!.Value,
            ValidTo = ValidTo,
            GroupRule = GroupRule ?? Frameworks.GroupRule.Quartiles,
            Nodes = definition.Nodes.ToList(),
        }, []);
    }
}
