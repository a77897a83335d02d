namespace Beacon.Bench.Load;

/// <summary>
/// <c>sign-in</c>: signs in to a running Beacon as the staff member given (password, then the authenticator's code)
/// and prints what a tool without a sign-in of its own (wrk, bench/web.sh) needs to send that member's requests:
/// <c>cookie=&lt;Cookie header&gt;</c>, and <c>case=&lt;id&gt;</c> of the first case on their list.
/// </summary>
public static class SignInCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Args.Of(args);
        var staff = new Session(o.Get("--url"), new Session.Account(o.Get("--email"), o.Get("--password"), o.Get("--key")));
        using var setup = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await staff.ReadyAsync(setup.Token);
        var cases = await staff.Client.GetStringAsync("/cases", setup.Token);
        if (LoadCommand.CaseLink().Match(cases) is not { Success: true } found)
        {
            await Console.Error.WriteLineAsync("sign-in: the staff member has no case on their list.");
            return 1;
        }

        Console.WriteLine($"cookie={staff.CookieHeader}");
        Console.WriteLine($"case={found.Groups[1].Value}");
        return 0;
    }
}
