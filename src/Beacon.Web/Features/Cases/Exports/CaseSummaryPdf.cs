using Beacon.Core.TaskForce;
using Beacon.Web.Infrastructure.Pdf;
using Microsoft.Extensions.Localization;
using UglyToad.PdfPig.Writer;

namespace Beacon.Web.Features.Cases.Exports;

/// <summary>
/// Lays out a <see cref="CaseSummary"/> as a PDF for the court or the MDT: Letter pages, the
/// confidentiality warning at the top and on every page's foot with "page n of m", sections in the
/// order a reader needs them. Labels come from <paramref name="text"/> (QueueResource keys) in the
/// reader's language; times are California time, zone named. Plain in, bytes out: no HTTP, no database.
/// </summary>
public static class CaseSummaryPdf
{
    public static byte[] Render(CaseSummary s, IStringLocalizer text)
    {
        using var document = new PdfDocumentBuilder();
        document.DocumentInformation.Title = text["Summary.Title"];
        document.DocumentInformation.Creator = "Beacon";
        var w = new PdfTextWriter(document);
        w.Title(text["Summary.Title"]);
        w.Warning(text["Summary.Confidential"]);
        w.Line(text["Summary.Generated", When(s, s.GeneratedUtc)]);

        w.Heading(text["Summary.Youth"]);
        WriteYouth(w, s, text);

        w.Heading(text["Summary.Case"]);
        w.Field(text["Summary.CaseId"], s.CaseId.ToString());
        w.Field(text["Summary.Status"], s.Status);
        w.Field(text["Summary.Agency"], s.Agency);
        w.Field(text["Summary.Caseworker"], s.Caseworker ?? text["Summary.Unassigned"]);
        w.Field(text["Summary.Opened"], When(s, s.OpenedUtc));
        if (s.ClosedUtc is { } closed)
        {
            w.Field(text["Summary.Closed"], When(s, closed));
        }

        w.Heading(text["Summary.History"]);
        w.Items(s.History, h => text["Summary.HistoryLine", When(s, h.AtUtc), h.From, h.To, h.By]
            + (string.IsNullOrWhiteSpace(h.Reason) ? "" : "\n" + text["Summary.Reason", h.Reason]), text["Summary.None"]);

        w.Heading(text["Summary.Team"]);
        w.Items(s.Team, m => (m.Agency is null ? m.Name : $"{m.Name} ({m.Agency})")
            + (m.InvitedUntilUtc is { } until ? " — " + text["Summary.InvitedUntil", When(s, until)] : ""), text["Summary.None"]);

        w.Heading(text["Summary.Services"]);
        w.Items(s.Services, v => text["Summary.ServiceLine", v.Kind, v.Status, v.Provider ?? text["Summary.NoProvider"], When(s, v.UpdatedUtc)],
            text["Summary.None"]);

        w.Heading(text["Summary.SafetyPlan"]);
        if (s.SafetyPlan is { } plan)
        {
            w.Line(text["Summary.UpdatedBy", plan.By, When(s, plan.UpdatedUtc)], muted: true);
            w.Line(plan.Text);
        }
        else
        {
            w.Line(text["Summary.None"]);
        }

        w.Heading(text["Summary.Notes"]);
        w.Items(s.Notes, n => (n.Version > 1
                ? text["Summary.NoteEdited", n.Author, When(s, n.CreatedUtc), n.Version, When(s, n.EditedUtc)]
                : text["Summary.NoteLine", n.Author, When(s, n.CreatedUtc)]) + "\n" + n.Text,
            text["Summary.None"]);

        w.Heading(text["Summary.Tasks"]);
        w.Items(s.Tasks, t => string.Join(" — ",
            t.Title,
            t.Due is { } due ? text["Summary.TaskDue", due.ToString("d", s.Culture)] : text["Summary.NoDue"],
            t.Assignee is { } who ? text["Summary.AssignedTo", who] : text["Summary.NotAssigned"],
            t.DoneUtc is { } done ? text["Summary.TaskDone", When(s, done)] : text["Summary.TaskOpen"]), text["Summary.None"]);

        var pages = w.Pages.Count;
        for (var i = 0; i < pages; i++)
        {
            w.Footer(w.Pages[i], text["Summary.Confidential"], text["Summary.Page", i + 1, pages]);
        }

        return document.Build();
    }

    private static void WriteYouth(PdfTextWriter w, CaseSummary s, IStringLocalizer text)
    {
        if (s.Youth is not { } y)
        {
            w.Line(text["Summary.IdentityNotShared"]);
            return;
        }

        if (y.Purged)
        {
            w.Line(text["Summary.Purged"]);
            return;
        }

        w.Field(text["Summary.LegalName"], y.LegalName);
        w.Field(text["Summary.PreferredName"], y.PreferredName ?? text["Summary.NotRecorded"]);
        w.Field(text["Summary.DateOfBirth"], y.DateOfBirth?.ToString("d", s.Culture) ?? text["Summary.NotRecorded"]);
        w.Field(text["Summary.Pronouns"], y.Pronouns ?? text["Summary.NotRecorded"]);
        w.Field(text["Summary.Language"], y.Language ?? text["Summary.NotRecorded"]);
    }

    /// <summary>California time in the reader's culture, zone named (as <c>LocalTime.Short</c>, with an explicit culture).</summary>
    private static string When(CaseSummary s, DateTime utc) =>
        $"{PacificTime.FromUtc(utc).ToString("g", s.Culture)} {PacificTime.Abbreviation(utc)}";
}
