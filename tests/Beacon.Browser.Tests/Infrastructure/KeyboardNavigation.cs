namespace Beacon.Browser.Tests.Infrastructure;

/// <summary>
/// Moving through a page as someone without a mouse does: Tab and Shift+Tab until an element has
/// focus. Every element focused on the way must be in sight, not under the sticky quick-exit bar or
/// the sticky live level (WCAG 2.4.11, focus not obscured), or the test fails naming it.
/// </summary>
public static class KeyboardNavigation
{
    private const int MostPresses = 200;

    /// <summary>
    /// "target" when the focused element is <c>t</c>; "" when it is another element in sight (or
    /// nothing is focused); otherwise what covers the focused element. The point checked is the
    /// middle of the element (of its first line, for a link that wraps), which the browser has just scrolled into view.
    /// </summary>
    private const string FocusScript = """
        t => {
          const a = document.activeElement;
          if (!a || a === document.body || a === document.documentElement) { return ''; }
          const r = a.getClientRects()[0] || a.getBoundingClientRect(); // a link's first line
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          const seen = hit !== null && (a === hit || a.contains(hit));
          if (seen) { return a === t ? 'target' : ''; }
          const name = e => e === null ? 'nothing (out of the window)'
            : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().replace(/\s+/g, '.') : '');
          return name(a) + ' is focused but hidden under ' + name(hit);
        }
        """;

    /// <summary>Presses Tab until the element matching <paramref name="selector"/> has focus.</summary>
    public static Task TabToAsync(this IPage page, string selector) => MoveToAsync(page, selector, "Tab");

    /// <summary>Presses Shift+Tab until the element matching <paramref name="selector"/> has focus.</summary>
    public static Task ShiftTabToAsync(this IPage page, string selector) => MoveToAsync(page, selector, "Shift+Tab");

    private static async Task MoveToAsync(IPage page, string selector, string key)
    {
        var target = page.Locator(selector);
        for (var i = 0; i < MostPresses; i++)
        {
            var focus = await target.EvaluateAsync<string>(FocusScript);
            if (focus == "target")
            {
                return;
            }

            if (focus.Length > 0)
            {
                Assert.Fail($"On the way to {selector} with {key}: {focus}.");
            }

            await page.Keyboard.PressAsync(key);
        }

        Assert.Fail($"Could not reach {selector} with {key} in {MostPresses} presses.");
    }
}
