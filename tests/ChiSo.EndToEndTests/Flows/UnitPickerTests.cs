using ChiSo.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace ChiSo.EndToEndTests.Flows;

/// <summary>
/// The one unit picker, as a coordinator uses it on a 390-px phone: search ignoring tone marks and case, chips that
/// only their own × removes, the keyboard, and the plain select that a browser without JavaScript gets.
/// </summary>
public sealed class UnitPickerTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [BrowserFact]
    public async Task Picker_OnAPhone_SearchesWithoutToneMarks_KeepsChipsAndSaves()
    {
        await using var browser = await app.OpenAsync(nameof(Picker_OnAPhone_SearchesWithoutToneMarks_KeepsChipsAndSaves), 390, 844);
        var page = browser.Page;
        await browser.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        await OpenFirstTaskAsync(page);

        var partners = page.GetByRole(AriaRole.Combobox, new() { Name = "Phối hợp", Exact = true });
        var chips = page.Locator("#Partners + .chiso-picker .chiso-chip");
        var before = await chips.CountAsync();

        // Tone marks and case do not matter; the keyboard picks.
        await partners.FillAsync("so tu phap");
        await Assertions.Expect(page.GetByRole(AriaRole.Option, new() { Name = "Sở Tư pháp" })).ToBeVisibleAsync();
        await partners.PressAsync("Enter");
        await Assertions.Expect(chips).ToHaveCountAsync(before + 1);
        await partners.FillAsync("XAY DUNG");
        await partners.PressAsync("ArrowDown");
        await partners.PressAsync("ArrowUp");
        await partners.PressAsync("Enter");
        await Assertions.Expect(chips).ToHaveCountAsync(before + 2);
        await Assertions.Expect(chips.Last).ToContainTextAsync("Sở Xây dựng");
        await browser.StepAsync("two-picked");

        // A stray click elsewhere loses nothing; Escape closes the list.
        await partners.PressAsync("Escape");
        await page.Locator("h1").ClickAsync();
        await Assertions.Expect(chips).ToHaveCountAsync(before + 2);

        // Backspace in the empty box removes the last chip; × removes one by keyboard too.
        await partners.FocusAsync();
        await partners.PressAsync("Backspace");
        await Assertions.Expect(chips).ToHaveCountAsync(before + 1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ Sở Tư pháp" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chips).ToHaveCountAsync(before);
        await partners.FillAsync("so tu phap");
        await partners.PressAsync("Enter");
        await browser.StepAsync("before-save");
        Assert.True(await browser.FitsWidthAsync(), "The task form scrolls sideways on a phone.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Đã lưu.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#tasks-table tbody tr[id^=task-]").First).ToContainTextAsync("Sở Tư pháp");
        Assert.Empty(browser.Errors);
    }

    [BrowserFact]
    public async Task Picker_WithoutJavaScript_IsAPlainSelectThatStillSaves()
    {
        await using var browser = await app.OpenAsync(nameof(Picker_WithoutJavaScript_IsAPlainSelectThatStillSaves), javaScript: false);
        var page = browser.Page;
        await browser.LoginAsync("dieuphoi", ChiSo.Accounts.DemoLogins.Password);
        await OpenFirstTaskAsync(page);

        var executing = page.Locator("select#Executing");
        await Assertions.Expect(executing).ToBeVisibleAsync();
        var sport = await executing.Locator("option", new() { HasText = "Sở Văn hóa, Thể thao và Du lịch" }).GetAttributeAsync("value");
        await executing.SelectOptionAsync([sport!]);
        await browser.StepAsync("plain-select");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu nhiệm vụ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#tasks-table tbody tr[id^=task-]").First).ToContainTextAsync("Sở Văn hóa, Thể thao và Du lịch");
    }

    private static async Task OpenFirstTaskAsync(IPage page)
    {
        await page.GotoAsync("/plans");
        await page.Locator("#plans-table tbody a").First.ClickAsync();
        await page.Locator("#tasks-table tbody tr[id^=task-]").First.GetByRole(AriaRole.Link, new() { NameString = "Sửa" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/tasks/\\d+"));
    }
}
