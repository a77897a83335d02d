using System.Text.RegularExpressions;

namespace Beacon.Web.Features.Admin.Jurisdictions;

/// <summary>A county's names and state; its id is typed once, when it is added.</summary>
public class CountyInput
{
    public string? NameEn { get; set; }
    public string? NameEs { get; set; }
    public string? State { get; set; }
}

public sealed record CountyValues(string NameEn, string NameEs, string State);

public static partial class CountyFields
{
    public const int NameMax = 200;
    /// <summary>Short enough that "{county}-{kind}-{n}" contact ids fit their 64-character column.</summary>
    public const int IdMax = 40;

    /// <summary>Ids that would clash with a route ("new") or with the row of national contacts.</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>(StringComparer.Ordinal) { "new", "national" };

    public static CountyValues? Check(CountyInput input, FormCheck check)
    {
        var en = check.Text("Input.NameEn", "Field.NameEn", input.NameEn, NameMax, required: true);
        var es = check.Text("Input.NameEs", "Field.NameEs", input.NameEs, NameMax, required: true);
        // Capitals are not a choice worth an error: "ca" is stored as "CA".
        var state = check.Matching("Input.State", "Field.State", input.State?.ToUpperInvariant(), 2, required: true,
            StatePattern(), "Validation.State");
        return en is not null && es is not null && state is not null ? new CountyValues(en, es, state) : null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex StatePattern();
}
