using System.Text.Json;
using ChiSo.EndToEndTests.Infrastructure;

namespace ChiSo.EndToEndTests.Accessibility;

/// <summary>
/// WCAG 2 A/AA checks by axe-core (vendored, MPL-2.0) on the pages an official uses: colour contrast, labels,
/// landmarks, language, names of links and buttons. Charts are canvases with an accessible label and are excluded.
/// </summary>
public sealed class AccessibilityTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string Axe = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Accessibility", "axe", "axe.min.js"));

    public static TheoryData<string, string> Pages => new()
    {
        { "login", "/account/login" },
        { "overview", "/" },
        { "year-table", "/results/papi/2025" },
        { "profile", "/units/68?framework=papi&year=2025" },
        { "map", "/map?framework=papi&year=2025" },
        { "import", "/results/import" },
        { "frameworks", "/frameworks" },
        { "framework", "/frameworks/papi-2021" },
        { "plans", "/plans" },
        { "plan", "/plans/1" },
        { "plan-task", "/plans/1/tasks" },
        { "plan-import", "/plans/1/import" },
        { "plan-review", "/plans/1/review" },
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoWcagAaViolations(string name, string url)
    {
        await using var browser = await app.OpenAsync($"{nameof(Page_HasNoWcagAaViolations)}-{name}");
        if (url != "/account/login")
        {
            await browser.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        }

        await browser.Page.GotoAsync(url);
        // Evaluated through the DevTools protocol, which a page's CSP does not govern (an injected <script> tag is rightly blocked).
        await browser.Page.EvaluateAsync(Axe);
        var result = await browser.Page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const r = await axe.run({ exclude: [['.chiso-chart']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + n.failureSummary) }));
            }
            """);
        await browser.StepAsync(name);
        var violations = result.EnumerateArray().Select(v => v.ToString()).ToList();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
