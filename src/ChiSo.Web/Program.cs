using ChiSo.Web.Cli;

if (DbCommands.TryRun(args, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();
var app = builder.Build();
app.MapRazorPages();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
