using System.Net;
using System.Text;
using ChiSo.Data;
using ChiSo.Web.Tests.Infrastructure;

namespace ChiSo.Web.Tests.Hosting;

/// <summary>Free text typed or uploaded by users comes back as text, never as markup, and Vietnamese survives intact.</summary>
public sealed class InjectionTests
{
    private const string Payload = "<script>alert('x')</script> Chỉ số “thử” & <b>đậm</b>";

    [Fact]
    public async Task FrameworkNames_WithMarkup_AreShownInert()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var api = app.CreateApiClient();
        var csv = $"code,parent,name_vi,name_en,min,max,aggregation,weight,order\n1,,\"{Payload.Replace("\"", "\"\"", StringComparison.Ordinal)}\",X,0,10,sum,,1\n";
        var created = await api.PostAsync($"/api/v1/frameworks?id=par-2020&nameVi={Uri.EscapeDataString(Payload)}&validFrom=2020&validTo=2020",
            new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var client = await SignIn.AdminAsync(app);
        foreach (var page in new[] { "/frameworks", "/frameworks/par-2020" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>đậm</b>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
            Assert.Contains("Chỉ số", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UploadedUnitNames_WithMarkup_AreEchoedInertInErrors()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = await SignIn.AdminAsync(app);
        var token = await SignIn.TokenAsync(client, "/results/import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("papi"), "Family" },
            { new StringContent("2019"), "Year" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"Tỉnh,1\n\"{Payload.Replace("\"", "\"\"", StringComparison.Ordinal)}\",5\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "kq.csv");

        var html = await (await client.PostAsync("/results/import", form)).Content.ReadAsStringAsync();

        Assert.Contains("Không tìm thấy đơn vị", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginName_WithMarkup_IsNotReflectedAsMarkup()
    {
        await using var app = await ChiSoWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        using var client = app.CreateClient();
        var token = await SignIn.TokenAsync(client, "/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = Payload, ["Password"] = "x", ["__RequestVerificationToken"] = token,
        });
        var html = await (await client.PostAsync("/account/login", form)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", html, StringComparison.Ordinal);
    }
}
