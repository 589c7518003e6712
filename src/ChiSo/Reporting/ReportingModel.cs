using ChiSo.Plans;
using ChiSo.Reporting.Calendar;
using ChiSo.Reporting.Obligations;
using ChiSo.Units;
using ChiSo.Reporting.Attachments;
using ChiSo.Reporting.Periods;
using ChiSo.Reporting.Reports;
using ChiSo.Reporting.Setup;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting;

/// <summary>The tables of periodic reporting (migration 0012 and on).</summary>
internal static class ReportingModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<CalendarDay>(e =>
        {
            e.ToTable("calendar_days");
            e.HasKey(x => x.Date);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.NameVi).HasMaxLength(CalendarDay.NameMaxLength);
            e.Property(x => x.NameEn).HasMaxLength(CalendarDay.NameMaxLength);
        });

        builder.Entity<PlanReportingPeriod>(e =>
        {
            e.ToTable("plan_reporting_periods");
            e.Property(x => x.Key).HasMaxLength(16);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Ignore(x => x.Period);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PlanId, x.Key }).IsUnique();
        });

        builder.Entity<PlanReportingSettings>(e =>
        {
            e.ToTable("plan_reporting_settings");
            e.HasKey(x => x.PlanId);
            e.Property(x => x.PlanId).ValueGeneratedNever();
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.HasOne<Plan>().WithOne().HasForeignKey<PlanReportingSettings>(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Obligation>(e =>
        {
            e.ToTable("obligations");
            e.Property(x => x.TaskCode).HasMaxLength(32);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PlanReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
            // An amendment that deletes a task keeps its obligations (and, later, their reports): the link becomes null.
            e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.SetNull);
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.PeriodId, x.UnitId, x.TaskId }).IsUnique();
            e.HasIndex(x => new { x.PlanId, x.UnitId });
        });

        builder.Entity<UnitReport>(e =>
        {
            e.ToTable("unit_reports");
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.TaskStatus).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.AchievedValue).HasPrecision(18, 4);
            foreach (var text in new[] { nameof(UnitReport.Result), nameof(UnitReport.Evidence), nameof(UnitReport.Difficulties), nameof(UnitReport.Proposals) })
            {
                e.Property(text).HasMaxLength(UnitReport.TextMaxLength);
            }

            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Revision).IsConcurrencyToken();
            // A report is never deleted with its obligation: obligations are closed, not removed.
            e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.ObligationId).IsUnique();
            e.HasMany(x => x.History).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ReportEvent>(e =>
        {
            e.ToTable("report_events");
            e.Property(x => x.Action).HasMaxLength(16);
            e.Property(x => x.FromState).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.ToState).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.Comment).HasMaxLength(UnitReport.TextMaxLength);
        });

        builder.Entity<ReportAttachment>(e =>
        {
            e.ToTable("report_attachments");
            e.Property(x => x.FileName).HasMaxLength(ReportAttachment.FileNameMaxLength);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.StorageKey).HasMaxLength(64);
            e.Property(x => x.UploadedBy).HasMaxLength(256);
            e.Ignore(x => x.ContentType);
            e.HasIndex(x => x.StorageKey).IsUnique();
        });

        // The bytes, when the database is the attachment store; keyed by storage key, not tied to the row that claims it.
        builder.Entity<StoredAttachmentContent>(e =>
        {
            e.ToTable("report_attachment_contents");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(64);
        });
    }
}
