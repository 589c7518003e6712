using ChiSo.Common;
using ChiSo.Intake;
using ChiSo.Reporting.Attachments;
using ChiSo.Tests.TestData;

namespace ChiSo.Tests.Reporting.Attachments;

/// <summary>What a file is, decided from its bytes: each accepted kind, each renamed or broken file refused on the field "file".</summary>
public sealed class AttachmentInspectorTests
{
    private const long Max = 20L * 1024 * 1024;

    private static Outcome<InspectedFile> Inspect(byte[] bytes, string? name, IntakeLimits? limits = null) =>
        AttachmentInspector.Inspect(bytes, name, Max, limits ?? IntakeLimits.Default);

    private static Problem Refused(Outcome<InspectedFile> outcome)
    {
        Assert.False(outcome.Succeeded);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("file", problem.Field);
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageVi));
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageEn));
        return problem;
    }

    public static TheoryData<string, string, AttachmentKind, string> Accepted => new()
    {
        { "pdf", "Báo cáo quý I.pdf", AttachmentKind.Pdf, "Báo cáo quý I.pdf" },
        { "png", "ảnh hiện trường.PNG", AttachmentKind.Png, "ảnh hiện trường.png" },
        { "jpeg", "IMG_0001.JPEG", AttachmentKind.Jpeg, "IMG_0001.jpeg" },
        { "jpeg", "biên bản", AttachmentKind.Jpeg, "biên bản.jpg" },
        { "docx", "Kế hoạch 25-KH-SNV.docx", AttachmentKind.Docx, "Kế hoạch 25-KH-SNV.docx" },
        { "xlsx", "Số liệu.xlsx", AttachmentKind.Xlsx, "Số liệu.xlsx" },
        // A dot in the name is not an extension unless it looks like one: the kind's extension is added.
        { "pdf", "QĐ số 12.2026", AttachmentKind.Pdf, "QĐ số 12.2026.pdf" },
    };

    private static byte[] Bytes(string kind) => kind switch
    {
        "pdf" => TestAttachments.Pdf(),
        "png" => TestAttachments.Png(),
        "jpeg" => TestAttachments.Jpeg(),
        "docx" => TestAttachments.Docx(),
        _ => TestAttachments.Xlsx(),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Inspect_EachAcceptedKind_IsFoundFromItsContent_AndKeepsTheUsersName(string kind, string name, AttachmentKind expected, string downloadName)
    {
        var outcome = Inspect(Bytes(kind), name);

        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Equal(expected, outcome.Value!.Kind);
        Assert.Equal(downloadName, outcome.Value.FileName);
    }

    [Fact]
    public void Inspect_NameFromAWindowsPath_NfdOrWithADirectionOverride_IsCleaned()
    {
        Assert.Equal("Báo cáo.pdf", Inspect(TestAttachments.Pdf(), @"C:\Users\SNV\Desktop\Báo cáo.pdf").Value!.FileName);
        Assert.Equal("Báo cáo.pdf", Inspect(TestAttachments.Pdf(), "../../etc/Báo cáo.pdf").Value!.FileName);
        var nfd = "Ba\u0301o ca\u0301o.pdf";
        Assert.Equal("Báo cáo.pdf", Inspect(TestAttachments.Pdf(), nfd).Value!.FileName);
        // "bao-cao\u202Efdp.exe" reads as "bao-caoexe.pdf"; without the override it is what it is: a name ending in .exe.
        Assert.Contains(".exe", Refused(Inspect(TestAttachments.Pdf(), "bao-cao\u202Efdp.exe")).MessageVi, StringComparison.Ordinal);
        Assert.Equal("tep-dinh-kem.png", Inspect(TestAttachments.Png(), "  ..  ").Value!.FileName);
    }

    public static TheoryData<string, string> RenamedOrForeign => new()
    {
        { "html", "bao-cao.pdf" },
        { "exe", "bao-cao.pdf" },
        { "exe", "setup.exe" },
        { "zip", "bao-cao.docx" },
        { "png", "bao-cao.docx" },
        { "pdf", "bao-cao.xlsx" },
        { "docx", "so-lieu.xlsx" },
        { "jpeg", "anh.png" },
        { "pdf", "bao-cao.exe" },
        { "pdf", "bao-cao.html" },
    };

    [Theory]
    [MemberData(nameof(RenamedOrForeign))]
    public void Inspect_ContentThatIsNotWhatItsNameSays_IsRefusedOnTheFileField(string content, string name)
    {
        var bytes = content switch
        {
            "html" => TestAttachments.Html(),
            "exe" => TestAttachments.Exe(),
            "zip" => TestAttachments.PlainZip(),
            _ => Bytes(content),
        };

        var problem = Refused(Inspect(bytes, name));

        Assert.Equal(ProblemCodes.Invalid, problem.Code);
    }

    [Fact]
    public void Inspect_PngRenamedDocx_SaysWhatItReallyIs()
    {
        var problem = Refused(Inspect(TestAttachments.Png(), "ke-hoach.docx"));

        Assert.Contains("\".docx\"", problem.MessageVi, StringComparison.Ordinal);
        Assert.Contains("ảnh PNG", problem.MessageVi, StringComparison.Ordinal);
        Assert.Contains("PNG image", problem.MessageEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pdf", 10)]
    [InlineData("png", 5)]
    [InlineData("jpeg", 3)]
    [InlineData("docx", 200)]
    [InlineData("xlsx", 200)]
    public void Inspect_TruncatedFile_IsRefusedAsDamaged(string kind, int cut)
    {
        var whole = Bytes(kind);

        var problem = Refused(Inspect(whole[..^cut], "tep." + kind));

        Assert.Contains("hỏng", problem.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DocxThatInflatesPastTheBound_IsRefusedByTheSameCheckAsImports()
    {
        var limits = new IntakeLimits { MaxInflatedEntryBytes = 1024 * 1024, MaxInflatedBytes = 2 * 1024 * 1024 };
        var bomb = ZipBombs.Docx(8L * 1024 * 1024);
        Assert.True(bomb.Length < 256 * 1024, "the bomb is small as sent");

        var problem = Refused(Inspect(bomb, "bao-cao.docx", limits));

        Assert.Equal(ProblemCodes.TooLarge, problem.Code);
        Assert.Contains("Uploads:MaxInflatedEntryBytes", problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_DocxUnderDeclaringItsPartsSize_IsRefused()
    {
        var limits = new IntakeLimits { MaxInflatedEntryBytes = 1024 * 1024, MaxInflatedBytes = 2 * 1024 * 1024 };
        var lying = ZipBombs.UnderDeclared(ZipBombs.Docx(900 * 1024), "word/document.xml", 1000);

        Refused(Inspect(lying, "bao-cao.docx", limits));
    }

    [Fact]
    public void Inspect_MacroEnabledWordFile_IsRefused()
    {
        var problem = Refused(Inspect(TestAttachments.Docm(), "bao-cao.docx"));

        Assert.Contains(".docm", problem.MessageVi, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_OverTheLimit_IsTooLargeNamingTheSetting()
    {
        var problem = Refused(AttachmentInspector.Inspect(TestAttachments.Pdf(), "a.pdf", 100, IntakeLimits.Default));

        Assert.Equal(ProblemCodes.TooLarge, problem.Code);
        Assert.Contains("Reporting:Attachments:MaxBytes", problem.MessageEn, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_EmptyFile_IsRefused() => Refused(Inspect([], "a.pdf"));

    [Fact]
    public void Ascii_KeepsTheNameReadableWithoutMarks() =>
        Assert.Equal("Bao cao Dak Lak _1_.pdf", AttachmentFileName.Ascii("Báo cáo Đắk Lắk \"1\".pdf"));
}
