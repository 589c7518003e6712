using ChiSo.Data;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Authoring;

/// <summary>
/// Turns what a plan says about who does a task into registry entries, as the registry stood at the plan's own date
/// (its issue date, or the start of its period): a 2021 plan names the districts and the departments of 2021. Plans
/// name groups in many ways ("UBND cấp xã", "UBND các huyện, thị xã", "Các sở, ban, ngành tỉnh"), so those phrases are
/// recognised first (<see cref="BuiltInGroupOf"/>); anything else is matched to the units of that date by name in any
/// spelling, then with its abbreviations spelled out (<see cref="UnitAbbreviations"/>). A name that matches two units
/// is reported as ambiguous, one that matches none comes with the closest entries to pick from; neither is guessed.
/// </summary>
public sealed class AssigneeResolver
{
    private readonly Dictionary<int, Unit> _units;
    private readonly IReadOnlyList<UnitGroup> _groups;
    private readonly UnitNameMatcher _matcher;
    private readonly RegistryScope _scope;
    // Built only when a name does not resolve: most plans never need it.
    private readonly Lazy<UnitCandidates> _candidates;
    private readonly UnitNameMatcher _ended;
    private readonly ILookup<int, int> _successors;

    private AssigneeResolver(IReadOnlyList<Unit> units, IReadOnlyList<UnitGroup> groups, RegistryScope scope, Ended ended)
    {
        _ended = new UnitNameMatcher(ended.Units, []);
        _successors = ended.Successors;
        _units = units.ToDictionary(u => u.Id);
        _groups = groups;
        _matcher = new UnitNameMatcher(units, []);
        _scope = scope;
        _candidates = new(() => new UnitCandidates(
        [
            .. UnitGroups.ValidOn(scope.Date).Select(AssigneeChoices.ForBuiltIn),
            .. groups.Select(AssigneeChoices.ForGroup),
            .. units.OrderBy(u => AssigneeChoices.Rank(u.Kind)).ThenBy(u => u.Name, VietnameseText.Comparer).Select(u => AssigneeChoices.ForUnit(u, scope.QualifierOf(u))),
        ]));
    }

    /// <summary>The registry names resolve against (province and date).</summary>
    public RegistryScope Scope => _scope;

    /// <summary>The date a plan's names resolve at: its issue date, else 1 January of its first year.</summary>
    public static DateOnly ReferenceDateOf(Plan plan) => plan.IssuedOn ?? new DateOnly(plan.FromYear, 1, 1);

    /// <summary>The resolver for a plan: its province as of its reference date, the predecessor its header names.</summary>
    public static async Task<AssigneeResolver> ForPlanAsync(ChiSoDbContext db, Plan plan, CancellationToken cancellationToken = default) =>
        await LoadAsync(db, await RegistryScope.ForAsync(db, plan.ProvinceId, ReferenceDateOf(plan), $"{plan.IssuingBody} {plan.Place}", cancellationToken), cancellationToken);

    /// <summary>Loads the province's units valid at <paramref name="date"/> (its predecessors' for a date before it existed) and its hand-made groups.</summary>
    public static async Task<AssigneeResolver> LoadAsync(ChiSoDbContext db, int provinceId, DateOnly date, CancellationToken cancellationToken = default) =>
        await LoadAsync(db, await RegistryScope.ForAsync(db, provinceId, date, cancellationToken: cancellationToken), cancellationToken);

    public static async Task<AssigneeResolver> LoadAsync(ChiSoDbContext db, RegistryScope scope, CancellationToken cancellationToken = default)
    {
        var units = await scope.UnitsAsync(db, cancellationToken);
        var groups = await db.UnitGroups.AsNoTracking().Where(g => g.ProvinceId == scope.ProvinceId).ToListAsync(cancellationToken);
        return new AssigneeResolver(units, groups.OrderBy(g => g.Name, VietnameseText.Comparer).ToList(), scope, await EndedAsync(db, scope, cancellationToken));
    }

    /// <summary>Units of the province (and its predecessors) that ended before the date and have successors, with those successors (main first).</summary>
    private sealed record Ended(IReadOnlyList<Unit> Units, ILookup<int, int> Successors);

    private static async Task<Ended> EndedAsync(ChiSoDbContext db, RegistryScope scope, CancellationToken cancellationToken)
    {
        var ids = await db.UnitPredecessors.AsNoTracking().Where(p => p.UnitId == scope.ProvinceId).Select(p => p.PredecessorId).ToListAsync(cancellationToken);
        ids.Add(scope.ProvinceId);
        var links = await db.UnitPredecessors.AsNoTracking()
            .Where(p => p.Predecessor!.Kind == UnitKind.Department && p.Predecessor.ParentId != null && ids.Contains(p.Predecessor.ParentId.Value))
            .Select(p => new { p.UnitId, p.PredecessorId, p.IsMainSuccessor, p.Predecessor })
            .ToListAsync(cancellationToken);
        var ended = links.Select(l => l.Predecessor!).Where(u => u.ValidTo is { } to && to < scope.Date).DistinctBy(u => u.Id).ToList();
        var successors = links.OrderByDescending(l => l.IsMainSuccessor).ToLookup(l => l.PredecessorId, l => l.UnitId);
        return new Ended(ended, successors);
    }

