using System.Globalization;
using ChiSo.Analysis;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Plans.Library;
using ChiSo.Data;
using ChiSo.Frameworks;
using ChiSo.Results;
using ChiSo.Text;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans.Authoring;

/// <summary>What the coordinator asks for when drafting from the gaps.</summary>
public sealed record DraftRequest(int ProvinceId, string Family, int ResultYear, int PlanYear, int WeakestCount = 5);

/// <summary>
/// Drafts a plan from a province's gap analysis: the sub-dimensions (or criteria) furthest behind the best
/// province, each with the typical tasks of the library, grouped under their dimension, linked to related nodes
/// of other indices, and a preamble quoting the result. The coordinator then edits the draft like any plan.
/// </summary>
public sealed class PlanDrafter(ChiSoDbContext db, AnalysisService analysis, ResultsQueries results, PlanService plans)
{
    public async Task<Outcome<int>> DraftAsync(DraftRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var province = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.ProvinceId && u.Kind == UnitKind.Province, cancellationToken);
        var framework = await results.FrameworkForYearAsync(request.Family, request.ResultYear, cancellationToken);
        var profile = province is null ? null : await analysis.YearProfileAsync(province.Id, request.Family, request.ResultYear, cancellationToken);
        if (province is null || framework is null || profile is null || !profile.Scored)
        {
            return Problem.Invalid("resultYear", $"Chưa có kết quả {request.Family.ToUpperInvariant()} năm {request.ResultYear} của tỉnh này để lập dự thảo.",
                $"There are no {request.Family.ToUpperInvariant()} {request.ResultYear} results of this province to draft from.");
        }

        var tree = new FrameworkTree(framework);
        var weakest = profile.LostPoints
            .Where(l => tree.IsLeaf(l.Node) && l.Depth > 1)
            .Take(Math.Clamp(request.WeakestCount, 1, 20))
            .ToList();
        var templates = await db.TaskTemplates.AsNoTracking().Where(t => t.Family == request.Family).ToListAsync(cancellationToken);
        var resolver = await AssigneeResolver.LoadAsync(db, province.Id, new DateOnly(request.PlanYear, 1, 1), cancellationToken);
        var related = await RelatedNodesAsync(request.ResultYear, cancellationToken);

        var groups = new List<TaskGroupInput>();
        var tasks = new List<TaskInput>();
        foreach (var dimension in weakest.GroupBy(l => Parent(l.Node)).OrderBy(g => g.Key, NodeCodeComparer.Instance))
        {
            var dimensionNode = framework.Nodes.First(n => n.Code == dimension.Key);
            groups.Add(new TaskGroupInput(dimension.Key, dimensionNode.NameVi));
            var number = 0;
            foreach (var gap in dimension.OrderBy(l => l.Node, NodeCodeComparer.Instance))
            {
                var nodes = new List<NodeRef> { new(framework.Id, gap.Node) };
                nodes.AddRange(related(request.Family, gap.Node));
                var forNode = templates.Where(t => t.NodeCode == gap.Node).OrderBy(t => t.Id).ToList();
                if (forNode.Count == 0)
                {
                    forNode = [new TaskTemplate { Family = request.Family, NodeCode = gap.Node, ContentVi = $"Xây dựng giải pháp cải thiện nội dung “{gap.NameVi}”", Lead = UnitGroups.AllDepartments }];
                }

                foreach (var template in forNode)
                {
                    tasks.Add(new TaskInput
                    {
                        Code = $"{dimension.Key}.{++number}",
                        GroupCode = dimension.Key,
                        Content = template.ContentVi,
                        TargetText = template.TargetText,
                        TimeframeText = template.TimeframeText?.Replace("{year}", request.PlanYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
                        ExpectedOutput = template.ExpectedOutput,
                        Leads = [Lead(template.Lead, resolver)],
                        Partners = Split(template.Partners).Where(p => resolver.Resolve(p).IsResolved).ToList(),
                        Nodes = nodes,
                    });
                }
            }
        }

        var family = BuiltInFrameworks.Families.FirstOrDefault(f => f.Id == request.Family);
        var shortName = ShortName(request.Family);
        var header = BlankHeader(province, request.Family, request.PlanYear) with
        {
            ResultYear = request.ResultYear,
            Preamble = Preamble(province, profile, family?.NameVi ?? shortName, request.ResultYear),
            Purposes = $"Khắc phục những nội dung còn hạn chế của {shortName} năm {request.ResultYear}; xác định rõ nhiệm vụ, giải pháp, đơn vị chủ trì và thời hạn thực hiện.\nNâng cao trách nhiệm người đứng đầu các cơ quan, đơn vị, địa phương trong việc cải thiện {shortName}.",
            Requirements = "Các nhiệm vụ phải cụ thể, khả thi, gắn với chức năng, nhiệm vụ của từng cơ quan, đơn vị.\nĐịnh kỳ báo cáo kết quả thực hiện theo quý, 6 tháng, 9 tháng và năm.",
            Implementation = "Các sở, ban, ngành và Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao tại Phụ lục xây dựng kế hoạch cụ thể để triển khai thực hiện.\nSở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
            Funding = "Kinh phí thực hiện bố trí trong dự toán ngân sách được giao hằng năm của các cơ quan, đơn vị theo phân cấp hiện hành.",
            Recipients = "Như trên\nThường trực Tỉnh ủy\nThường trực HĐND tỉnh\nChủ tịch, các Phó Chủ tịch UBND tỉnh\nLưu: VT, NC",
        };

        return await plans.CreateAsync(province.Id, header, groups, tasks, actor, cancellationToken);
    }

