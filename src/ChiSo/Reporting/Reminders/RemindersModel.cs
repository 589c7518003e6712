using ChiSo.Accounts;
using ChiSo.Plans;
using ChiSo.Reporting.Obligations;
using ChiSo.Reporting.Setup;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Reminders;

/// <summary>The tables of reminders (migration 0018), and the reminder days kept beside a plan's reporting settings.</summary>
internal static class RemindersModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PlanReportingSettings>(e =>
        {
            e.Property(x => x.ReminderDaysBefore).HasMaxLength(32);
            e.Property(x => x.ReminderDaysAfter).HasMaxLength(32);
        });

        builder.Entity<ReminderDigest>(e =>
        {
            e.ToTable("reminder_digests");
            e.Property(x => x.Email).HasMaxLength(256);
            e.Property(x => x.ClaimedBy).HasMaxLength(64);
            e.Property(x => x.LastError).HasMaxLength(ReminderDigest.ErrorMaxLength);
            e.HasOne<ChiSoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.UserId, x.Day }).IsUnique();
            e.HasIndex(x => x.Day);
            e.HasMany(x => x.Notifications).WithOne().HasForeignKey(x => x.DigestId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.PlanNumber).HasMaxLength(64);
            e.Property(x => x.PeriodKey).HasMaxLength(16);
            e.Property(x => x.UnitName).HasMaxLength(200);
            e.Property(x => x.TaskCode).HasMaxLength(32);
            e.Property(x => x.Comment).HasMaxLength(Notification.CommentMaxLength);
            e.Property(x => x.Link).HasMaxLength(200);
            e.HasOne<ChiSoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Obligation>().WithMany().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Cascade);
            // One item per obligation in a digest: a person who is both focal point and head gets the stronger one.
            e.HasIndex(x => new { x.DigestId, x.ObligationId }).IsUnique();
            e.HasIndex(x => new { x.UserId, x.ReadAt });
            e.HasIndex(x => x.ReportEventId);
        });

        builder.Entity<ReminderDay>(e =>
        {
            e.ToTable("reminder_days");
            e.HasKey(x => x.Day);
            e.Property(x => x.ComposedBy).HasMaxLength(64);
        });
    }
}
