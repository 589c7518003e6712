namespace ChiSo.Web.Api;

/// <summary>
/// The file an API call uploads: either the raw body (Content-Type text/csv, the XLSX type, JSON…) or the
/// <c>file</c> field of a multipart form.
/// </summary>
internal sealed record UploadedFile(byte[] Content, string FileName, string? ContentType)
{
    public static async Task<UploadedFile?> ReadAsync(HttpRequest request, string defaultName, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file");
            if (file is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            return new UploadedFile(buffer.ToArray(), file.FileName, file.ContentType);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return new UploadedFile(body.ToArray(), defaultName, request.ContentType);
    }

    public string Text => System.Text.Encoding.UTF8.GetString(Content).TrimStart('\uFEFF');
}
