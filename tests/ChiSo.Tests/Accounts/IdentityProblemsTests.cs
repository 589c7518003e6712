using System.Reflection;
using ChiSo.Accounts;
using ChiSo.Common;
using Microsoft.AspNetCore.Identity;

namespace ChiSo.Tests.Accounts;

public sealed class IdentityProblemsTests
{
    private static readonly PasswordOptions Rules = new() { RequiredLength = 10, RequiredUniqueChars = 3 };

    /// <summary>Every error Identity's describer can make, with made-up arguments.</summary>
    public static TheoryData<string> Errors()
    {
        var data = new TheoryData<string>();
        foreach (var method in Describers())
        {
            data.Add(method.Name);
        }

        return data;
    }

    private static IEnumerable<MethodInfo> Describers() =>
        typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.ReturnType == typeof(IdentityError));

    private static IdentityError Describe(string name)
    {
        var method = Describers().First(m => m.Name == name);
        var arguments = method.GetParameters().Select(p => p.ParameterType == typeof(int) ? (object)10 : "nguyen.van.a").ToArray();
        return (IdentityError)method.Invoke(new IdentityErrorDescriber(), arguments)!;
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void From_EveryIdentityError_HasItsOwnVietnameseAndEnglishMessage(string name)
    {
        var error = Describe(name);
        var problem = IdentityProblems.From(error, Rules, "nguyen.van.a");
        Assert.False(problem.MessageVi.StartsWith("Không thực hiện được (", StringComparison.Ordinal), $"{error.Code} has no message of its own");
        Assert.NotEqual(error.Description, problem.MessageVi);
        Assert.False(string.IsNullOrWhiteSpace(problem.MessageEn));
        Assert.Equal(problem.MessageVi.Normalize(System.Text.NormalizationForm.FormC), problem.MessageVi);
    }

    [Fact]
    public void From_PasswordAndUserNameErrors_NameTheirField()
    {
        var describer = new IdentityErrorDescriber();
        var tooShort = IdentityProblems.From(describer.PasswordTooShort(10), Rules);
        Assert.Equal("password", tooShort.Field);
        Assert.Contains("10 ký tự", tooShort.MessageVi, StringComparison.Ordinal);
        var duplicate = IdentityProblems.From(describer.DuplicateUserName("sonv"), Rules, "sonv");
        Assert.Equal((ProblemCodes.Duplicate, "userName"), (duplicate.Code, duplicate.Field));
        Assert.Contains("'sonv'", duplicate.MessageVi, StringComparison.Ordinal);
        Assert.True(IdentityProblems.From(describer.ConcurrencyFailure(), Rules) is { Code: ProblemCodes.Conflict });
    }

    [Fact]
    public void From_AnUnknownCode_KeepsIdentitysTextUnderAVietnameseLeadIn()
    {
        var problem = IdentityProblems.From(new IdentityError { Code = "SomethingNew", Description = "Something new went wrong." }, Rules);
        Assert.Contains("Không thực hiện được", problem.MessageVi, StringComparison.Ordinal);
        Assert.Equal("Something new went wrong.", problem.MessageEn);
    }
}
