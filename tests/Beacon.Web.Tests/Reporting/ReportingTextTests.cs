using Beacon.Core.Reporting;
using Beacon.Data.Entities;
using static Beacon.Web.Tests.Reporting.ReportKit;

namespace Beacon.Web.Tests.Reporting;

/// <summary>
/// The texts the reporting pages build their keys for (the law's statements, its facts' labels and
/// hints, its groups, the ways of sending), which the localization test cannot see in the source: each
/// exists in English and Spanish, and the two differ.
/// </summary>
public sealed class ReportingTextTests
{
    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        foreach (var law in ReportingLaw.All)
        {
            law.Duties.ToList().ForEach(d => keys.Add("Law." + d.Key));
            law.Fields.ToList().ForEach(f => keys.Add("Field." + f.Id));
            law.Fields.ToList().ForEach(f => keys.Add("Hint." + f.Id));
        }

        Enum.GetNames<ReportFieldGroup>().ToList().ForEach(g => keys.Add("Group." + g));
        Enum.GetNames<ReportSentMethod>().ToList().ForEach(m => keys.Add("SentMethod." + m));
        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Text_BuiltKey_ExistsInEnglishAndSpanish(string key)
    {
        var english = Text(key);
        var spanish = Text(key, "es");

        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.False(string.IsNullOrWhiteSpace(spanish));
        if (key != "SentMethod.Fax")
        {
            Assert.NotEqual(english, spanish);
        }
    }
}
