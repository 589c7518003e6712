namespace ChiSo.Publication;

/// <summary>
/// Told after something the public site shows has changed and been committed, so whoever caches public pages (the web
/// app's output cache) drops them at once instead of when they expire.
/// </summary>
public interface IPublicationChanges
{
    Task ChangedAsync(CancellationToken cancellationToken);
}
