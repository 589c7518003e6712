using ChiSo.Data;
using Microsoft.EntityFrameworkCore;

namespace ChiSo.Reporting.Attachments;

/// <summary>
/// Attachments' bytes in the database (<c>report_attachment_contents</c>), the default store: they commit or roll back
/// with the attachment row, and are backed up with everything else.
/// </summary>
public sealed class DatabaseAttachmentStore(ChiSoDbContext db) : IAttachmentStore
{
    public bool InTransaction => true;

    public Task SaveAsync(string key, byte[] content, CancellationToken cancellationToken)
    {
        db.Set<StoredAttachmentContent>().Add(new StoredAttachmentContent { Key = key, Content = content });
        return Task.CompletedTask;
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var content = await db.Set<StoredAttachmentContent>().AsNoTracking().Where(c => c.Key == key).Select(c => c.Content).FirstOrDefaultAsync(cancellationToken);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    /// <summary>Inside the unit of work: the delete runs in its transaction and is undone with it.</summary>
    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await db.Set<StoredAttachmentContent>().Where(c => c.Key == key).ExecuteDeleteAsync(cancellationToken);
}
