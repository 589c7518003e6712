using ChiSo.Data;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// Turns what a plan says about who does a task into registry entries. Plans name groups in many ways
/// ("UBND cấp xã", "UBND các xã, phường, thị trấn", "Các sở, ban, ngành tỉnh"), so those phrases are recognised
/// first; anything else is matched to the province's units by name in any spelling. A name that matches two
/// units is reported as ambiguous, never guessed.
/// </summary>
public sealed class AssigneeResolver
{
    private readonly Dictionary<int, Unit> _units;
    private readonly IReadOnlyList<UnitGroup> _groups;
    private readonly UnitNameMatcher _matcher;
    private readonly DateOnly _date;

    private AssigneeResolver(IReadOnlyList<Unit> units, IReadOnlyList<UnitGroup> groups, DateOnly date)
    {
        _units = units.ToDictionary(u => u.Id);
        _groups = groups;
        _matcher = new UnitNameMatcher(units, []);
        _date = date;
    }

    /// <summary>Loads the province's units valid at <paramref name="date"/> and its hand-made groups.</summary>
    public static async Task<AssigneeResolver> LoadAsync(ChiSoDbContext db, int provinceId, DateOnly date, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking()
            .InProvince(provinceId).ToListAsync(cancellationToken);
        var groups = await db.UnitGroups.AsNoTracking().Where(g => g.ProvinceId == provinceId).ToListAsync(cancellationToken);
        return new AssigneeResolver(units.Where(u => u.IsValidOn(date) && u.Kind != UnitKind.Province).ToList(), groups, date);
    }

    public Assignee Resolve(string text)
    {
        var clean = VietnameseText.Normalize(text).Trim().TrimEnd('.', ';', ',').Trim();
        if (clean.Length == 0)
        {
            return new Assignee(clean, null, null, null, []);
        }

        if (TryKey(clean) is { } keyed)
        {
            return keyed;
        }

        if (BuiltInGroupOf(clean) is { } builtIn)
        {
            var printed = clean == builtIn ? UnitGroups.BuiltIn.First(g => g.Id == builtIn).NameVi : clean;
            return new Assignee(printed, null, builtIn, null, []);
        }

        var folded = VietnameseText.Fold(clean);
        var group = _groups.FirstOrDefault(g => string.Equals(VietnameseText.Fold(g.Name), folded, StringComparison.Ordinal));
        if (group is not null)
        {
            return new Assignee(clean, null, null, group, []);
        }

        var name = StripLeadership(clean);
        var match = _matcher.Match(name, _date);
        if (!match.IsFound && !match.IsAmbiguous && ExpandAbbreviations(name) is var expanded && expanded != name)
        {
            match = _matcher.Match(expanded, _date);
        }

        return new Assignee(clean, match.Unit, null, null, match.Candidates);
    }

    private Assignee? TryKey(string text)
    {
        if (!AssigneeKey.TryParse(text, out var key))
        {
            return null;
        }

        switch (key.Kind)
        {
            case AssigneeKind.Unit:
                return _units.TryGetValue(key.Id, out var unit) ? new Assignee(unit.Name, unit, null, null, []) : new Assignee(text, null, null, null, []);
            case AssigneeKind.BuiltIn:
                var builtIn = UnitGroups.BuiltIn.FirstOrDefault(g => g.Id == key.BuiltIn);
                return builtIn.Id is null ? new Assignee(text, null, null, null, []) : new Assignee(builtIn.NameVi, null, builtIn.Id, null, []);
            default:
                var group = _groups.FirstOrDefault(g => g.Id == key.Id);
                return group is null ? new Assignee(text, null, null, null, []) : new Assignee(group.Name, null, null, group, []);
        }
    }

    /// <summary>"all-communes" / "all-departments" when the text names one of the built-in rule groups.</summary>
    public static string? BuiltInGroupOf(string text)
    {
        var f = " " + VietnameseText.Fold(text).Replace(",", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal) + " ";
        if (UnitGroups.BuiltIn.FirstOrDefault(g => g.Id == text.Trim()).Id is { } id)
        {
            return id;
        }

        string[] communePhrases = [" cap xa ", " cac xa ", " xa phuong ", " cac phuong xa "];
        string[] departmentPhrases = [" so ban nganh ", " cac so ", " co quan chuyen mon thuoc ubnd tinh ", " co quan chuyen mon thuoc uy ban nhan dan tinh "];
        if (communePhrases.Any(p => f.Contains(p, StringComparison.Ordinal)))
        {
            return UnitGroups.AllCommunes;
        }

        return departmentPhrases.Any(p => f.Contains(p, StringComparison.Ordinal)) ? UnitGroups.AllDepartments : null;
    }

    /// <summary>Plans abbreviate freely ("Văn phòng UBND tỉnh"); the registry spells names out.</summary>
    private static string ExpandAbbreviations(string text)
    {
        (string Short, string Long)[] abbreviations =
        [
            ("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân"), ("MTTQ", "Mặt trận Tổ quốc"), ("VN", "Việt Nam"),
            ("TN&MT", "Tài nguyên và Môi trường"), ("NN&MT", "Nông nghiệp và Môi trường"), ("KH&CN", "Khoa học và Công nghệ"),
            ("GD&ĐT", "Giáo dục và Đào tạo"), ("VH,TT&DL", "Văn hóa, Thể thao và Du lịch"),
        ];
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            foreach (var (shortForm, longForm) in abbreviations)
            {
                if (string.Equals(words[i], shortForm, StringComparison.OrdinalIgnoreCase))
                {
                    words[i] = longForm;
                }
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>"Lãnh đạo Sở Y tế", "Giám đốc Sở Y tế" assign the unit; the person is the unit's business.</summary>
    private static string StripLeadership(string text)
    {
        foreach (var prefix in new[] { "Lãnh đạo ", "Giám đốc ", "Thủ trưởng ", "Chủ tịch " })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return text[prefix.Length..];
            }
        }

        return text;
    }
}