    /// <summary>
    /// For a name of a unit that had ended by the plan's date ("Sở KH&amp;ĐT" in a 2026 plan), the units that took it over
    /// and exist at that date, the main one first: the likeliest choice, still only offered.
    /// </summary>
    private List<AssigneeChoice> SuccessorsOf(string name)
    {
        var expanded = UnitAbbreviations.Expand(name);
        var match = new[] { name, TogglingProvince(name), expanded, TogglingProvince(expanded) }.OfType<string>()
            .Select(_ended.MatchAnyEra).FirstOrDefault(m => m.IsFound || m.IsAmbiguous);
        var choices = new List<AssigneeChoice>();
        foreach (var old in match?.Candidates ?? [])
        {
            var frontier = new Queue<int>(_successors[old.Id]);
            var seen = new HashSet<int>();
            while (frontier.TryDequeue(out var id))
            {
                if (!seen.Add(id))
                {
                    continue;
                }

                if (_units.TryGetValue(id, out var successor))
                {
                    var choice = AssigneeChoices.ForUnit(successor);
                    choices.Add(choice with { Label = $"{choice.Label} (kế thừa {old.Name})" });
                }
                else
                {
                    foreach (var next in _successors[id])
                    {
                        frontier.Enqueue(next);
                    }
                }
            }
        }

        return choices.DistinctBy(c => c.Key).ToList();
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
            var printed = clean == builtIn ? UnitGroups.Find(builtIn)!.NameVi : clean;
            return BuiltInAt(builtIn, printed);
        }

        var folded = VietnameseText.Fold(clean);
        var group = _groups.FirstOrDefault(g => string.Equals(VietnameseText.Fold(g.Name), folded, StringComparison.Ordinal));
        if (group is not null)
        {
            return new Assignee(clean, null, null, group, []);
        }

        var match = MatchName(StripLeadership(clean));
        if (match.IsFound)
        {
            return new Assignee(clean, match.Unit, null, null, match.Candidates);
        }

