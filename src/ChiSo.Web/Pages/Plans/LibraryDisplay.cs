using ChiSo.Units;
using ChiSo.Web.Shared;

namespace ChiSo.Web.Pages.Plans;

/// <summary>
/// How the task library reads on its page: the plan year as "[năm]" (stored as the token <c>{year}</c>, which a
/// user should never have to type), built-in groups by their names rather than their keys ("all-communes").
/// </summary>
public static class LibraryDisplay
{
    public const string YearToken = "{year}";

    public static string? Text(string? text, UiText t) => text?.Replace(YearToken, t["[năm]", "[year]"], StringComparison.Ordinal);

    public static string? Lead(string? lead, UiText t) =>
        UnitGroups.BuiltIn.FirstOrDefault(g => g.Id == lead) is { Id: not null } group ? t[group.NameVi, group.NameEn] : lead;
}