    /// <summary>
    /// The header every new plan of a province starts from: the People's Committee issues it, a vice-chair signs for
    /// the chair, and the title names the index, the province and the year.
    /// </summary>
    public static PlanHeaderInput BlankHeader(Unit province, string family, int year) => new()
    {
        IssuingBody = $"Ủy ban nhân dân {InSentence(province.FullName)}",
        Place = province.Name,
        Title = $"Nâng cao {ShortName(family)} {InSentence(province.FullName)} năm {year}",
        FromYear = year,
        ToYear = year,
        Frameworks = [family],
        SignerOnBehalf = "TM. Ủy ban nhân dân",
        SignerDeputy = "KT. Chủ tịch",
        SignerTitle = "Phó Chủ tịch",
    };

    /// <summary>A unit's full name inside a sentence: "Tỉnh Lâm Đồng" → "tỉnh Lâm Đồng" (only the type word is lowered).</summary>
    public static string InSentence(string fullName) =>
        fullName.Length == 0 ? fullName : char.ToLower(fullName[0], VietnameseFormat.Culture) + fullName[1..];

    /// <summary>A lead the registry knows, else the built-in group of departments so the draft is complete; the coordinator refines it.</summary>
    private static string Lead(string? lead, AssigneeResolver resolver) =>
        !string.IsNullOrWhiteSpace(lead) && resolver.Resolve(lead).IsResolved ? lead : AssigneeKey.ForBuiltIn(UnitGroups.AllDepartments).ToString();

    private async Task<Func<string, string, IEnumerable<NodeRef>>> RelatedNodesAsync(int year, CancellationToken cancellationToken)
    {
        var frameworkIds = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var family in BuiltInFrameworks.Families.Select(f => f.Id))
        {
            frameworkIds[family] = (await results.FrameworkForYearAsync(family, year, cancellationToken))?.Id;
        }

        return (family, code) => NodeCrosswalk.Related(family, code)
            .Where(r => frameworkIds.GetValueOrDefault(r.Family) is not null)
            .Select(r => new NodeRef(frameworkIds[r.Family]!, r.Code));
    }

    private static string Preamble(Unit province, UnitProfile profile, string familyName, int year)
    {
        var score = profile.Aggregate?.Score is { } s ? VietnameseFormat.Number(s) : "—";
        var rank = profile.Aggregate?.Rank is { } r ? $", xếp thứ {r}/{profile.RankedCount} tỉnh, thành phố" : "";
        var weakest = string.Join("; ", profile.Dimensions.Where(d => d.Score is not null).OrderBy(d => d.Score!.Value / d.Max).Take(3)
            .Select(d => $"{d.NameVi} đạt {VietnameseFormat.Number(d.Score)}/{VietnameseFormat.Number(d.Max, 0)} điểm"));
        return $"Căn cứ kết quả {familyName} năm {year}, {InSentence(province.FullName)} đạt {score}/{VietnameseFormat.Number(profile.AggregateMax, 0)} điểm{rank}. " +
               $"Các nội dung còn thấp: {weakest}.";
    }

    private static string ShortName(string family) => family switch
    {
        "papi" => "Chỉ số PAPI",
        "par" => "Chỉ số cải cách hành chính (PAR Index)",
        "sipas" => "Chỉ số SIPAS",
        "pci" => "Chỉ số PCI",
        _ => family.ToUpperInvariant(),
    };

    private static string Parent(string code) => code.Contains('.', StringComparison.Ordinal) ? code[..code.LastIndexOf('.')] : code;

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
