using ChiSo.Common;
using Microsoft.AspNetCore.Identity;

namespace ChiSo.Accounts;

/// <summary>
/// Identity's errors as <see cref="Problem"/>s: its descriptions are English only and reached users as they were.
/// Every code of <see cref="IdentityErrorDescriber"/> gets a Vietnamese and an English message and the form field it
/// is about; an unknown code (a future Identity version) keeps Identity's English text under a Vietnamese lead-in.
/// </summary>
public static class IdentityProblems
{
    /// <summary>The problems of a failed <see cref="IdentityResult"/>; <paramref name="userName"/> names a duplicate.</summary>
    public static IReadOnlyList<Problem> From(IdentityResult result, PasswordOptions password, string? userName = null) =>
        result.Errors.Select(e => From(e, password, userName)).ToList();

    public static Problem From(IdentityError error, PasswordOptions password, string? userName = null)
    {
        var name = string.IsNullOrEmpty(userName) ? "" : $" '{userName}'";
        return error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => Problem.Invalid("password",
                $"Mật khẩu cần ít nhất {password.RequiredLength} ký tự.", $"The password needs at least {password.RequiredLength} characters."),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => Problem.Invalid("password",
                $"Mật khẩu cần ít nhất {password.RequiredUniqueChars} ký tự khác nhau.", $"The password needs at least {password.RequiredUniqueChars} different characters."),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => Problem.Invalid("password",
                "Mật khẩu cần ít nhất một ký tự không phải chữ hay số.", "The password needs at least one character that is not a letter or digit."),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => Problem.Invalid("password",
                "Mật khẩu cần ít nhất một chữ số (0–9).", "The password needs at least one digit (0–9)."),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => Problem.Invalid("password",
                "Mật khẩu cần ít nhất một chữ thường (a–z).", "The password needs at least one lower-case letter (a–z)."),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => Problem.Invalid("password",
                "Mật khẩu cần ít nhất một chữ hoa (A–Z).", "The password needs at least one upper-case letter (A–Z)."),
            nameof(IdentityErrorDescriber.PasswordMismatch) => Problem.Invalid("currentPassword",
                "Mật khẩu hiện tại không đúng.", "The current password is wrong."),
            nameof(IdentityErrorDescriber.UserAlreadyHasPassword) => Problem.Invalid("password",
                "Tài khoản đã có mật khẩu.", "The account already has a password."),
            nameof(IdentityErrorDescriber.InvalidUserName) => Problem.Invalid("userName",
                $"Tên đăng nhập{name} không hợp lệ: chỉ dùng chữ không dấu, chữ số và - . _ @ +.",
                $"The user name{name} is not valid: use only unaccented letters, digits and - . _ @ +."),
            nameof(IdentityErrorDescriber.DuplicateUserName) => new Problem(ProblemCodes.Duplicate,
                $"Tên đăng nhập{name} đã có người dùng.", $"The user name{name} is already taken.") { Field = "userName" },
            nameof(IdentityErrorDescriber.InvalidEmail) => Problem.Invalid("email", "Địa chỉ thư không hợp lệ.", "The e-mail address is not valid."),
            nameof(IdentityErrorDescriber.DuplicateEmail) => new Problem(ProblemCodes.Duplicate,
                "Địa chỉ thư đã được tài khoản khác dùng.", "Another account already uses this e-mail address.") { Field = "email" },
            nameof(IdentityErrorDescriber.InvalidRoleName) => Problem.Invalid("role", "Tên vai trò không hợp lệ.", "The role name is not valid."),
            nameof(IdentityErrorDescriber.DuplicateRoleName) => new Problem(ProblemCodes.Duplicate,
                "Vai trò này đã có.", "The role already exists.") { Field = "role" },
            nameof(IdentityErrorDescriber.UserAlreadyInRole) => new Problem(ProblemCodes.Duplicate,
                "Tài khoản đã có vai trò này.", "The account already has this role.") { Field = "role" },
            nameof(IdentityErrorDescriber.UserNotInRole) => Problem.Invalid("role", "Tài khoản không có vai trò này.", "The account does not have this role."),
            nameof(IdentityErrorDescriber.InvalidToken) => Problem.Invalid("token",
                "Mã xác nhận không hợp lệ hoặc đã hết hạn.", "The confirmation token is invalid or has expired."),
            nameof(IdentityErrorDescriber.RecoveryCodeRedemptionFailed) => Problem.Invalid("code",
                "Mã khôi phục không đúng.", "The recovery code is wrong."),
            nameof(IdentityErrorDescriber.LoginAlreadyAssociated) => new Problem(ProblemCodes.Duplicate,
                "Đăng nhập ngoài này đã gắn với một tài khoản khác.", "This external sign-in already belongs to another account."),
            nameof(IdentityErrorDescriber.UserLockoutNotEnabled) => Problem.Invalid("locked",
                "Tài khoản này không khóa được.", "Lockout is not enabled for this account."),
            nameof(IdentityErrorDescriber.ConcurrencyFailure) => Problem.Conflict(),
            nameof(IdentityErrorDescriber.DefaultError) => new Problem(ProblemCodes.Invalid,
                "Đã có lỗi không xác định; không có gì được lưu.", "An unknown failure has occurred; nothing was saved."),
            _ => new Problem(ProblemCodes.Invalid, $"Không thực hiện được ({error.Code}): {error.Description}", error.Description),
        };
    }
}
