namespace ReturnLoop.Features.Accounts;

/// <summary>
/// The minimum a password must meet wherever one is set (sign-up, accepting an invitation, any change): long enough,
/// not the email, not one of the passwords every guessing list tries first. 400 <c>validation.failed</c> with
/// <c>errors.password</c>.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    /// <summary>The most common passwords of at least 10 characters (from the public breach top lists).</summary>
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "1234567890", "0123456789", "12345678910", "123456789a", "1234567890a", "1q2w3e4r5t", "1q2w3e4r5t6y", "qwertyuiop",
        "qwerty1234", "qwerty12345", "qwerty123456", "password12", "password123", "password1234", "passw0rd123", "iloveyou12",
        "iloveyou123", "abcdefghij", "abc1234567", "abcd123456", "1qaz2wsx3edc", "zaq12wsx34", "0987654321", "1111111111",
        "0000000000", "aaaaaaaaaa", "asdfghjkl1", "asdfghjkl;", "qazwsxedcrfv", "football123", "baseball123", "welcome123",
        "sunshine123", "princess123", "dragon1234", "monkey1234", "letmein123", "starwars123", "superman123", "trustno1234",
        "computer123", "michael123", "administrator", "changeme123", "p@ssw0rd123", "password!1", "returnloop", "returnloop1",
        "returnloop123", "123123123123", "987654321a", "1234qwerasdf", "q1w2e3r4t5", "q1w2e3r4t5y6", "indonesia1", "indonesia123",
        "bismillah1", "bismillah123", "sayangku123", "rahasia123", "jakarta123",
    };

    public static Check Password(this Check check, string? password, string? email, string field = "password")
    {
        if (string.IsNullOrEmpty(password)) return check.Add(field, "Required.");
        if (password.Length is < MinLength or > MaxLength)
            return check.Add(field, $"{MinLength} to {MaxLength} characters.");
        var local = email?.Trim().Split('@')[0];
        if (email is not null && (string.Equals(password.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)
            || (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase)
                && password.Length - local.Length < 4)))
            return check.Add(field, "Must not be your email address.");
        if (Common.Contains(password) || password.Distinct().Count() < 3)
            return check.Add(field, "Too common: choose a password nobody would guess.");
        return check;
    }
}
