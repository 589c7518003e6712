using ChiSo.Plans;
using ChiSo.Units;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Accounts;

/// <summary>The accounts part of the EF model that is ours rather than Identity's; kept next to its types.</summary>
internal static class AccountsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<UnitMembership>(e =>
        {
            e.ToTable("unit_memberships");
            e.Property(x => x.Role).HasMaxLength(24);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            // Deleting an account removes its memberships; a unit with members cannot be deleted by accident.
            e.HasOne<ChiSoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            // A membership limited to a plan means nothing once the plan is gone.
            e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
            // NULL PlanIds are distinct to both databases, so UnitMemberships also checks duplicates itself.
            e.HasIndex(x => new { x.UserId, x.UnitId, x.Role, x.PlanId }).IsUnique();
        });

        builder.Entity<AuthenticatorStep>(e =>
        {
            e.ToTable("authenticator_steps");
            e.HasKey(x => x.UserId);
            e.HasOne<ChiSoUser>().WithOne().HasForeignKey<AuthenticatorStep>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
