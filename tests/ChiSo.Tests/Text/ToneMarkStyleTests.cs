using System.Text.RegularExpressions;

namespace ChiSo.Tests.Text;

/// <summary>
/// ChiSo writes its own texts in one tone-mark style, the one government documents use: the mark on the first vowel
/// of an open "oa", "oe", "uy" ("hòa", "hóa", "Ủy ban", "thủy"), never "hoà", "hoá", "Uỷ ban". The administrative-unit
/// lists stay as officially spelled (<c>src/ChiSo/Reference</c>), and code that matches users' other spellings may name
/// them on a line that also spells the house style or says "spelling variant".
/// </summary>
public sealed partial class ToneMarkStyleTests
{
    [Fact]
    public void OwnTexts_UseTheOldToneMarkStyle()
    {
        var root = RepositoryRoot();
        var files = new[] { "*.cs", "*.cshtml", "*.csv", "*.md", "*.js", "*.sql" }
            .SelectMany(pattern => Directory.EnumerateFiles(Path.Combine(root, "src"), pattern, SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories))
            .Append(Path.Combine(root, "README.md"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(Path.Combine("src", "ChiSo", "Reference"), StringComparison.Ordinal)
                && !f.Contains(Path.Combine("wwwroot", "lib"), StringComparison.Ordinal)
                && !f.EndsWith("VietnameseText.cs", StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"Only {files.Count} files found under {root}.");

        var offences = new List<string>();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Normalize(System.Text.NormalizationForm.FormC);
                foreach (Match m in NewStyle().Matches(line))
                {
                    if (!line.Contains(OldStyle(m.Value), StringComparison.Ordinal) && !line.Contains("spelling variant", StringComparison.OrdinalIgnoreCase))
                    {
                        offences.Add($"{Path.GetRelativePath(root, file)}:{i + 1}: '{m.Value}' (write '{OldStyle(m.Value)}')");
                    }
                }
            }
        }

        Assert.True(offences.Count == 0, "New-style tone marks in ChiSo's own texts:\n" + string.Join("\n", offences.Take(40)));
    }

    [Theory]
    [InlineData("hoà", "hòa")]
    [InlineData("Hoá", "Hóa")]
    [InlineData("Uỷ", "Ủy")]
    [InlineData("khoẻ", "khỏe")]
    public void OldStyle_MovesTheMarkToTheFirstVowel(string newStyle, string oldStyle) =>
        Assert.Equal(oldStyle, OldStyle(newStyle));

    /// <summary>"oà" → "òa": the mark moves from the second vowel to the first.</summary>
    private static string OldStyle(string text)
    {
        var marks = new Dictionary<char, (char Base, int Tone)>();
        var plain = "aeyAEY";
        string[] toned = ["àáảãạ", "èéẻẽẹ", "ỳýỷỹỵ", "ÀÁẢÃẠ", "ÈÉẺẼẸ", "ỲÝỶỸỴ"];
        for (var v = 0; v < plain.Length; v++)
        {
            for (var t = 0; t < 5; t++)
            {
                marks[toned[v][t]] = (plain[v], t);
            }
        }

        string[] first = ["òóỏõọ", "ùúủũụ", "ÒÓỎÕỌ", "ÙÚỦŨỤ"];
        return Regex.Replace(text, "([oOuU])(.)", m =>
        {
            if (!marks.TryGetValue(m.Groups[2].Value[0], out var mark))
            {
                return m.Value;
            }

            var row = "ouOU".IndexOf(m.Groups[1].Value[0], StringComparison.Ordinal);
            return $"{first[row][mark.Tone]}{mark.Base}";
        });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChiSo.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChiSo.slnx not found above " + AppContext.BaseDirectory);
    }

    // An open syllable ending in a toned "oa", "oe" or "uy" (not "qu-": "quý" is right in both styles).
    [GeneratedRegex("(?<![qQ])(?:[oO][àáảãạ]|[oO][èéẻẽẹ]|[uU][ỳýỷỹỵ])(?![\\p{L}])")]
    private static partial Regex NewStyle();
}
