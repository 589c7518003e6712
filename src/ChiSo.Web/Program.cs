using ChiSo.Web.Cli;
using ChiSo.Web.Hosting;

if (DbCommands.TryRun(args, Console.Out))
{
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddChiSo();

var app = builder.Build();
app.UseChiSo();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
