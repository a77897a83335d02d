using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Beacon.Bench.Load;

/// <summary>
/// <c>load</c>: drives a running Beacon for <c>--seconds</c> with <c>--concurrency</c> workers, each looping over a
/// weighted mix (<c>--mix mixed</c>: public pages 40%, tips 20%, staff screens 30% (draft, finish, view), case notes
/// 10%; <c>--mix screens</c>: only screens finished in one save and opened; <c>--mix writes</c>: only screens finished
/// in one save, never opened, for the writes figure). Every
/// acknowledged write goes to <c>--acks</c> for <c>load-check</c>. Failures (the server killed mid-run) are
/// counted, and the worker carries on after a pause, so the run continues against a restarted server.
/// </summary>
public static partial class LoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Args.Of(args);
        var url = o.Get("--url");
        var seconds = int.Parse(o.Get("--seconds", "60"), CultureInfo.InvariantCulture);
        var concurrency = int.Parse(o.Get("--concurrency", "8"), CultureInfo.InvariantCulture);
        var mix = o.Get("--mix", "mixed");
        if (mix is not ("mixed" or "screens" or "writes"))
        {
            throw new ArgumentException($"--mix {mix}: expected mixed, screens or writes.");
        }

        var staff = new Session(url, new Session.Account(o.Get("--email"), o.Get("--password"), o.Get("--key")));
        var visitor = new Session(url, null);
        using var setup = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // Signs in (through the first token) and reads the screen form and a case the staff member works on.
        await staff.ReadyAsync(setup.Token);
        // The visitor's antiforgery cookie and token before any worker's first page: a page fetched at the same moment
        // as the token's form, with no cookie yet, would set a second cookie and refuse the first tip (a 400).
        await visitor.ReadyAsync(setup.Token);
        var form = await ScreenForm.ReadAsync(staff.Client, setup.Token);
        var cases = await staff.Client.GetStringAsync("/cases", setup.Token);
        Guid? caseId = CaseLink().Match(cases) is { Success: true } m ? Guid.Parse(m.Groups[1].Value) : null;
        Console.WriteLine($"Load: {seconds} s, {concurrency} workers, mix {mix}, screen form of {form.Items} items, " +
            (caseId is null ? "no case to write notes on." : "notes on one case."));

        using var acks = new Acks(o.Get("--acks"));
        var times = new Latencies();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var traffic = new Traffic(staff, visitor, acks, times, form, caseId, stop.Token);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(traffic, times, mix, stop.Token))));
        var elapsed = clock.Elapsed.TotalSeconds;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{times.Total} requests answered in {elapsed:F1} s ({times.Total / elapsed:F1}/s), {times.Failures} failed or refused."));
        foreach (var line in times.Lines(elapsed))
        {
            Console.WriteLine(line);
        }

        if (times.Failures > 0)
        {
            Console.WriteLine("Failures by reason:");
            foreach (var line in times.Reasons)
            {
                Console.WriteLine(line);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Screens saved (finished, acknowledged): {times.Count("screen finish")} = {times.Count("screen finish") / elapsed:F1}/s"));
        return 0;
    }

    private static async Task WorkAsync(Traffic traffic, Latencies times, string mix, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var failuresBefore = times.Failures;
            try
            {
                var roll = Random.Shared.Next(100);
                await (mix == "writes" ? traffic.ScreenAsync(draftFirst: false, stop, view: false)
                    : mix == "screens" ? traffic.ScreenAsync(draftFirst: false, stop)
                    : roll < 40 ? traffic.PublicPageAsync(stop)
                    : roll < 60 ? traffic.TipAsync(stop)
                    : roll < 90 ? traffic.ScreenAsync(draftFirst: true, stop)
                    : traffic.NoteAsync(stop));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (InvalidOperationException ex)
            {
                // Signing in again after a restart can fail while the server is still down: say so, pause, go on.
                Console.Error.WriteLine($"worker: {ex.Message}");
                times.Fail("sign-in");
            }

            if (times.Failures > failuresBefore)
            {
                // The server may be down (killed, restarting): do not spin.
                await Task.Delay(250, CancellationToken.None);
            }
        }
    }

    [GeneratedRegex("href=\"/cases/([0-9a-f-]{36})\"")]
    internal static partial Regex CaseLink();
}
