using ChiSo.Accounts;

namespace ChiSo.Tests.Accounts;

public sealed class TemporaryPasswordTests
{
    [Fact]
    public void TemporaryPassword_EverySample_MeetsThePasswordPolicy()
    {
        // Upper, lower, digit and length 10+ (Identity's policy): a random password that misses one fails now and then.
        for (var i = 0; i < 5000; i++)
        {
            var password = UserAdministration.TemporaryPassword();
            Assert.True(password.Length >= 10 && password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit), password);
        }
    }
}
