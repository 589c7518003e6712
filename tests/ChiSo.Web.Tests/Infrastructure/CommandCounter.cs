using System.Collections.Concurrent;
using System.Data.Common;
using ChiSo.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Web.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF sends while a test runs a request, so a change that adds queries to a hot path fails
/// the build. Authentication's own queries (tokens, users, roles) are told apart: another part of the code owns them.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => _commands.ToList();

    public IReadOnlyList<string> AuthCommands => Commands.Where(IsAuth).ToList();

    /// <summary>Everything but authentication: what the endpoint itself asked.</summary>
    public IReadOnlyList<string> EndpointCommands => Commands.Where(c => !IsAuth(c)).ToList();

    public void Reset() => _commands.Clear();

    /// <summary>The app on <paramref name="app"/>'s database with this counter on every context it makes.</summary>
    public WebApplicationFactory<Program> Attach(ChiSoWebFactory app) =>
        app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<ChiSoDbContext>(o => o.AddInterceptors(this))));

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
        CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    private static bool IsAuth(string sql) =>
        sql.Contains("api_tokens", StringComparison.OrdinalIgnoreCase) || sql.Contains("AspNetUser", StringComparison.OrdinalIgnoreCase)
        || sql.Contains("AspNetRole", StringComparison.OrdinalIgnoreCase);
}
