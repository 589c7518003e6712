using ChiSo.Accounts;
using ChiSo.Auditing;
using ChiSo.Frameworks;
using ChiSo.Plans;
using ChiSo.Plans.Library;
using ChiSo.Results;
using ChiSo.Units;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Data;

/// <summary>
/// The one model shared by SQLite and PostgreSQL. Its schema is created by the versioned SQL scripts in
/// <c>Data/Migrations/{Provider}</c>; a test compares those scripts with this model.
/// </summary>
public sealed class ChiSoDbContext(DbContextOptions<ChiSoDbContext> options) : IdentityDbContext<ChiSoUser>(options)
{
    public DbSet<Framework> Frameworks => Set<Framework>();
    public DbSet<FrameworkNode> FrameworkNodes => Set<FrameworkNode>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitPredecessor> UnitPredecessors => Set<UnitPredecessor>();
    public DbSet<ResultImport> ResultImports => Set<ResultImport>();
    public DbSet<UnitResult> UnitResults => Set<UnitResult>();
    public DbSet<NodeResult> NodeResults => Set<NodeResult>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanTaskGroup> PlanTaskGroups => Set<PlanTaskGroup>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<TaskNodeLink> TaskNodeLinks => Set<TaskNodeLink>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<TaskTemplate> TaskTemplates => Set<TaskTemplate>();
    public DbSet<UnitGroup> UnitGroups => Set<UnitGroup>();
    public DbSet<UnitGroupMember> UnitGroupMembers => Set<UnitGroupMember>();
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    public DbSet<DatabaseMarker> DatabaseMarkers => Set<DatabaseMarker>();

    /// <summary>Saves, then writes the paths of units added or re-parented in this save (see <see cref="UnitPathMaintenance"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = UnitPathMaintenance.Pending(this);
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            // The second pass needs the first one's rows accepted (inserted units no longer "added").
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
            await UnitPathMaintenance.ApplyAsync(this, pending, cancellationToken);
            count += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var pending = UnitPathMaintenance.Pending(this);
        if (pending.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess: true);
        UnitPathMaintenance.Apply(this, pending);
        count += base.SaveChanges(acceptAllChangesOnSuccess);
        own?.Commit();
        return count;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Framework>(e =>
        {
            e.ToTable("frameworks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Family).HasMaxLength(32);
            e.Property(x => x.NameVi).HasMaxLength(300);
            e.Property(x => x.NameEn).HasMaxLength(300);
            e.Property(x => x.GroupRule).HasMaxLength(32);
            e.HasMany(x => x.Nodes).WithOne().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.Family);
        });

        builder.Entity<FrameworkNode>(e =>
        {
            e.ToTable("framework_nodes");
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.ParentCode).HasMaxLength(32);
            e.Property(x => x.NameVi).HasMaxLength(500);
            e.Property(x => x.NameEn).HasMaxLength(500);
            e.Property(x => x.Min).HasPrecision(12, 4);
            e.Property(x => x.Max).HasPrecision(12, 4);
            e.Property(x => x.Weight).HasPrecision(12, 6);
            e.Property(x => x.Aggregation).HasConversion<string>().HasMaxLength(16);
            e.HasIndex(x => new { x.FrameworkId, x.Code }).IsUnique();
        });

        builder.Entity<Unit>(e =>
        {
            e.ToTable("units");
            e.Property(x => x.Code).HasMaxLength(32);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.FullName).HasMaxLength(250);
            e.Property(x => x.NameEn).HasMaxLength(200);
            e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Kind, x.Code });
            // Paths hold only digits and '/'. PostgreSQL uses a btree for LIKE 'prefix%' only with the pattern
            // operator class (the database collation is not "C"); SQLite's LIKE is case-insensitive and uses an
            // index only on a NOCASE column, which changes nothing for digits (0013).
            e.Property(x => x.Path).HasMaxLength(UnitPaths.MaxLength);
            if (Database.IsSqlite())
            {
                e.Property(x => x.Path).UseCollation("NOCASE");
            }

            e.HasIndex(x => x.Path).HasOperators("varchar_pattern_ops");
        });

        builder.Entity<UnitPredecessor>(e =>
        {
            e.ToTable("unit_predecessors");
            e.HasKey(x => new { x.UnitId, x.PredecessorId });
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Predecessor).WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ResultImport>(e =>
        {
            e.ToTable("result_imports");
            e.Property(x => x.FrameworkId).HasMaxLength(64);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.ImportedBy).HasMaxLength(256);
            e.HasOne<Framework>().WithMany().HasForeignKey(x => x.FrameworkId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.ResultImportId).OnDelete(DeleteBehavior.Cascade);
            e.Property(x => x.Scope).HasMaxLength(32);
            e.HasOne<Unit>().WithMany().HasForeignKey(x => x.ScopeProvinceId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.FrameworkId, x.Year, x.Scope, x.Version }).IsUnique();
        });

        builder.Entity<UnitResult>(e =>
        {
            e.ToTable("unit_results");
            e.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Nodes).WithOne().HasForeignKey(x => x.UnitResultId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.ResultImportId, x.UnitId }).IsUnique();
        });

        builder.Entity<NodeResult>(e =>
        {
            e.ToTable("node_results");
            e.Property(x => x.NodeCode).HasMaxLength(32);
            e.Property(x => x.Score).HasPrecision(12, 4);
            e.Property(x => x.ComputedValue).HasPrecision(12, 4);
            e.Property(x => x.SelfAssessed).HasPrecision(12, 4);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.Warning).HasMaxLength(500);
            // Keyed by what a cell is: one index for the hundreds of thousands of cells a commune file brings (0008).
            e.HasKey(x => new { x.UnitResultId, x.NodeCode });
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.ActorAddress).HasMaxLength(64);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.EntityType).HasMaxLength(64);
            e.Property(x => x.EntityId).HasMaxLength(128);
            e.HasIndex(x => x.At);
            e.HasIndex(x => new { x.EntityType, x.EntityId });
        });

        builder.Entity<ApiToken>(e =>
        {
            e.ToTable("api_tokens");
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.SecretHash).HasMaxLength(128);
            e.Property(x => x.Scopes).HasMaxLength(500);
            e.HasIndex(x => x.SecretHash).IsUnique();
            e.HasOne<ChiSoUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(x => x.FriendlyName).HasMaxLength(200);
        });

        PlansModel.Configure(builder);
        Reporting.ReportingModel.Configure(builder);
        Reporting.Consolidation.ConsolidationModel.Configure(builder);
        Reporting.Reminders.RemindersModel.Configure(builder);
        Publication.PublicationModel.Configure(builder);
        AccountsModel.Configure(builder);
        DatabaseMarker.Configure(builder);
    }
}
