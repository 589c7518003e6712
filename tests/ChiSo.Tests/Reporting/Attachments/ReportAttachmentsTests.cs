using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Common;
using ChiSo.Data;
using ChiSo.Plans;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Tests.Infrastructure;
using ChiSo.Tests.Plans;
using ChiSo.Tests.TestData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Tests.Reporting.Attachments;

/// <summary>
/// Attachments on the fixture plan's report of Sở Tư pháp on task 1.1 for quarter I: who may add, read and remove them,
/// in which states, and what each store keeps when a unit of work fails midway.
/// </summary>
public sealed class ReportAttachmentsTests
{
    private static readonly Actor Focal = new("dau-moi-stp", "127.0.0.1");
    private static readonly Actor Coordinator = new("dieuphoi", "127.0.0.1");

    private static Task<ReportingWorld> WorldAsync(DatabaseProvider provider) => ReportingWorld.CreateAsync(provider);

    private static IServiceProvider Services(ReportingWorld world, ChiSoDbContext db, Action<AttachmentOptions>? options = null) =>
        ChiSoCoreServices.Around(db, world.Database.Clock, services => services.Configure<AttachmentOptions>(o => options?.Invoke(o)));

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Add_ToAnObligationWithNoReport_StartsItsDraft_KeepsTheBytes_AndAuditsEachStep(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var services = Services(world, db);
        var attachments = services.GetRequiredService<ReportAttachments>();
        var pdf = TestAttachments.Pdf();

        var added = await attachments.AddAsync(world.FocalPoint, world.Q1, "Biên bản kiểm tra.pdf", pdf, Focal);

        Assert.True(added.Succeeded, string.Join("; ", added.Problems));
        var report = (await services.GetRequiredService<ReportService>().ReadAsync(world.FocalPoint, world.Q1)).Value!.Report!;
        Assert.Equal(ReportState.Draft, report.State);
        Assert.Equal(2, report.Revision);
        Assert.Equal(["create", "attach"], report.History.OrderBy(h => h.Id).Select(h => h.Action));
        var attachment = Assert.Single(report.Attachments);
        Assert.Equal((added.Value, "Biên bản kiểm tra.pdf", AttachmentKind.Pdf, (long)pdf.Length, "dau-moi-stp"),
            (attachment.Id, attachment.FileName, attachment.Kind, attachment.Size, attachment.UploadedBy));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), attachment.Sha256);
        Assert.Equal(pdf, await ReadAllAsync((await attachments.OpenAsync(world.FocalPoint, world.Q1, attachment.Id)).Value!.Content));
        Assert.Equal(1, await db.Set<StoredAttachmentContent>().CountAsync());
        Assert.Equal(["report.create", "report.attach"],
            await db.AuditEntries.Where(a => a.EntityType == nameof(UnitReport)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

        // Removing it: the row, its bytes and a step of its own; the revision moves again.
        var removed = await attachments.RemoveAsync(world.FocalPoint, world.Q1, attachment.Id, Focal);
        Assert.Equal(3, removed.Value);
        await using var check = world.Database.CreateContext();
        Assert.Empty(await check.Set<ReportAttachment>().ToListAsync());
        Assert.Empty(await check.Set<StoredAttachmentContent>().ToListAsync());
        Assert.Equal("report.detach", await check.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).LastAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task AddOrRemove_OnceSubmittedOrAccepted_IsRefusedNamingTheState(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var services = Services(world, db);
        var attachments = services.GetRequiredService<ReportAttachments>();
        var reports = services.GetRequiredService<ReportService>();
        var rev = (await reports.SaveDraftAsync(world.FocalPoint, world.Q1, new ReportInput(null, null, "Đã tổ chức 12 buổi", null, null, null), 0, Focal)).Value;
        var id = (await attachments.AddAsync(world.FocalPoint, world.Q1, "anh.png", TestAttachments.Png(), Focal)).Value;
        rev = (await reports.SubmitAsync(world.FocalPoint, world.Q1, rev + 1, Focal)).Value;

        var whileSubmitted = await attachments.AddAsync(world.FocalPoint, world.Q1, "them.pdf", TestAttachments.Pdf(), Focal);
        Assert.True(whileSubmitted.IsConflict);
        Assert.Contains("đã gửi", whileSubmitted.Problems[0].MessageVi, StringComparison.Ordinal);

        rev = (await reports.AcceptAsync(world.CoordinatorCaller, world.Q1, rev, Coordinator)).Value;
        var add = await attachments.AddAsync(world.FocalPoint, world.Q1, "them.pdf", TestAttachments.Pdf(), Focal);
        var remove = await attachments.RemoveAsync(world.FocalPoint, world.Q1, id, Focal);
        foreach (var refused in new[] { add, remove })
        {
            Assert.True(refused.IsConflict);
            Assert.Equal("state", refused.Problems[0].Field);
            Assert.Contains("đã tiếp nhận", refused.Problems[0].MessageVi, StringComparison.Ordinal);
            Assert.Contains("accepted", refused.Problems[0].MessageEn, StringComparison.Ordinal);
        }

        await using var check = world.Database.CreateContext();
        Assert.Single(await check.Set<ReportAttachment>().ToListAsync());
        Assert.Equal(rev, (await check.Set<UnitReport>().SingleAsync()).Revision);

        // Returned, it is the unit's again.
        rev = (await reports.ReopenAsync(world.CoordinatorCaller, world.Q1, rev, "Thiếu biên bản", Coordinator)).Value;
        Assert.True((await attachments.AddAsync(world.FocalPoint, world.Q1, "bien-ban.pdf", TestAttachments.Pdf(), Focal)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task WhoMay_TheFocalPointChanges_ReadersDownload_OthersAndGuessedIdsFindNothing(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var services = Services(world, db);
        var attachments = services.GetRequiredService<ReportAttachments>();
        var reports = services.GetRequiredService<ReportService>();
        var pdf = TestAttachments.Pdf();

        // Another unit's focal point finds nothing and leaves nothing; the unit head, the coordinator and a leader may not add.
        Assert.True((await attachments.AddAsync(world.OtherUnit, world.Q1, "x.pdf", pdf, Focal)).IsNotFound);
        Assert.True((await attachments.AddAsync(world.Head, world.Q1, "x.pdf", pdf, Focal)).IsForbidden);
        Assert.True((await attachments.AddAsync(world.CoordinatorCaller, world.Q1, "x.pdf", pdf, Coordinator)).IsForbidden);
        Assert.True((await attachments.AddAsync(world.Leader, world.Q1, "x.pdf", pdf, Focal)).IsNotFound);
        Assert.Empty(await db.Set<UnitReport>().ToListAsync());

        var id = (await attachments.AddAsync(world.FocalPoint, world.Q1, "bien-ban.pdf", pdf, Focal)).Value;
        Assert.True((await attachments.OpenAsync(world.OtherUnit, world.Q1, id)).IsNotFound);
        Assert.True((await attachments.RemoveAsync(world.OtherUnit, world.Q1, id, Focal)).IsNotFound);
        Assert.True((await attachments.RemoveAsync(world.Head, world.Q1, id, Focal)).IsForbidden);
        // A draft is not the leader's to read, nor its files; the coordinator may know a draft exists, not what it carries.
        Assert.True((await attachments.OpenAsync(world.Leader, world.Q1, id)).IsNotFound);
        Assert.True((await attachments.OpenAsync(world.CoordinatorCaller, world.Q1, id)).IsNotFound);
        Assert.True((await attachments.OpenAsync(world.Head, world.Q1, id)).Succeeded);
        // The id of this report's file, tried on another report the caller may read (the same unit's 6-month report): not found.
        Assert.True((await attachments.OpenAsync(world.FocalPoint, world.SixMonths, id)).IsNotFound);
        Assert.True((await attachments.RemoveAsync(world.FocalPoint, world.SixMonths, id, Focal)).IsNotFound);
        Assert.True((await attachments.OpenAsync(world.FocalPoint, world.Q1, id + 1000)).IsNotFound);

        var rev = (await reports.SaveDraftAsync(world.FocalPoint, world.Q1, new ReportInput(null, null, "Đã kiểm tra 8 cuộc", null, null, null), 2, Focal)).Value;
        Assert.True((await reports.SubmitAsync(world.FocalPoint, world.Q1, rev, Focal)).Succeeded);
        foreach (var reader in new[] { world.FocalPoint, world.Head, world.CoordinatorCaller, world.Leader })
        {
            var opened = await attachments.OpenAsync(reader, world.Q1, id);
            Assert.True(opened.Succeeded, reader.UserId);
            Assert.Equal(pdf, await ReadAllAsync(opened.Value!.Content));
        }

        Assert.True((await attachments.OpenAsync(world.OtherUnit, world.Q1, id)).IsNotFound);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task FolderStore_KeepsTheFileThere_AFailedCommitLeavesNoFile_RemovalDeletesItOnlyOnceCommitted(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        var folder = Path.Combine(Path.GetTempPath(), "chiso-attachments-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var db = world.Database.CreateContext();
            var services = Services(world, db, o => o.Folder = folder);
            var attachments = services.GetRequiredService<ReportAttachments>();
            var store = Assert.IsType<FolderAttachmentStore>(services.GetRequiredService<IAttachmentStore>());
            var work = services.GetRequiredService<UnitOfWork>();
            var png = TestAttachments.Png();

            // A unit of work that fails after the file was written: no row, no audit, and the file is gone again.
            work.BeforeCommit = () => throw new InvalidOperationException("injected");
            await Assert.ThrowsAsync<InvalidOperationException>(() => attachments.AddAsync(world.FocalPoint, world.Q1, "anh.png", png, Focal));
            work.BeforeCommit = null;
            Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
            await using (var check = world.Database.CreateContext())
            {
                Assert.Empty(await check.Set<ReportAttachment>().ToListAsync());
                Assert.Empty(await check.Set<UnitReport>().ToListAsync());
                Assert.Empty(await check.AuditEntries.Where(a => a.EntityType == nameof(UnitReport)).ToListAsync());
            }

            // A refused one (the file is not what its name says) writes nothing either.
            Assert.False((await attachments.AddAsync(world.FocalPoint, world.Q1, "anh.pdf", png, Focal)).Succeeded);
            Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));

            var id = (await attachments.AddAsync(world.FocalPoint, world.Q1, "anh.png", png, Focal)).Value;
            var key = (await db.Set<ReportAttachment>().AsNoTracking().SingleAsync(a => a.Id == id)).StorageKey;
            var file = store.PathOf(key);
            Assert.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, file, StringComparison.Ordinal);
            Assert.Equal(png, await File.ReadAllBytesAsync(file));
            Assert.Empty(await db.Set<StoredAttachmentContent>().ToListAsync());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            // A removal that fails before its commit keeps the row and the file it claims.
            work.BeforeCommit = () => throw new InvalidOperationException("injected");
            await Assert.ThrowsAsync<InvalidOperationException>(() => attachments.RemoveAsync(world.FocalPoint, world.Q1, id, Focal));
            work.BeforeCommit = null;
            Assert.True(File.Exists(file));
            Assert.Equal(png, await ReadAllAsync((await attachments.OpenAsync(world.FocalPoint, world.Q1, id)).Value!.Content));

            Assert.True((await attachments.RemoveAsync(world.FocalPoint, world.Q1, id, Focal)).Succeeded);
            Assert.False(File.Exists(file));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task DatabaseStore_AFailedCommitLeavesNoBytes(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var services = Services(world, db);
        services.GetRequiredService<UnitOfWork>().BeforeCommit = () => throw new InvalidOperationException("injected");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            services.GetRequiredService<ReportAttachments>().AddAsync(world.FocalPoint, world.Q1, "so-lieu.xlsx", TestAttachments.Xlsx(), Focal));

        await using var check = world.Database.CreateContext();
        Assert.Empty(await check.Set<StoredAttachmentContent>().ToListAsync());
        Assert.Empty(await check.Set<ReportAttachment>().ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Add_PastTheCountOrTotalCap_IsRefusedNamingTheSetting(DatabaseProvider provider)
    {
        await using var world = await WorldAsync(provider);
        await using var db = world.Database.CreateContext();
        var pdf = TestAttachments.Pdf();
        var counted = Services(world, db, o => o.MaxPerReport = 2).GetRequiredService<ReportAttachments>();
        Assert.True((await counted.AddAsync(world.FocalPoint, world.Q1, "a.pdf", pdf, Focal)).Succeeded);
        Assert.True((await counted.AddAsync(world.FocalPoint, world.Q1, "b.pdf", pdf, Focal)).Succeeded);
        var third = await counted.AddAsync(world.FocalPoint, world.Q1, "c.pdf", pdf, Focal);
        Assert.Contains("Reporting:Attachments:MaxPerReport", Assert.Single(third.Problems).MessageEn, StringComparison.Ordinal);

        var summed = Services(world, db, o => o.MaxTotalBytesPerReport = pdf.Length + (pdf.Length / 2)).GetRequiredService<ReportAttachments>();
        Assert.True((await summed.AddAsync(world.FocalPoint, world.SixMonths, "a.pdf", pdf, Focal)).Succeeded);
        var second = await summed.AddAsync(world.FocalPoint, world.SixMonths, "b.pdf", pdf, Focal);
        Assert.Contains("Reporting:Attachments:MaxTotalBytesPerReport", Assert.Single(second.Problems).MessageEn, StringComparison.Ordinal);
        Assert.Equal(3, await db.Set<ReportAttachment>().CountAsync());
    }
}
