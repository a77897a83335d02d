using System.Reflection;

namespace Beacon.Core.Accounts;

/// <summary>Why a chosen password was refused.</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,
    Common,
    MatchesAccountName,
}

/// <summary>
/// NIST SP 800-63B style rules: a length range and a block list, no composition rules.
/// The block list is the part of the SecLists "10 million passwords" top-1M list that is
/// long enough to pass the length rule (see docs/decisions/ADR-004-authentication.md).
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    public static IReadOnlyList<PasswordProblem> Check(string password, params string?[] accountNames)
    {
        ArgumentNullException.ThrowIfNull(password);
        var problems = new List<PasswordProblem>();
        var length = password.EnumerateRunes().Count();
        if (length < MinLength)
        {
            problems.Add(PasswordProblem.TooShort);
        }
        else if (length > MaxLength)
        {
            problems.Add(PasswordProblem.TooLong);
        }

        if (CommonPasswords.Value.Contains(password.Trim()))
        {
            problems.Add(PasswordProblem.Common);
        }

        if (accountNames.Any(n => !string.IsNullOrWhiteSpace(n) &&
                                  string.Equals(n.Trim(), password.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(PasswordProblem.MatchesAccountName);
        }

        return problems;
    }

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly()
            .GetManifestResourceStream("Beacon.Core.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from Beacon.Core.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
