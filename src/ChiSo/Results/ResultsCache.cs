using System.Collections.Concurrent;
using System.Diagnostics;
using ChiSo.Data;
using ChiSo.Frameworks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace ChiSo.Results;

/// <summary>
/// What to cache: a kind ("table", "summary", "results-json"…) and the import ids it was built from. A finished
/// import never changes, and a re-import is a new import id, so a key never goes stale: two app instances sharing a
/// database each cache what they read and never serve an old year after a new import elsewhere.
/// </summary>
public readonly record struct ResultsCacheKey(string Kind, int ImportId, int? OtherImportId = null, string? Variant = null);

/// <summary>
/// The in-process cache of the results path (one per app, registered as a singleton; docs/adr/0010-results-cache-by-import.md):
/// <list type="bullet">
/// <item>the framework catalogue, reloaded when a framework is imported or replaced here
/// (<see cref="ForgetFrameworks"/>), when a request names a version or family the database has and the catalogue
/// does not (another instance added it), and at the latest after <see cref="CatalogueLifetime"/>;</item>
/// <item>anything built from finished imports, by <see cref="ResultsCacheKey"/>, bounded by size (an estimate in
/// bytes); a re-import here drops what was built from the versions it replaced (<see cref="ForgetImports"/>).</item>
/// </list>
/// A missing entry is built once however many requests ask at the same moment, on a database context of its own,
/// so a cancelled request does not fail the others waiting for it.
/// </summary>
public sealed class ResultsCache : IDisposable
{
    public static readonly TimeSpan CatalogueLifetime = TimeSpan.FromMinutes(1);

    private readonly MemoryCache _entries;
    private readonly ConcurrentDictionary<int, CancellationTokenSource> _importTokens = new();
    private readonly SemaphoreSlim _catalogueLock = new(1, 1);
    private (FrameworkCatalogue Catalogue, long LoadedAt)? _catalogue;
    private long _catalogueVersion;

    /// <param name="sizeLimitBytes">Roughly how much memory cached tables and answers may hold.</param>
    public ResultsCache(long sizeLimitBytes = 512L * 1024 * 1024) =>
        _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = sizeLimitBytes, CompactionPercentage = 0.25 });

    /// <summary>How many entries were built (not served from the cache): tests check that a second read builds nothing.</summary>
    public int Builds => _builds;

    private int _builds;

    /// <summary>The framework catalogue; <paramref name="mustKnow"/> names a version id or family that should be in it.</summary>
    public async Task<FrameworkCatalogue> FrameworksAsync(ChiSoDbContext db, string? mustKnow = null, CancellationToken cancellationToken = default)
    {
        var current = _catalogue;
        if (current is { } fresh && Stopwatch.GetElapsedTime(fresh.LoadedAt) < CatalogueLifetime)
        {
            // A name the catalogue does not know costs one small query, not a reload: typos are common, new versions rare.
            if (mustKnow is null || fresh.Catalogue.FamilyOf(mustKnow) is not null
                || !await db.Frameworks.AnyAsync(f => f.Id == mustKnow || f.Family == mustKnow, cancellationToken))
            {
                return fresh.Catalogue;
            }
        }

        await _catalogueLock.WaitAsync(cancellationToken);
        try
        {
            if (_catalogue is { } again && !ReferenceEquals(again.Catalogue, current?.Catalogue))
            {
                return again.Catalogue; // another request reloaded it while we waited
            }

            var version = Interlocked.Read(ref _catalogueVersion);
            var frameworks = await db.Frameworks.AsNoTracking().Include(f => f.Nodes).ToListAsync(cancellationToken);
            var catalogue = new FrameworkCatalogue(frameworks);
            if (Interlocked.Read(ref _catalogueVersion) == version)
            {
                _catalogue = (catalogue, Stopwatch.GetTimestamp());
            }

            return catalogue;
        }
        finally
        {
            _catalogueLock.Release();
        }
    }

    /// <summary>A framework was imported or replaced: the next read reloads the catalogue.</summary>
    public void ForgetFrameworks()
    {
        Interlocked.Increment(ref _catalogueVersion);
        _catalogue = null;
    }

    /// <summary>Drops everything built from these imports (replaced versions): memory, not correctness, since keys never go stale.</summary>
    public void ForgetImports(IEnumerable<int> importIds)
    {
        foreach (var id in importIds)
        {
            if (_importTokens.TryRemove(id, out var source))
            {
                source.Cancel();
                source.Dispose();
            }
        }
    }

    /// <summary>
    /// The cached value for <paramref name="key"/>, or builds it once with <paramref name="build"/> on a context of its own
    /// (same options as <paramref name="db"/>). <paramref name="size"/> estimates the value's memory in bytes.
    /// </summary>
    public Task<T> GetOrBuildAsync<T>(ResultsCacheKey key, ChiSoDbContext db, Func<ChiSoDbContext, Task<T>> build, Func<T, long> size,
        CancellationToken cancellationToken = default)
        where T : class
    {
        var options = (DbContextOptions<ChiSoDbContext>)db.GetService<IDbContextOptions>();
        return GetOrBuildAsync(key, async () =>
        {
            await using var own = new ChiSoDbContext(options);
            return await build(own);
        }, size, cancellationToken);
    }

    /// <summary>The cached value for <paramref name="key"/>, or the value <paramref name="build"/> makes, built once.</summary>
    public async Task<T> GetOrBuildAsync<T>(ResultsCacheKey key, Func<Task<T>> build, Func<T, long> size, CancellationToken cancellationToken = default)
        where T : class
    {
        if (_entries.TryGetValue(key, out Lazy<Task<T>>? cached) && cached is not null)
        {
            return await cached.Value.WaitAsync(cancellationToken);
        }

        var lazy = new Lazy<Task<T>>(() => BuildAsync(key, build, size));
        var entry = _entries.GetOrCreate(key, e =>
        {
            Describe(e, key, 1024); // until the value's real size is known
            return lazy;
        })!;
        return await entry.Value.WaitAsync(cancellationToken);
    }

    private async Task<T> BuildAsync<T>(ResultsCacheKey key, Func<Task<T>> build, Func<T, long> size)
        where T : class
    {
        Interlocked.Increment(ref _builds);
        try
        {
            var value = await build();
            // Re-inserted with its real size, so the size limit means something.
            using (var entry = _entries.CreateEntry(key))
            {
                entry.Value = new Lazy<Task<T>>(Task.FromResult(value));
                Describe(entry, key, Math.Max(1024, size(value)));
            }

            return value;
        }
        catch
        {
            _entries.Remove(key); // the next request tries again
            throw;
        }
    }

    /// <summary>Size, a sliding lifetime, and eviction when one of the key's imports is forgotten.</summary>
    private void Describe(ICacheEntry entry, ResultsCacheKey key, long size)
    {
        entry.Size = size;
        entry.SlidingExpiration = TimeSpan.FromHours(6);
        foreach (var id in new[] { key.ImportId, key.OtherImportId ?? 0 }.Where(i => i > 0))
        {
            entry.AddExpirationToken(new CancellationChangeToken(_importTokens.GetOrAdd(id, _ => new CancellationTokenSource()).Token));
        }
    }

    public void Dispose()
    {
        _entries.Dispose();
        _catalogueLock.Dispose();
        foreach (var source in _importTokens.Values)
        {
            source.Dispose();
        }
    }
}
