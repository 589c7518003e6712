using ChiSo.Reporting.Attachments;
using ChiSo.Web.Pages.My;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Report attachments in the web app: their settings (<see cref="AttachmentOptions"/>, section
/// <c>Reporting:Attachments</c>) bound and validated at start — a folder inside the web root would serve the files
/// without any access check, so it stops the start — and the report page's upload bounds, applied before its form is
/// read: the request size and the multipart limit follow <see cref="AttachmentOptions.MaxBytes"/>, and an over-size
/// upload comes back to the page with the limit named (<see cref="AttachmentUploadLimitFilter"/>).
/// </summary>
internal static class AttachmentSetup
{
    /// <summary>Room for the multipart boundaries, headers and the form's other fields around the file.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>The route that names one attachment of a report: its download (GET) and its removal (POST).</summary>
    public const string PageRoute = "my/reports/{obligationId:int}/attachments/{attachmentId:int}";

    public static IServiceCollection AddChiSoAttachments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttachmentOptions>()
            .Bind(configuration.GetSection(AttachmentOptions.Section))
            .PostConfigure<IWebHostEnvironment>((o, environment) =>
                o.Folder = string.IsNullOrWhiteSpace(o.Folder) ? null : Path.GetFullPath(o.Folder.Trim(), environment.ContentRootPath))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<AttachmentOptions>, AttachmentOptionsValidator>();
        // Post-configured: MVC's own setup replaces the page conventions collection whenever it runs after a Configure.
        services.AddOptions<RazorPagesOptions>().PostConfigure<IOptions<AttachmentOptions>>((pages, attachments) =>
        {
            var max = attachments.Value.MaxBytes;
            pages.Conventions.AddPageRoute("/My/Report", PageRoute);
            pages.Conventions.AddPageApplicationModelConvention("/My/Report", page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(max + FormOverhead));
                page.EndpointMetadata.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = max });
                page.Filters.Add(new AttachmentUploadLimitFilter());
            });
        });
        return services;
    }
}

internal sealed class AttachmentOptionsValidator(IWebHostEnvironment environment) : IValidateOptions<AttachmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AttachmentOptions options)
    {
        var failures = options.Validate().ToList();
        if (options.Folder is { } folder)
        {
            var webRoot = Path.GetFullPath(environment.WebRootPath ?? Path.Combine(environment.ContentRootPath, "wwwroot"));
            var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (folder.Equals(webRoot, comparison) || folder.StartsWith(Path.TrimEndingDirectorySeparator(webRoot) + Path.DirectorySeparatorChar, comparison)
                || webRoot.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, comparison))
            {
                failures.Add($"{AttachmentOptions.Section}:Folder '{folder}' nằm trong hoặc chứa thư mục web ({webRoot}): tệp đính kèm sẽ tải được mà không cần quyền. Chọn thư mục khác, ví dụ ./data/attachments. / " +
                    $"{AttachmentOptions.Section}:Folder '{folder}' is inside or contains the web root ({webRoot}): attachments would be served without any access check. Choose another folder, e.g. ./data/attachments.");
            }
            else
            {
                try
                {
                    Directory.CreateDirectory(folder);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failures.Add($"{AttachmentOptions.Section}:Folder '{folder}' không tạo được ({e.Message}). / {AttachmentOptions.Section}:Folder '{folder}' cannot be created ({e.Message}).");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
