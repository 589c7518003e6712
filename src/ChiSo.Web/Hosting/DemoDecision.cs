namespace ChiSo.Web.Hosting;

/// <summary>
/// Whether this start seeds the demo. Demo data and logins (with a published password) must never reach a real
/// server by accident, so the demo goes only into a database that this very start created empty, never when an
/// admin is configured or exists, and in Production only when <c>ChiSo__SeedDemo=true</c> is set explicitly.
/// </summary>
internal static class DemoDecision
{
    public sealed record Facts(bool? SeedDemo, bool Production, bool CreatedByThisStart, bool AdminConfigured, bool AdminExists);

    /// <summary>Whether to seed, and when the demo was asked for but refused, why (Vietnamese / English) for the log.</summary>
    public static (bool Seed, string? Refusal) Decide(Facts facts)
    {
        var wanted = facts.SeedDemo ?? !facts.Production;
        if (!wanted)
        {
            return (false, null);
        }

        if (facts.AdminConfigured)
        {
            return (false, "CHISO_BOOTSTRAP_ADMIN_PASSWORD được đặt: đây là cài đặt thật, không tạo dữ liệu minh họa. / " +
                "CHISO_BOOTSTRAP_ADMIN_PASSWORD is set: this is a real installation, so no demo is seeded.");
        }

        if (!facts.CreatedByThisStart)
        {
            return (false, "Cơ sở dữ liệu đã có từ trước lần khởi động này: chỉ tạo dữ liệu minh họa vào cơ sở dữ liệu mới, trống. / " +
                "The database existed before this start: the demo is seeded only into a new, empty database.");
        }

        if (facts.AdminExists)
        {
            return (false, "Đã có tài khoản quản trị: không tạo dữ liệu minh họa. / An admin account exists: no demo is seeded.");
        }

        return (true, null);
    }
}
