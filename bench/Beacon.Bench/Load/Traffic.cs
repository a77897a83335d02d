using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Beacon.Bench.Load;

/// <summary>
/// The requests of the load, each timed and, for a write, recorded as acknowledged only when the server's redirect
/// says it was stored. A write that fails (refused, timed out, the server gone) is not acknowledged and is not
/// retried with the same marker, except the case note, whose form carries its record id and is safe to send again.
/// </summary>
public sealed partial class Traffic(Session staff, Session visitor, Acks acks, Latencies times, ScreenForm form, Guid? caseId, CancellationToken stop)
{
    private static readonly string[] PublicPages = ["/", "/learn", "/tip", "/check", "/report"];

    public async Task PublicPageAsync(CancellationToken ct)
    {
        var path = PublicPages[Random.Shared.Next(PublicPages.Length)];
        await TimedAsync("public GET", async () =>
        {
            using var r = await visitor.Client.GetAsync(path, ct);
            await r.Content.ReadAsByteArrayAsync(ct);
            return Check("public GET", r, r.StatusCode == HttpStatusCode.OK);
        });
    }

    public async Task TipAsync(CancellationToken ct)
    {
        var marker = Marker("tip");
        await TimedAsync("tip POST", async () =>
        {
            using var r = await visitor.PostAsync("/tip", new()
            {
                ["Input.County"] = "placer", ["Input.What"] = $"Load test tip {marker}: saw a teenager with hotel key cards.",
                ["Input.Where"] = "Bus stop", ["Input.When"] = "Last night", ["Input.Who"] = "", ["Input.Contact"] = "", ["Input.Website"] = "",
            }, ct);
            var stored = Check("tip POST", r, r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString == "/tip/thanks");
            if (stored)
            {
                acks.Add("tip", marker);
            }

            return stored;
        });
    }

    /// <summary>A screen saved as a draft, then finished from its edit page, then (unless told not to) opened (an audited read).</summary>
    public async Task ScreenAsync(bool draftFirst, CancellationToken ct, bool view = true)
    {
        var reference = Marker("yr");
        Guid? id = null;
        if (draftFirst)
        {
            id = await SaveScreenAsync("screen draft", null, Guid.Empty, reference, finish: false, ct);
            if (id is null)
            {
                return;
            }

            var stamp = await TimedAsync("screen GET", async () =>
            {
                using var r = await staff.Client.GetAsync($"/screening/edit/{id}", ct);
                return Check("screen GET", r, r.StatusCode == HttpStatusCode.OK) ? StampOf(await r.Content.ReadAsStringAsync(ct)) : null;
            });
            if (stamp is not { } s || await SaveScreenAsync("screen finish", id, s, reference, finish: true, ct) is null)
            {
                return;
            }
        }
        else if ((id = await SaveScreenAsync("screen finish", null, Guid.Empty, reference, finish: true, ct)) is null || !view)
        {
            return;
        }

        await TimedAsync("screen view", async () =>
        {
            using var r = await staff.Client.GetAsync($"/screening/{id}", ct);
            await r.Content.ReadAsByteArrayAsync(ct);
            return Check("screen view", r, r.StatusCode == HttpStatusCode.OK);
        });
    }

    public async Task NoteAsync(CancellationToken ct)
    {
        if (caseId is not { } c)
        {
            return;
        }

        var recordId = Guid.NewGuid();
        var marker = Marker("note");
        // The same record id on each try: a note the server stored but whose answer was lost is found, not doubled.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await TimedAsync("note POST", async () =>
            {
                using var r = await staff.PostAsync($"/cases/{c}/notes/new",
                    new() { ["text"] = $"Load test note {marker} (synthetic text).", ["recordId"] = recordId.ToString() }, ct);
                return Check("note POST", r, r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location?.OriginalString.StartsWith($"/cases/{c}#", StringComparison.Ordinal) == true);
            });
            if (stored)
            {
                acks.Add("note", marker, recordId);
                return;
            }

            await Task.Delay(200, ct);
        }
    }

    private async Task<Guid?> SaveScreenAsync(string kind, Guid? id, Guid stamp, string reference, bool finish, CancellationToken ct)
    {
        var path = id is { } existing ? $"/screening/edit/{existing}" : $"/screening/edit?instrument={ScreenForm.Instrument}";
        return await TimedAsync(kind, async () =>
        {
            using var r = await staff.PostAsync(path, form.Fields(reference, finish, stamp), ct);
            var location = r.StatusCode == HttpStatusCode.Redirect ? r.Headers.Location?.OriginalString ?? "" : "";
            var match = ScreenPath().Match(location);
            if (!Check(kind, r, match.Success && match.Groups[1].Value == (finish ? "" : "edit/")))
            {
                return (Guid?)null;
            }

            var saved = Guid.Parse(match.Groups[2].Value);
            acks.Add(finish ? "finish" : "draft", reference, saved);
            return saved;
        });
    }

    /// <summary>Notes why a response is not the one that acknowledges: its status and where it redirects.</summary>
    private bool Check(string kind, HttpResponseMessage r, bool ok)
    {
        if (!ok)
        {
            times.Reason(kind, $"{(int)r.StatusCode} {r.Headers.Location?.OriginalString}");
        }

        return ok;
    }

    private async Task<bool> TimedAsync(string kind, Func<Task<bool>> request) =>
        await TimedAsync<bool?>(kind, async () => await request() ? true : null) is true;

    /// <summary>Times one request; a null result or an exception (server gone, timeout) counts as a failure.</summary>
    private async Task<T?> TimedAsync<T>(string kind, Func<Task<T?>> request)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var result = await request();
            if (result is null)
            {
                times.Fail(kind);
            }
            else
            {
                times.Add(kind, sw.Elapsed.TotalMilliseconds);
            }

            return result;
        }
        catch (TaskCanceledException) when (stop.IsCancellationRequested)
        {
            // In flight when the run's time ran out: neither answered nor failed.
            return default;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            times.Fail(kind);
            times.Reason(kind, ex.GetType().Name);
            return default;
        }
    }

    private static string Marker(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 1 + 24)];

    private static Guid? StampOf(string html) => StampField().Match(html) is { Success: true } m ? Guid.Parse(m.Groups[1].Value) : null;

    [GeneratedRegex("^/screening/(edit/)?([0-9a-f-]{36})")]
    private static partial Regex ScreenPath();

    [GeneratedRegex("name=\"stamp\"[^>]*value=\"([0-9a-f-]{36})\"")]
    private static partial Regex StampField();
}
