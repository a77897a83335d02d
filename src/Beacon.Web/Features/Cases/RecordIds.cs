namespace Beacon.Web.Features.Cases;

/// <summary>
/// Double-submit protection for the forms that create a record on a case (a note, a task, a service, a
/// referral, a meeting): the new record's id is chosen when the form is shown (<c>_RecordId</c> partial)
/// and sent back with it, so the same form sent twice (a double click, a second window) finds its record
/// already saved instead of creating a second one.
/// </summary>
public static class RecordIds
{
    public const string Field = "recordId";

    /// <summary>The id the form carries, or a fresh one when it carries none (a client that is not the form).</summary>
    public static Guid From(HttpRequest request) =>
        request.HasFormContentType && Guid.TryParse(request.Form[Field], out var id) && id != Guid.Empty ? id : Guid.NewGuid();
}
