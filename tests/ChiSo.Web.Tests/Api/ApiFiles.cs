using System.Net.Http.Headers;
using System.Text;
using ChiSo.Frameworks;
using ChiSo.Seeding;
using ChiSo.Units;

namespace ChiSo.Web.Tests.Api;

/// <summary>Request bodies for API tests, written by the same generator the demo uses.</summary>
internal static class ApiFiles
{
    public static string PapiCsv(int year)
    {
        var framework = FrameworkVersions.ValidFor(BuiltInFrameworks.All, "papi", year)!;
        var date = ReorganisationDates.ReferenceDateForResultYear(year);
        var units = ProvinceReference.ToUnits().Where(u => u.IsValidOn(date)).ToList();
        return DemoResultsGenerator.Csv(framework, year, units);
    }

    public static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    public static MultipartFormDataContent Multipart(string text, string fileName)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
