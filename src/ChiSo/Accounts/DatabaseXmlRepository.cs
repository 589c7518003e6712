using System.Xml.Linq;
using ChiSo.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace ChiSo.Accounts;

/// <summary>
/// Stores data-protection keys in <c>data_protection_keys</c> (the EF Core package for this is not on our mirror).
/// Their secrets arrive encrypted (<see cref="KeyRingXmlEncryptor"/>); a key whose secret is still in clear is refused,
/// so a misconfiguration can never write key material to the database unencrypted.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceProvider services) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(x => XElement.Parse(x)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        if (KeyRingAtRest.PlaintextSecrets(element).Count > 0)
        {
            throw new InvalidOperationException("A data-protection key reached the database unencrypted; configure KeyRingXmlEncryptor.");
        }

        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ChiSoDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
