namespace ChiSo;

/// <summary>
/// Settings under <c>ChiSo__…</c> plus the bootstrap secrets read from <c>CHISO_BOOTSTRAP_*</c> variables. Bound
/// once and validated at start (see <c>ChiSo.Web.Hosting.ChiSoOptionsValidator</c>).
/// </summary>
public sealed class ChiSoOptions
{
    /// <summary>
    /// Seed the demo province, results and logins into a database this start created empty (<c>ChiSo__SeedDemo</c>).
    /// Unset: yes outside Production, no in Production, where only an explicit <c>true</c> seeds it.
    /// </summary>
    public bool? SeedDemo { get; set; }

    /// <summary>Code of the province the overview shows (<c>ChiSo__HomeProvince</c>, e.g. <c>68</c>); a demo database defaults to the demo's.</summary>
    public string? HomeProvince { get; set; }

    /// <summary>Password for the first admin of an empty production database (<c>CHISO_BOOTSTRAP_ADMIN_PASSWORD</c>).</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>User name for that admin (<c>CHISO_BOOTSTRAP_ADMIN_USER</c>, default <c>admin</c>).</summary>
    public string BootstrapAdminUser { get; set; } = "admin";

    /// <summary>When set, an admin API token with this secret exists after every start (<c>CHISO_BOOTSTRAP_API_TOKEN</c>).</summary>
    public string? BootstrapApiToken { get; set; }
}
