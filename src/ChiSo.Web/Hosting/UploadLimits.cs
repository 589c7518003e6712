namespace ChiSo.Web.Hosting;

/// <summary>Largest file a user may upload. A province's results file is a few hundred KB.</summary>
internal static class UploadLimits
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
}
