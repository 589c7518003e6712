using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChiSo.Plans;

/// <summary>Serialises a <see cref="PlanView"/> for <see cref="PlanVersion"/>: plain JSON with enum names, so it stays readable across releases.</summary>
public static class PlanSnapshots
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Serialize(PlanView view) => JsonSerializer.Serialize(view, Options);

    public static PlanView Deserialize(string json) =>
        JsonSerializer.Deserialize<PlanView>(json, Options) ?? throw new InvalidDataException("Empty plan snapshot.");
}