        var suggestions = match.IsAmbiguous
            ? match.Candidates.Select(u => AssigneeChoices.ForUnit(u, _scope.QualifierOf(u) ?? QualifierForSameNames(u, match.Candidates))).ToList()
            : SuccessorsOf(StripLeadership(clean)) is { Count: > 0 } successors
                ? [.. successors, .. _candidates.Value.Closest(StripLeadership(clean)).Where(c => successors.All(s => s.Key != c.Key))]
                : _candidates.Value.Closest(StripLeadership(clean));
        return new Assignee(clean, null, null, null, match.Candidates, suggestions);
    }

    /// <summary>A built-in group at the plan's date: resolved, or refused when it cannot exist then ("UBND cấp huyện" in 2026).</summary>
    private Assignee BuiltInAt(string builtIn, string printed)
    {
        if (UnitGroups.Refusal(builtIn, _scope.Date, printed) is { } refusal)
        {
            var instead = UnitGroups.ValidOn(_scope.Date).Where(g => g.Id == UnitGroups.AllCommunes).Select(AssigneeChoices.ForBuiltIn).ToList();
            return new Assignee(printed, null, null, null, [], instead, refusal);
        }

        return new Assignee(printed, null, builtIn, null, []);
    }

    /// <summary>The name as written, then with "tỉnh" added or dropped, then with its abbreviations spelled out (and the same).</summary>
    private UnitMatch MatchName(string name)
    {
        var expanded = UnitAbbreviations.Expand(name);
        foreach (var variant in new[] { name, TogglingProvince(name), expanded, TogglingProvince(expanded) }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var match = _matcher.Match(variant, _scope.Date);
            if (match.IsFound || match.IsAmbiguous)
            {
                return match;
            }
        }

        return UnitMatch.NotFound;
    }

    /// <summary>"Thanh tra" ↔ "Thanh tra tỉnh": plans add or drop the level word that the registry's name has or lacks.</summary>
    private static string? TogglingProvince(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var folded = VietnameseText.Fold(name);
        return folded.EndsWith(" tinh", StringComparison.Ordinal) ? folded[..^" tinh".Length] : folded + " tinh";
    }

    /// <summary>Two same-named units of one province (rare) are told apart by their parent.</summary>
    private static string? QualifierForSameNames(Unit unit, IReadOnlyList<Unit> candidates) =>
        candidates.Count(c => c.Name == unit.Name) > 1 ? unit.Parent?.Name : null;

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
                return UnitGroups.Find(key.BuiltIn) is { } builtIn ? BuiltInAt(builtIn.Id, builtIn.NameVi) : new Assignee(text, null, null, null, []);
            default:
                var group = _groups.FirstOrDefault(g => g.Id == key.Id);
                return group is null ? new Assignee(text, null, null, null, []) : new Assignee(group.Name, null, null, group, []);
        }
    }

    // The phrases that name a built-in group, folded, after any leading person ("Chủ tịch", "Thủ trưởng") and "UBND".
    private static readonly (string Group, string[] Phrases)[] GroupPhrases =
    [
        (UnitGroups.AllDistricts,
        [
            "cap huyen", "cac huyen", "cac huyen thi xa", "cac huyen thi xa thanh pho", "huyen thi xa thanh pho", "cac huyen thanh pho", "huyen thanh pho",
            "cac huyen thi", "cac huyen thi thanh pho", "cac huyen thi xa thanh pho truc thuoc tinh", "cac quan huyen", "cac quan huyen thi xa",
            "cac quan huyen thi xa thanh pho", "quan huyen thi xa thanh pho",
        ]),
        (UnitGroups.AllCommunes,
        [
            "cap xa", "cac xa", "cac xa phuong", "cac xa phuong thi tran", "xa phuong thi tran", "xa phuong", "cac phuong xa", "cac xa phuong dac khu",
            "xa phuong dac khu", "cac xa thi tran", "cap xa phuong",
        ]),
        (UnitGroups.AllDepartments,
        [
            "cac so ban nganh", "so ban nganh", "cac so nganh", "so nganh", "cac so", "cac ban nganh", "cac co quan chuyen mon thuoc ubnd tinh",
            "cac co quan chuyen mon thuoc uy ban nhan dan tinh", "cac co quan chuyen mon",
        ]),
        (UnitGroups.PublicServiceUnits,
        [
            "cac don vi su nghiep", "don vi su nghiep", "cac don vi su nghiep cong lap", "don vi su nghiep cong lap",
        ]),
        (UnitGroups.CentralAgencies,
        [
            "cac co quan trung uong", "co quan trung uong", "cac co quan trung uong dong tren dia ban tinh", "cac co quan trung uong dong tren dia ban",
            "cac co quan nganh doc", "cac co quan nganh doc trung uong", "cac co quan thuoc trung uong",
        ]),
    ];

    // What may follow a group phrase without changing who it means ("Các sở, ngành tỉnh", "… đóng trên địa bàn tỉnh").
    private static readonly string[] GroupSuffixes =
    [
        "", " tinh", " cua tinh", " thuoc tinh", " tren dia ban", " tren dia ban tinh", " dong tren dia ban", " dong tren dia ban tinh", " tai tinh",
        " truc thuoc", " truc thuoc tinh", " truc thuoc ubnd tinh", " thuoc ubnd tinh", " co lien quan", " lien quan", " tinh co lien quan", " tinh lien quan",
    ];

    private static readonly string[] PersonPrefixes = ["lanh dao ", "chu tich ", "thu truong ", "giam doc ", "nguoi dung dau "];

    /// <summary>
    /// The built-in group the text names ("UBND cấp huyện" → <see cref="UnitGroups.AllDistricts"/>, "Các sở, ban, ngành tỉnh"
    /// → <see cref="UnitGroups.AllDepartments"/>, "các đơn vị sự nghiệp" → <see cref="UnitGroups.PublicServiceUnits"/>), or
    /// null. The whole text must be the phrase: "Đài Phát thanh cấp huyện" or "Phòng Văn hóa cấp huyện" are bodies of each
    /// district, not the district People's Committees, so they are not read as a group. The one place these phrases live.
    /// </summary>
    public static string? BuiltInGroupOf(string text)
    {
        if (UnitGroups.Find(text) is { } byId)
        {
            return byId.Id;
        }

        var f = VietnameseText.Fold(text);
        foreach (var person in PersonPrefixes)
        {
            if (f.StartsWith(person, StringComparison.Ordinal))
            {
                f = f[person.Length..];
                break;
            }
        }

        foreach (var body in new[] { "ubnd ", "uy ban nhan dan " })
        {
            if (f.StartsWith(body, StringComparison.Ordinal))
            {
                f = f[body.Length..];
                break;
            }
        }

        foreach (var (group, phrases) in GroupPhrases)
        {
            if (phrases.Any(p => GroupSuffixes.Any(s => string.Equals(f, p + s, StringComparison.Ordinal))))
            {
                return group;
            }
        }

        return null;
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
