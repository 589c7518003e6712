using ChiSo.Plans;
using ChiSo.Reporting.Periods;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Consolidation;

/// <summary>The tables of consolidation (migration 0019): a period's narrative and its paragraphs per dimension.</summary>
internal static class ConsolidationModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<PeriodNarrative>(e =>
        {
            e.ToTable("period_narratives");
            e.Property(x => x.UpdatedBy).HasMaxLength(256);
            e.Property(x => x.Revision).IsConcurrencyToken();
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<PlanReportingPeriod>().WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
            // One text per period: two first saves race for this key, and the loser is told someone saved first.
            e.HasIndex(x => x.PeriodId).IsUnique();
            e.HasIndex(x => x.PlanId);
            e.HasMany(x => x.Results).WithOne().HasForeignKey(x => x.NarrativeId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<NarrativeResult>(e =>
        {
            e.ToTable("period_narrative_results");
            e.Property(x => x.Code).HasMaxLength(16);
            e.Property(x => x.Title).HasMaxLength(1000);
            e.HasIndex(x => new { x.NarrativeId, x.Code }).IsUnique();
        });
    }
}
