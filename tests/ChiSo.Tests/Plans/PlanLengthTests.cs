using System.Reflection;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Plans.Authoring;
using ChiSo.Plans.Issuing;
using ChiSo.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Tests.Plans;

/// <summary>
/// Every text of a plan's header and tasks is checked against its column before saving: PostgreSQL refuses a
/// varchar that is too long and SQLite stores it, and both must answer with the same message naming the field —
/// and a text exactly as long as its column must save on both, so the limits are the schema's.
/// </summary>
public sealed class PlanLengthTests
{
    private const char Letter = 'ạ';

    private static readonly PropertyInfo[] HeaderTexts = typeof(PlanHeaderInput).GetProperties().Where(p => p.PropertyType == typeof(string)).ToArray();

    private static string Key(string property) => string.Concat(char.ToLowerInvariant(property[0]).ToString(), property[1..]);

    private static PlanHeaderInput With(PlanHeaderInput header, PropertyInfo property, string value)
    {
        var copy = header with { };
        property.SetValue(copy, value);
        return copy;
    }

    [Fact]
    public void EveryLimitedHeaderAndTaskField_HasALabelInBothLanguages()
    {
        using var db = new ChiSoDbContext(ChiSoDbContextOptions.Build(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:")));
        var limits = PlanLimits.Of(db.Model);
        var limited = HeaderTexts.Where(p => limits.MaxLength<Plan>(p.Name) is not null).Select(p => Key(p.Name)).ToList();
        Assert.Contains("title", limited);
        Assert.All(limited, key => Assert.True(PlanFieldNames.IsKnown(key), $"No label for the header field '{key}'."));
        Assert.All(new[] { "code", "groupCode", "groupTitle", "targetMetric", "targetUnit", "timeframeText", "leads", "partners", "executings", "nodes", "reason" },
            key => Assert.True(PlanFieldNames.IsKnown(key), key));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Header_EachTextOverItsColumn_IsTheSameValidationMessageOnBothDatabases_AndAtItsLengthSaves(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        var checkedFields = 0;
        foreach (var property in HeaderTexts)
        {
            await using var db = database.CreateContext();
            if (PlanLimits.Of(db.Model).MaxLength<Plan>(property.Name) is not { } limit)
            {
                continue;
            }

            checkedFields++;
            var service = PlanFixtures.Service(db, database);
            var key = Key(property.Name);
            var tooLong = await service.CreateAsync(provinceId, With(PlanFixtures.Header(), property, new string(Letter, limit + 1)), [], [], PlanFixtures.Coordinator);
            var problem = Assert.Single(tooLong.Problems);
            Assert.Equal(key, problem.Field);
            Assert.Equal($"{PlanFieldNames.Of(key).Vi} dài quá {limit} ký tự (hiện có {limit + 1}).", problem.MessageVi);
            Assert.Equal($"{PlanFieldNames.Of(key).En} is longer than {limit} characters ({limit + 1}).", problem.MessageEn);

            var fits = await service.CreateAsync(provinceId, With(PlanFixtures.Header(), property, new string(Letter, limit)), [], [], PlanFixtures.Coordinator);
            Assert.True(fits.Succeeded, $"{key} at {limit}: {string.Join("; ", fits.Problems)}");
        }

        Assert.True(checkedFields >= 10, $"only {checkedFields} header fields have a limit");
        await using var read = database.CreateContext();
        Assert.Equal(checkedFields, await read.Plans.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Tasks_EachTextOverItsColumn_IsAValidationMessageNamingTaskAndField_AndNothingIsSaved(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var limits = PlanLimits.Of(db.Model);
        int Limit<T>(string property) => limits.MaxLength<T>(property)!.Value;
        string Long<T>(string property, int extra = 1) => new(Letter, Limit<T>(property) + extra);
        var task = PlanFixtures.Tasks[2];
        (string Field, TaskInput Task, int Limit)[] cases =
        [
            ("tasks[0].code", task with { Code = Long<PlanTask>(nameof(PlanTask.Code)) }, Limit<PlanTask>(nameof(PlanTask.Code))),
            ("tasks[0].groupCode", task with { GroupCode = Long<PlanTaskGroup>(nameof(PlanTaskGroup.Code)) }, Limit<PlanTaskGroup>(nameof(PlanTaskGroup.Code))),
            ("tasks[0].targetMetric", task with { TargetMetric = Long<PlanTask>(nameof(PlanTask.TargetMetric)) }, Limit<PlanTask>(nameof(PlanTask.TargetMetric))),
            ("tasks[0].targetUnit", task with { TargetUnit = Long<PlanTask>(nameof(PlanTask.TargetUnit)) }, Limit<PlanTask>(nameof(PlanTask.TargetUnit))),
            ("tasks[0].timeframeText", task with { TimeframeText = Long<PlanTask>(nameof(PlanTask.TimeframeText)) }, Limit<PlanTask>(nameof(PlanTask.TimeframeText))),
            ("tasks[0].partners", task with { Partners = ["Sở Nội vụ", Long<TaskAssignment>(nameof(TaskAssignment.Text))] }, Limit<TaskAssignment>(nameof(TaskAssignment.Text))),
            ("tasks[0].leads", task with { Leads = [Long<TaskAssignment>(nameof(TaskAssignment.Text))] }, Limit<TaskAssignment>(nameof(TaskAssignment.Text))),
            ("tasks[0].nodes", task with { Nodes = [new NodeRef("papi-2021", Long<TaskNodeLink>(nameof(TaskNodeLink.NodeCode)))] }, Limit<TaskNodeLink>(nameof(TaskNodeLink.NodeCode))),
        ];
        var service = PlanFixtures.Service(db, database);
        foreach (var (field, input, limit) in cases)
        {
            var result = await service.CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, [input], PlanFixtures.Coordinator);
            var problem = Assert.Single(result.Problems, p => p.Field == field && p.MessageVi.Contains("dài quá", StringComparison.Ordinal));
            Assert.Contains($"dài quá {limit} ký tự (hiện có {limit + 1})", problem.MessageVi, StringComparison.Ordinal);
            Assert.Contains($"is longer than {limit} characters", problem.MessageEn, StringComparison.Ordinal);
        }

        var timeframe = Assert.Single((await service.CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, [cases[4].Task], PlanFixtures.Coordinator)).Problems,
            p => p.Field == "tasks[0].timeframeText");
        Assert.Equal($"Nhiệm vụ 2.2: thời gian thực hiện dài quá {cases[4].Limit} ký tự (hiện có {cases[4].Limit + 1}).", timeframe.MessageVi);
        Assert.Equal($"Task 2.2: timeframe is longer than {cases[4].Limit} characters ({cases[4].Limit + 1}).", timeframe.MessageEn);

        var huge = await service.CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, [task with { TargetValue = "1000000000000000" }], PlanFixtures.Coordinator);
        Assert.Contains(huge.Problems, p => p.Field == "tasks[0].targetValue" && p.MessageVi.Contains("quá lớn", StringComparison.Ordinal));

        var longGroup = await service.CreateAsync(provinceId, PlanFixtures.Header(), [new("1", Long<PlanTaskGroup>(nameof(PlanTaskGroup.Title)))], [], PlanFixtures.Coordinator);
        Assert.Equal("groups[0].groupTitle", Assert.Single(longGroup.Problems).Field);

        await using var read = database.CreateContext();
        Assert.Equal(0, await read.Plans.CountAsync());

        // At their lengths the same texts save (PostgreSQL would refuse them if the limits were not the schema's).
        TaskInput fits = task with
        {
            TargetMetric = Long<PlanTask>(nameof(PlanTask.TargetMetric), 0), TargetUnit = Long<PlanTask>(nameof(PlanTask.TargetUnit), 0),
            Partners = ["Sở Nội vụ", Long<TaskAssignment>(nameof(TaskAssignment.Text), 0)],
        };
        var saved = await service.CreateAsync(provinceId, PlanFixtures.Header(), [new("2", Long<PlanTaskGroup>(nameof(PlanTaskGroup.Title), 0))], [fits], PlanFixtures.Coordinator);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task IssueNumberAndAmendmentReason_OverTheirColumns_AreValidationMessages(DatabaseProvider provider)
    {
        var (database, provinceId) = await PlanFixtures.SeededAsync(provider);
        await using var _ = database;
        await using var db = database.CreateContext();
        var limits = PlanLimits.Of(db.Model);
        var planId = (await PlanFixtures.Service(db, database).CreateAsync(provinceId, PlanFixtures.Header(), PlanFixtures.Groups, PlanFixtures.Tasks, PlanFixtures.Coordinator)).Value;
        var number = new string('9', limits.MaxLength<Plan>(nameof(Plan.Number))!.Value + 1);
        var refused = await PlanFixtures.IssueAsync(database, db, planId, number, new DateOnly(2026, 2, 1));
        Assert.Equal("number", Assert.Single(refused.Problems).Field);
        Assert.StartsWith("Số văn bản dài quá", refused.Problems[0].MessageVi, StringComparison.Ordinal);

        Assert.True((await PlanFixtures.IssueAsync(database, db, planId, "70", new DateOnly(2026, 2, 1))).Succeeded);
        var reason = new string(Letter, limits.MaxLength<PlanVersion>(nameof(PlanVersion.Reason))!.Value + 1);
        var amend = await database.Service<PlanIssuing>(db).OpenAmendmentAsync(planId, reason, PlanFixtures.Coordinator);
        Assert.Equal("reason", Assert.Single(amend.Problems).Field);
        Assert.StartsWith("Lý do sửa đổi dài quá", amend.Problems[0].MessageVi, StringComparison.Ordinal);
        await using var read = database.CreateContext();
        Assert.Equal(PlanStatus.Issued, (await read.Plans.SingleAsync(p => p.Id == planId)).Status);
        Assert.False(await read.PlanVersions.AnyAsync());
    }
}
