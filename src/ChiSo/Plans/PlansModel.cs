using ChiSo.Plans.Library;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Plans;

/// <summary>The plans part of the EF model; kept here so the feature's mapping lives next to its types.</summary>
internal static class PlansModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Plan>(e =>
        {
            e.ToTable("plans");
            e.Property(x => x.DocumentType).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Number).HasMaxLength(32);
            e.Property(x => x.Symbol).HasMaxLength(32);
            e.Property(x => x.ParentBody).HasMaxLength(200);
            e.Property(x => x.IssuingBody).HasMaxLength(200);
            e.Property(x => x.Place).HasMaxLength(100);
            e.Property(x => x.Title).HasMaxLength(500);
            e.Property(x => x.Frameworks).HasMaxLength(100);
            e.Property(x => x.SignerOnBehalf).HasMaxLength(100);
            e.Property(x => x.SignerDeputy).HasMaxLength(100);
            e.Property(x => x.SignerTitle).HasMaxLength(100);
            e.Property(x => x.SignerName).HasMaxLength(100);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.Ignore(x => x.FrameworkFamilies);
            e.Ignore(x => x.NumberAndSymbol);
            e.Ignore(x => x.IsEditable);
            e.HasOne(x => x.Province).WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Groups).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProvinceId, x.FromYear });
        });

        builder.Entity<PlanTaskGroup>(e =>
        {
            e.ToTable("plan_task_groups");
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(1000);
        });

        builder.Entity<PlanTask>(e =>
        {
            e.ToTable("plan_tasks");
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.TargetMetric).HasMaxLength(200);
            e.Property(x => x.TargetComparator).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.TargetValue).HasPrecision(18, 4);
            e.Property(x => x.TargetUnit).HasMaxLength(32);
            e.Property(x => x.TargetBasis).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.TimeframeText).HasMaxLength(500);
            e.Property(x => x.TimeframeKind).HasMaxLength(24);
            e.Property(x => x.TimeframePeriod).HasMaxLength(16);
            e.Property(x => x.ReportingPeriods).HasMaxLength(1000);
            e.Property(x => x.CarriedOver).HasMaxLength(500);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasOne(x => x.Group).WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.SetNull);
            e.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Nodes).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PlanId, x.Code }).IsUnique();
        });

        builder.Entity<TaskAssignment>(e =>
        {
            e.ToTable("task_assignments");
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.BuiltInGroup).HasMaxLength(32);
            e.Property(x => x.Text).HasMaxLength(300);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.UnitGroup).WithMany().HasForeignKey(x => x.UnitGroupId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => x.UnitId);
        });

        builder.Entity<TaskNodeLink>(e =>
        {
            e.ToTable("task_nodes");
            e.HasKey(x => new { x.TaskId, x.FrameworkId, x.NodeCode });
            e.Property(x => x.FrameworkId).HasMaxLength(64);
            e.Property(x => x.NodeCode).HasMaxLength(32);
        });

        builder.Entity<PlanVersion>(e =>
        {
            e.ToTable("plan_versions");
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.PlanId, x.Amendment }).IsUnique();
        });

        builder.Entity<TaskTemplate>(e =>
        {
            e.ToTable("task_templates");
            e.Property(x => x.Family).HasMaxLength(32);
            e.Property(x => x.NodeCode).HasMaxLength(32);
            e.Property(x => x.Lead).HasMaxLength(200);
            e.Property(x => x.Partners).HasMaxLength(500);
            e.Property(x => x.TimeframeText).HasMaxLength(200);
            e.Property(x => x.ExpectedOutput).HasMaxLength(500);
            e.HasIndex(x => new { x.Family, x.NodeCode });
        });

        builder.Entity<LegalGround>(e =>
        {
            e.ToTable("legal_grounds");
            e.Property(x => x.Text).HasMaxLength(LegalGround.MaxLength);
            e.Property(x => x.Family).HasMaxLength(32);
        });

        builder.Entity<UnitGroup>(e =>
        {
            e.ToTable("unit_groups");
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.ProvinceId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.UnitGroupId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ProvinceId, x.Name }).IsUnique();
        });

        builder.Entity<UnitGroupMember>(e =>
        {
            e.ToTable("unit_group_members");
            e.HasKey(x => new { x.UnitGroupId, x.UnitId });
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
