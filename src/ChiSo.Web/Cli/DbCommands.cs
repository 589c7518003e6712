using ChiSo.Data;

namespace ChiSo.Web.Cli;

/// <summary>
/// Maintenance commands run as <c>dotnet run --project src/ChiSo.Web -- db …</c> instead of serving.
/// </summary>
internal static class DbCommands
{
    public static bool TryRun(string[] args, TextWriter output)
    {
        if (args is not ["db", ..])
        {
            return false;
        }

        switch (args)
        {
            case ["db", "script", var provider]:
                output.WriteLine(SchemaScript.Generate(DatabaseSettings.Parse(provider)));
                return true;
            default:
                output.WriteLine("Usage: db script sqlite|postgres");
                return true;
        }
    }
}
