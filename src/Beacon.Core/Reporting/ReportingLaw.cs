namespace Beacon.Core.Reporting;

/// <summary>The parts of a written report, in the order a form shows them.</summary>
public enum ReportFieldGroup
{
    Reporter = 0,
    Suspicion = 1,
    Child = 2,
    Guardians = 3,
    Suspect = 4,
}

/// <summary>
/// One fact a written report carries. <see cref="Required"/> facts must be there before the report is
/// filed; every other one is "if known": left empty, it is printed as unknown and never blocks filing.
/// Pages take its label from the resources under <c>Report.Field.{Id}</c>.
/// </summary>
public sealed record ReportField(string Id, ReportFieldGroup Group, bool Required, int MaxLength, bool Multiline = false);

/// <summary>A statement of the law shown to every reporter (text under <c>Law.{Key}</c>), with the section that says it.</summary>
public sealed record LegalDuty(string Key, string Citation, string Url);

/// <summary>
/// A jurisdiction's mandated-reporting rules as data: the written-report clock, what the written report
/// must contain, and what the reporter is told of their duty. Another state is a new value of this
/// record, not new code.
/// </summary>
public sealed record ReportingLaw(
    string Id, WrittenReportRule Clock, string ContentsCitation, string ContentsUrl,
    IReadOnlyList<ReportField> Fields, IReadOnlyList<LegalDuty> Duties)
{
    private const string Leginfo = "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=PEN&sectionNum=";

    /// <summary>California's Child Abuse and Neglect Reporting Act (Penal Code §§ 11164–11174.3).</summary>
    public static readonly ReportingLaw California = new(
        "CA",
        WrittenReportRule.California,
        "Penal Code § 11167(a)",
        Leginfo + "11167.",
        [
            new("reporter.name", ReportFieldGroup.Reporter, true, 200),
            new("reporter.address", ReportFieldGroup.Reporter, true, 300),
            new("reporter.phone", ReportFieldGroup.Reporter, true, 40),
            new("reporter.capacity", ReportFieldGroup.Reporter, true, 200),
            new("suspicion.information", ReportFieldGroup.Suspicion, true, 8000, Multiline: true),
            // The reporter's own account beside what a screen found: the same "information that gave rise
            // to the suspicion", kept apart so that a prefilled screen summary is never typed over.
            new("suspicion.narrative", ReportFieldGroup.Suspicion, false, 8000, Multiline: true),
            new("suspicion.sources", ReportFieldGroup.Suspicion, true, 1000, Multiline: true),
            new("child.name", ReportFieldGroup.Child, false, 200),
            new("child.birthdate", ReportFieldGroup.Child, false, 40),
            new("child.address", ReportFieldGroup.Child, false, 300),
            new("child.location", ReportFieldGroup.Child, false, 300),
            new("child.school", ReportFieldGroup.Child, false, 200),
            new("child.grade", ReportFieldGroup.Child, false, 40),
            new("child.class", ReportFieldGroup.Child, false, 100),
            new("guardians", ReportFieldGroup.Guardians, false, 2000, Multiline: true),
            new("suspect", ReportFieldGroup.Suspect, false, 2000, Multiline: true),
        ],
        [
            new("CA.Duty", "Penal Code § 11166(a)", Leginfo + "11166."),
            new("CA.Suspicion", "Penal Code § 11166(a)(1)", Leginfo + "11166."),
            new("CA.Individual", "Penal Code § 11166(i)(1)", Leginfo + "11166."),
            new("CA.Immunity", "Penal Code § 11172(a)", Leginfo + "11172."),
            new("CA.Failure", "Penal Code § 11166(c)", Leginfo + "11166."),
            new("CA.Form", "Penal Code § 11168", Leginfo + "11168."),
        ]);

    public static IReadOnlyList<ReportingLaw> All { get; } = [California];

    /// <summary>The law for a jurisdiction's state (e.g. "CA"), or null when Beacon does not hold that state's rules.</summary>
    public static ReportingLaw? ForState(string? state) =>
        All.FirstOrDefault(l => string.Equals(l.Id, state, StringComparison.OrdinalIgnoreCase));

    public static ReportingLaw? Find(string? id) => ForState(id);

    public ReportField? Field(string id) => Fields.FirstOrDefault(f => f.Id == id);
}
