using ChiSo.Auditing;
using ChiSo.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChiSo.Common;

/// <summary>
/// One user action = one transaction holding the change and its audit row. Every state-changing service method
/// runs its work through <see cref="RunAsync{T}"/> instead of writing begin → save → commit → catch by hand:
/// <list type="bullet">
/// <item>the work loads, checks and stages changes (calling <see cref="AuditLog.Record"/>); returning a failed
/// <see cref="Outcome{T}"/> rolls everything back, so nothing is half-saved;</item>
/// <item>a successful outcome is saved and committed; a change without an audit row is a bug and throws;</item>
/// <item>an optimistic-concurrency clash (a row's revision changed under us) becomes a
/// <see cref="ProblemCodes.Conflict"/> outcome, never a 500;</item>
/// <item>two writers racing for the same unique key (two imports both computing "max(version)+1") or a busy SQLite
/// file are retried from the start with fresh reads, so both succeed in some order; after
/// <see cref="MaxAttempts"/> the user is told plainly to try again.</item>
/// </list>
/// The work may run more than once, so it must read everything it decides on inside the delegate.
/// </summary>
public sealed class UnitOfWork(ChiSoDbContext db)
{
    public const int MaxAttempts = 4;

    /// <summary>Test seam: runs after the work staged its changes, before they are saved and committed.</summary>
    internal Func<Task>? BeforeCommit { get; set; }

    public ChiSoDbContext Db => db;

    public async Task<Outcome<T>> RunAsync<T>(Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken cancellationToken = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(ct => AttemptAsync(work, ct), cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Problem.Conflict();
            }
            catch (Exception e) when (IsRace(e))
            {
                db.ChangeTracker.Clear();
                if (attempt >= MaxAttempts)
                {
                    return new Problem(ProblemCodes.Conflict,
                        "Nhiều người đang lưu cùng lúc; hãy thử lại sau ít giây.", "Several people are saving at once; try again in a few seconds.");
                }

                // A short, growing pause lets the other writer finish before we read again.
                await Task.Delay(TimeSpan.FromMilliseconds(25 * attempt * attempt), cancellationToken);
            }
        }
    }

    private async Task<Outcome<T>> AttemptAsync<T>(Func<CancellationToken, Task<Outcome<T>>> work, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failed save fails the whole unit of work (rolled back below, or retried from the start), so EF's savepoint
        // before each save inside our transaction buys nothing and costs two statements a save (bench 'reports').
        db.Database.AutoSavepointsEnabled = false;
        // The work may save midway (to get an id); what it saved then counts for the audit guard too.
        var saved = new SavedMidway();
        void OnSaving(object? sender, SavingChangesEventArgs e) => saved.Note(db.ChangeTracker.Entries());
        db.SavingChanges += OnSaving;
        try
        {
            var outcome = await work(cancellationToken);
            db.SavingChanges -= OnSaving;
            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return outcome;
            }

            EnsureAudited(saved);
            if (BeforeCommit is { } hook)
            {
                await hook();
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }
        catch
        {
            // Leave the context clean for the next attempt or the next action of this request.
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.SavingChanges -= OnSaving;
        }
    }

    /// <summary>
    /// No change without its audit row: changes pending now or saved midway by the work, with no audit entry added in
    /// this attempt, are a programming error.
    /// </summary>
    private void EnsureAudited(SavedMidway saved)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        var changed = saved.Changed || entries.Any(IsChange);
        if (changed && !saved.Audited && !entries.Any(e => e.Entity is AuditEntry && e.State == EntityState.Added))
        {
            throw new InvalidOperationException("A change without its audit row: call AuditLog.Record in the unit of work.");
        }
    }

    private static bool IsChange(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry e) =>
        e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    /// <summary>What the work's own saves wrote before the unit of work's final one.</summary>
    private sealed class SavedMidway
    {
        public bool Changed { get; private set; }

        public bool Audited { get; private set; }

        public void Note(IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry> entries)
        {
            foreach (var e in entries)
            {
                Changed |= IsChange(e);
                Audited |= e.Entity is AuditEntry && e.State == EntityState.Added;
            }
        }
    }

    /// <summary>A lost race that a fresh attempt can win: a unique key taken meanwhile, a serialisation failure, a busy SQLite file.</summary>
    internal static bool IsRace(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case PostgresException pg when pg.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure
                    or PostgresErrorCodes.DeadlockDetected:
                    return true;
                // 5 busy, 6 locked; 19 constraint with extended code 2067 unique / 1555 primary key.
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6
                    || (sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555):
                    return true;
            }
        }

        return false;
    }
}
