using Beacon.Core.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Cases.Work;

/// <summary>
/// What every page that works on a case shares: the case opened through the <see cref="CaseGate"/>
/// (so a user without the relation gets 404 and the refusal is audited), the checks of typed text
/// (errors name the field), and the way back to the case page with a notice.
/// </summary>
public abstract class CaseWorkPage(CaseGate gate, IStringLocalizer<CaseResource> c) : PageModel
{
    public OpenedCase Opened { get; private set; } = null!;
    public Beacon.Data.Entities.Case Case => Opened.Case;
    public Guid CaseId => Opened.Id;

    protected CaseGate Gate => gate;
    protected IStringLocalizer<CaseResource> C => c;
    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>
    /// Opens the case for the operation; false means "answer 404" (the gate has audited the refusal). A GET
    /// (a form that shows case data too) is audited by the gate as a view, like the case page.
    /// </summary>
    protected async Task<bool> OpenAsync(Guid id, CaseOperation operation)
    {
        if (await gate.OpenAsync(id, operation, Aborted) is not { } opened)
        {
            return false;
        }

        Opened = opened;
        return true;
    }

    /// <summary>404 for a record of an opened case that is not the user's to see or change, with the refusal audited.</summary>
    protected async Task<IActionResult> RefuseAsync(string what)
    {
        await gate.RefuseAsync(CaseId, what, Aborted);
        return NotFound();
    }

    /// <summary>
    /// The id the create form chose for its record (<see cref="RecordIds"/>), and whether that record is
    /// already on this case (the form was sent twice). An id taken by another case's record is replaced.
    /// </summary>
    protected async Task<(Guid Id, bool AlreadySaved)> RecordIdAsync(Func<Guid, Task<Guid?>> caseOfRecord)
    {
        var id = RecordIds.From(Request);
        var owner = await caseOfRecord(id);
        return owner == CaseId ? (id, true) : owner is null ? (id, false) : (Guid.NewGuid(), false);
    }

    /// <summary>The same form sent again: nothing new is saved; back to the section, which shows the record once.</summary>
    protected IActionResult AlreadySaved(string section)
    {
        TempData[DetailsModel.NoticeKey] = "Work.Notice.AlreadySaved";
        return Redirect($"/cases/{CaseId}#{section}");
    }

    /// <summary>After a change: audit it, then go back to the case's section with a notice.</summary>
    protected async Task<IActionResult> DoneAsync(AuditAction action, string what, string notice, string section)
    {
        await gate.RecordAsync(action, Opened, what, Aborted);
        TempData[DetailsModel.NoticeKey] = notice;
        return Redirect($"/cases/{CaseId}#{section}");
    }

    /// <summary>
    /// The trimmed text of a field, or null with an error naming the field when it is missing (if
    /// required) or longer than <paramref name="max"/>.
    /// </summary>
    protected string? ReadText(string field, string? value, int max, string labelKey, bool required = true)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null)
        {
            if (required)
            {
                ModelState.AddModelError(field, c["Error.Required", c[labelKey]]);
            }

            return null;
        }

        if (text.Length > max)
        {
            ModelState.AddModelError(field, c["Error.TooLong", c[labelKey], max, text.Length]);
            return null;
        }

        return text;
    }
}
