namespace ChiSo.Frameworks;

/// <summary>An index (PAPI, PAR Index, SIPAS, PCI) whose yearly versions are <see cref="Framework"/>s.</summary>
public sealed record FrameworkFamily(string Id, string NameVi, string NameEn, string DescriptionVi, string DescriptionEn);
