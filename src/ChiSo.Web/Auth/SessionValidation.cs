using System.Security.Claims;
using ChiSo.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Auth;

/// <summary>
/// Checks a sign-in cookie against its account on every request, instead of Identity's default of every 30 minutes:
/// the cookie carries the security stamp it was issued with, and locking, a role change, a password reset and signing
/// out all change the account's stamp (<see cref="ChiSo.Accounts.UserAdministration"/>), so a cookie issued before —
/// the demoted admin's open tab, a copy taken before sign-out — stops at its next request. One indexed read of the
/// stamp; the roles in a cookie whose stamp matches are current, because every role change changes the stamp.
/// </summary>
internal static class SessionValidation
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claimTypes = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (userId is not null && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<ChiSoDbContext>();
            var current = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp)
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (string.Equals(current, stamp, StringComparison.Ordinal))
            {
                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
