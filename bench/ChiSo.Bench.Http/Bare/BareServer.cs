using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using Microsoft.Extensions.Logging;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChiSo.Bench.Http.Bare;

/// <summary>
/// The yardstick: Kestrel, raw SQL over the database ChiSo wrote, the same JSON — three reading endpoints (results, a profile, the public plan's open data), and on
/// PostgreSQL the report's draft and submission (<see cref="BareReports"/>). It authenticates every call as ChiSo does —
/// one lookup of the SHA-256 of the bearer secret, joined with its owner — and nothing else.
/// </summary>
internal static class BareServer
{
    // ASP.NET Core's JSON defaults for HTTP, as ChiSo's minimal APIs use them: camelCase, characters not escaped.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task RunAsync(string provider, string connectionString, string url)
    {
        var database = new BareDatabase(provider, connectionString);
        await database.InitialiseAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        var app = builder.Build();

        app.MapGet("/health", () => "ok");
        app.MapGet("/api/v1/frameworks/{framework}/results/{year:int}", async (HttpContext http, string framework, int year) =>
        {
            if (!await AuthorisedAsync(database, http))
            {
                return HttpResults.Unauthorized();
            }

            var dto = await BareResults.GetAsync(database, framework, year);
            return dto is null ? HttpResults.NotFound() : HttpResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(dto, Json), "application/json; charset=utf-8");
        });
        app.MapGet("/api/v1/units/{code}/profile", async (HttpContext http, string code, string framework, int year) =>
        {
            if (!await AuthorisedAsync(database, http))
            {
                return HttpResults.Unauthorized();
            }

            var dto = await BareProfile.GetAsync(database, code, framework, year);
            return dto is null ? HttpResults.NotFound() : HttpResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(dto, Json), "application/json; charset=utf-8");
        });
        // The public plan's open data: anonymous, as on ChiSo's public site.
        app.MapGet("/cong-khai/ke-hoach/{id:int}.json", async (int id) =>
            await BarePublic.GetAsync(database, id) is { } dto
                ? HttpResults.Bytes(JsonSerializer.SerializeToUtf8Bytes(dto, Json), "application/json; charset=utf-8")
                : HttpResults.NotFound());
        if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            BareReports.Map(app, database, Json);
        }

        await app.RunAsync();
    }

    /// <summary>One query: the token by its hash, not revoked, not expired, its owner present and not locked out, a reading scope.</summary>
    private static async Task<bool> AuthorisedAsync(BareDatabase database, HttpContext http)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim())));
        await using var connection = await database.OpenAsync();
        await using var command = BareDatabase.Command(connection, """
            SELECT t."Scopes", t."ExpiresAt", t."RevokedAt", u."LockoutEnd"
            FROM api_tokens t JOIN "AspNetUsers" u ON u."Id" = t."UserId"
            WHERE t."SecretHash" = @h
            """, ("@h", hash));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync() || !reader.IsDBNull(2))
        {
            return false;
        }

        var now = TimeProvider.System.GetUtcNow();
        if ((!reader.IsDBNull(1) && reader.GetFieldValue<DateTimeOffset>(1) <= now) || (!reader.IsDBNull(3) && reader.GetFieldValue<DateTimeOffset>(3) > now))
        {
            return false;
        }

        var scopes = reader.GetString(0).Split(' ', ',', StringSplitOptions.RemoveEmptyEntries);
        return scopes.Any(s => s is "*" or "results:read" or "results:write");
    }
}
