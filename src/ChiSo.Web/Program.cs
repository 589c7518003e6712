using ChiSo.Web.Cli;
using ChiSo.Web.Hosting;

if (DbCommands.Run(args, Console.Out, Console.Error) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddChiSo();

var app = builder.Build();
app.UseChiSo();
app.Run();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
