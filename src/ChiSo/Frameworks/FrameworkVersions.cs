namespace ChiSo.Frameworks;

/// <summary>Which version of an index applies to a result year.</summary>
public static class FrameworkVersions
{
    /// <summary>
    /// The version valid in <paramref name="year"/>: the named version when it is valid that year, otherwise the
    /// family's version for that year (results are always stored under the version valid in their year).
    /// </summary>
    public static Framework? ValidFor(IEnumerable<Framework> frameworks, string familyOrId, int year)
    {
        var list = frameworks as IReadOnlyCollection<Framework> ?? frameworks.ToList();
        var named = list.FirstOrDefault(f => string.Equals(f.Id, familyOrId, StringComparison.OrdinalIgnoreCase));
        if (named is not null && named.IsValidIn(year))
        {
            return named;
        }

        var family = named?.Family ?? familyOrId;
        return list.Where(f => string.Equals(f.Family, family, StringComparison.OrdinalIgnoreCase) && f.IsValidIn(year))
            .OrderByDescending(f => f.ValidFrom)
            .FirstOrDefault();
    }

    /// <summary>Two versions of one family cannot both apply to the same year.</summary>
    public static IReadOnlyList<ChiSo.Common.Problem> OverlapErrors(IEnumerable<Framework> existing, Framework candidate)
    {
        var errors = new List<ChiSo.Common.Problem>();
        foreach (var other in existing.Where(f => f.Family == candidate.Family && f.Id != candidate.Id))
        {
            var start = Math.Max(other.ValidFrom, candidate.ValidFrom);
            var end = Math.Min(other.ValidTo ?? int.MaxValue, candidate.ValidTo ?? int.MaxValue);
            if (start <= end)
            {
                errors.Add(DefinitionProblem.At(0, "validFrom",
                    $"Khoảng năm áp dụng trùng với phiên bản '{other.Id}' ({other.ValidFrom}–{other.ValidTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nay"}).",
                    $"The years overlap with version '{other.Id}' ({other.ValidFrom}–{other.ValidTo?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "now"})."));
            }
        }

        return errors;
    }
}
