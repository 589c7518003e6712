using ChiSo.Web.Pages.Plans;

namespace ChiSo.Web.Shared;

/// <summary>What the <c>_UnitPicker</c> partial shows: the field's id and name, the choices, what is chosen, one or many.</summary>
public sealed record UnitPickerModel(string Id, string Name, IReadOnlyList<AssigneeOption> Options, IReadOnlyCollection<string> Selected,
    bool Multiple = true, bool Required = false, string? DescribedBy = null);
