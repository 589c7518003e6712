namespace ChiSo;

/// <summary>
/// Settings under <c>ChiSo__…</c> plus the bootstrap secrets read from <c>CHISO_BOOTSTRAP_*</c> variables.
/// </summary>
public sealed class ChiSoOptions
{
    /// <summary>Seed the demo province, results and logins on first start (<c>ChiSo__SeedDemo</c>, default true).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>Password for the first admin of an empty production database (<c>CHISO_BOOTSTRAP_ADMIN_PASSWORD</c>).</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>User name for that admin (<c>CHISO_BOOTSTRAP_ADMIN_USER</c>, default <c>admin</c>).</summary>
    public string BootstrapAdminUser { get; set; } = "admin";

    /// <summary>When set, an admin API token with this secret exists after every start (<c>CHISO_BOOTSTRAP_API_TOKEN</c>).</summary>
    public string? BootstrapApiToken { get; set; }
}
