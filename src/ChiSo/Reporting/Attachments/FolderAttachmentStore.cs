namespace ChiSo.Reporting.Attachments;

/// <summary>
/// Attachments' bytes as files in a configured folder outside the web root (<c>Reporting:Attachments:Folder</c>), one file
/// per key under a two-letter subfolder. A file is written to a temporary name and renamed into place, so a reader never
/// meets half a file; files are readable by the app's own user only. Keys are checked to be hex before they become
/// paths: nothing a user sends ever reaches the file system.
/// </summary>
public sealed class FolderAttachmentStore : IAttachmentStore
{
    private readonly string _root;

    public FolderAttachmentStore(string folder)
    {
        _root = Path.GetFullPath(folder);
    }

    public string Root => _root;

    public bool InTransaction => false;

    public async Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part-" + AttachmentKeys.New();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var file = new FileStream(temporary, options))
            {
                await file.WriteAsync(content, cancellationToken);
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>Where the file of <paramref name="key"/> lives (tests look there).</summary>
    public string PathOf(string key) => AttachmentKeys.IsValid(key)
        ? Path.Combine(_root, key[..2], key)
        : throw new ArgumentException("Not an attachment key.", nameof(key));
}
