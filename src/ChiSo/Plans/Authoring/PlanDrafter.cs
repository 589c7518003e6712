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

/// <summary>
/// What the coordinator asks for when drafting from the gaps. <paramref name="ResultYear"/> null means the latest
/// year with results of the index for the province; <paramref name="WeakestCount"/> is the number of weak dimensions.
/// </summary>
public sealed record DraftRequest(int ProvinceId, string Family, int? ResultYear, int PlanYear, int WeakestCount = WeakAreaRule.DefaultDimensions);

/// <summary>
/// Drafts a plan from a province's gap analysis. <see cref="WeakAreaRule"/> picks the weak dimensions and their
/// weakest sub-dimensions (or criteria); each weak dimension becomes a task group with section II's assessment, each
/// sub-area gets the typical tasks of the library, linked to related nodes of other indices. The introduction names
/// the same dimensions, so the plan never contradicts itself or the overview. The coordinator then edits the draft
/// like any plan.
/// </summary>
public sealed class PlanDrafter(ChiSoDbContext db, AnalysisService analysis, ResultsQueries results, PlanService plans, LegalGroundService grounds,
    Review.CarryOverProposals carryOver)
{
    public async Task<Outcome<int>> DraftAsync(DraftRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        var province = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == request.ProvinceId && u.Kind == UnitKind.Province, cancellationToken);
        if (province is null)
        {
            return Problem.NotFound("Không tìm thấy tỉnh.", "The province was not found.") with { Field = "province" };
        }

        var index = IndexLabel(request.Family);
        var latest = await LatestResultYearAsync(province.Id, request.Family, request.PlanYear, cancellationToken);
        var year = request.ResultYear ?? latest;
        var framework = year is { } y ? await results.FrameworkForYearAsync(request.Family, y, cancellationToken) : null;
        var profile = framework is null ? null : await analysis.YearProfileAsync(province.Id, request.Family, year!.Value, cancellationToken);
        if (year is null || framework is null || profile is null || !profile.Scored)
        {
            return NoResults(index, InSentence(province.FullName), request.ResultYear, latest);
        }

        var resultYear = year.Value;
        var tree = new FrameworkTree(framework);
        var weak = WeakAreaRule.Pick(profile, tree, request.WeakestCount);
        var templates = await db.TaskTemplates.AsNoTracking().Where(t => t.Family == request.Family).ToListAsync(cancellationToken);
        var resolver = await AssigneeResolver.LoadAsync(db, province.Id, new DateOnly(request.PlanYear, 1, 1), cancellationToken);
        var related = await RelatedNodesAsync(resultYear, cancellationToken);
        var header = await BlankHeaderAsync(province, request.Family, request.PlanYear, cancellationToken);
        var facts = await FactsAsync(province, request, resultYear, profile, weak, header.Title, cancellationToken);

        var groups = new List<TaskGroupInput>();
        var tasks = new List<TaskInput>();
        foreach (var area in weak.Areas.OrderBy(a => a.Dimension.Node, NodeCodeComparer.Instance))
        {
            var dimension = area.Dimension;
            groups.Add(new TaskGroupInput(dimension.Node, dimension.NameVi, DraftTexts.Assessment(facts, area)));
            var number = 0;
            foreach (var gap in area.Targets.OrderBy(l => l.Node, NodeCodeComparer.Instance))
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
                        Code = $"{dimension.Node}.{++number}",
                        GroupCode = dimension.Node,
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

        var shortName = ShortName(request.Family);
        header = header with
        {
            ResultYear = resultYear,
            Preamble = DraftTexts.Introduction(facts),
            Purposes = $"Khắc phục những nội dung còn hạn chế của {shortName} năm {resultYear}; xác định rõ nhiệm vụ, giải pháp, đơn vị chủ trì và thời hạn thực hiện.\nNâng cao trách nhiệm người đứng đầu các cơ quan, đơn vị, địa phương trong việc cải thiện {shortName}.",
            Requirements = "Các nhiệm vụ phải cụ thể, khả thi, gắn với chức năng, nhiệm vụ của từng cơ quan, đơn vị.\nĐịnh kỳ báo cáo kết quả thực hiện theo quý, 6 tháng, 9 tháng và năm.",
            Implementation = "Các sở, ban, ngành và Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ được giao tại Phụ lục xây dựng kế hoạch cụ thể để triển khai thực hiện.\nSở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
            Funding = "Kinh phí thực hiện bố trí trong dự toán ngân sách được giao hằng năm của các cơ quan, đơn vị theo phân cấp hiện hành.",
        };

        // Last year's plan's tasks that did not work (its year in review) come back flagged, for the coordinator to decide on.
        var carried = await carryOver.ForDraftAsync(province.Id, request.Family, request.PlanYear, cancellationToken);
        (groups, tasks) = carried.Apply(groups, tasks);
        return await plans.CreateAsync(province.Id, header, groups, tasks, actor, cancellationToken);
    }

    /// <summary>The weak areas a draft of this province and year would cover, by the same rule (for pages that show them before drafting).</summary>
    public async Task<WeakAreas> WeakAreasAsync(int provinceId, string family, int year, int dimensions = WeakAreaRule.DefaultDimensions,
        CancellationToken cancellationToken = default)
    {
        var framework = await results.FrameworkForYearAsync(family, year, cancellationToken);
        var profile = framework is null ? null : await analysis.YearProfileAsync(provinceId, family, year, cancellationToken);
        return framework is null ? WeakAreas.None : WeakAreaRule.Pick(profile, new FrameworkTree(framework), dimensions);
    }

    /// <summary>
    /// The latest year in which the province is scored in a current import of the family, or null; before
    /// <paramref name="planYear"/> when given, since a plan answers earlier results (a 2026 plan never the 2026 results,
    /// which are what its year in review compares against).
    /// </summary>
    public async Task<int?> LatestResultYearAsync(int provinceId, string family, int? planYear = null, CancellationToken cancellationToken = default)
    {
        var frameworks = db.Frameworks.Where(f => f.Family == family).Select(f => f.Id);
        var before = planYear ?? int.MaxValue;
        return await db.ResultImports.AsNoTracking()
            .Where(r => r.IsCurrent && r.Year < before && frameworks.Contains(r.FrameworkId) && r.Units.Any(u => u.UnitId == provinceId && u.Scored))
            .Select(r => (int?)r.Year)
            .MaxAsync(cancellationToken);
    }

    /// <summary>A header for a new plan with the usual legal grounds of the index and the decision's usual proposal.</summary>
    public async Task<PlanHeaderInput> BlankHeaderAsync(Unit province, string family, int year, CancellationToken cancellationToken = default) =>
        BlankHeader(province, family, year) with { LegalGrounds = await grounds.TextForAsync(family, cancellationToken) };

    private static Problem NoResults(string index, string province, int? asked, int? latest)
    {
        var (vi, en) = (asked, latest) switch
        {
            ({ } a, { } l) => ($"Chưa có kết quả {index} năm {a} của {province}. Năm gần nhất có kết quả: {l}.",
                $"There are no {index} {a} results for {province}. The latest year with results is {l}."),
            ({ } a, null) => ($"Chưa có kết quả {index} năm {a} của {province}, và chưa có năm nào khác.", $"There are no {index} {a} results for {province}, nor any other year."),
            _ => ($"Chưa có kết quả {index} nào của {province} để lập dự thảo; hãy nhập kết quả trước.", $"There are no {index} results for {province} to draft from; import results first."),
        };
        return Problem.Invalid("resultYear", vi, en);
    }

    /// <summary>Last year's scores of the same unit, to say what changed; a merged province has no row of its own before 2025.</summary>
    private async Task<DraftTexts.Facts> FactsAsync(Unit province, DraftRequest request, int year, UnitProfile profile, WeakAreas weak, string title,
        CancellationToken cancellationToken)
    {
        var previous = await analysis.TableAsync(request.Family, year - 1, cancellationToken);
        var row = previous?.Row(province.Id);
        var scores = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var maxima = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        if (previous is not null && row is { Scored: true })
        {
            foreach (var node in previous.Columns)
            {
                if (row.Cell(node.Code)?.Score is { } score)
                {
                    scores[node.Code] = score;
                    maxima[node.Code] = node.Max;
                }
            }
        }

        return new DraftTexts.Facts(InSentence(province.FullName), IndexLabel(request.Family), request.Family, year, request.PlanYear, profile, weak,
            scores, maxima, row?.Aggregate?.Rank, title);
    }

    private static string IndexLabel(string family) => IndexFamilies.ProseName(family);

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
        // Printed only when the plan is issued by a decision; the blanks are the clerk's, as on the number line.
        Proposal = "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …/TTr-SNV ngày … tháng … năm ….",
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

    private static string ShortName(string family) => IndexFamilies.TitleName(family);

    private static string Parent(string code) => code.Contains('.', StringComparison.Ordinal) ? code[..code.LastIndexOf('.')] : code;

    private static IEnumerable<string> Split(string? list) =>
        (list ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
