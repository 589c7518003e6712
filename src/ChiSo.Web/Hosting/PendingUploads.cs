using System.Security.Cryptography;

namespace ChiSo.Web.Hosting;

/// <summary>
/// Holds an uploaded file between the steps of an import (preview, column mapping, name matching, import) so the
/// user uploads once. Files live outside the web root under the temp folder, are named by a random id (never by
/// the user's file name) and expire after an hour.
/// </summary>
public sealed class PendingUploads(TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "chiso-uploads")).FullName;

    public async Task<string> SaveAsync(string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        Sweep();
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        await File.WriteAllBytesAsync(Path.Combine(_folder, id + ".bin"), bytes, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_folder, id + ".name"), Path.GetFileName(fileName), cancellationToken);
        return id;
    }

    public async Task<(string FileName, byte[] Bytes)?> LoadAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null || id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var data = Path.Combine(_folder, id + ".bin");
        if (!File.Exists(data) || clock.GetUtcNow() - File.GetLastWriteTimeUtc(data) > Lifetime)
        {
            return null;
        }

        return (await File.ReadAllTextAsync(Path.Combine(_folder, id + ".name"), cancellationToken), await File.ReadAllBytesAsync(data, cancellationToken));
    }

    public void Delete(string id)
    {
        File.Delete(Path.Combine(_folder, id + ".bin"));
        File.Delete(Path.Combine(_folder, id + ".name"));
    }

    private void Sweep()
    {
        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            if (clock.GetUtcNow() - File.GetLastWriteTimeUtc(file) > Lifetime)
            {
                File.Delete(file);
            }
        }
    }
}
