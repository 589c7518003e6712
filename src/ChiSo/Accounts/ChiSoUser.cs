using Microsoft.AspNetCore.Identity;

namespace ChiSo.Accounts;

/// <summary>A person who signs in to ChiSo.</summary>
public sealed class ChiSoUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
