using Beacon.Data;
using Beacon.Data.Entities;
using Beacon.Web.Features.Jurisdictions;
using Beacon.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Beacon.Web.Features.Tips;

/// <summary>
/// The anonymous tip form. It keeps no address or device details, caps every field, drops what a
/// bot puts in the hidden "website" field, and thanks the visitor only after the tip is stored.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(
    BeaconDbContext db,
    ContactDirectory directory,
    CurrentJurisdiction current,
    SensitiveText sensitive,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    ILogger<IndexModel> logger) : PageModel
{
    public const int WhatMax = 4000;
    public const int WhereMax = 500;
    public const int WhenMax = 200;
    public const int WhoMax = 2000;
    public const int ContactMax = 300;

    public sealed class InputModel
    {
        public string? County { get; set; }
        public string? What { get; set; }
        public string? Where { get; set; }
        public string? When { get; set; }
        public string? Who { get; set; }
        public string? Contact { get; set; }
        /// <summary>Hidden from people; a bot fills it in.</summary>
        public string? Website { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Jurisdiction> Counties { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Counties = await directory.CountiesAsync();
        Input.County ??= (await current.ResolveAsync(HttpContext))?.Id;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Counties = await directory.CountiesAsync();
        if (!string.IsNullOrEmpty(Input.Website))
        {
            logger.LogInformation("A tip with the honeypot field filled in was dropped");
            TempData[ThanksModel.StoredKey] = true;
            return RedirectToPage("Thanks");
        }

        Validate();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var tip = new Tip
        {
            JurisdictionId = Input.County!,
            ReceivedUtc = clock.GetUtcNow().UtcDateTime,
            Language = Localization.Language,
            WhatProtected = sensitive.Protect(Input.What!.Trim()),
            WhereProtected = sensitive.ProtectOrNull(Input.Where),
            WhenProtected = sensitive.ProtectOrNull(Input.When),
            WhoProtected = sensitive.ProtectOrNull(Input.Who),
            ContactProtected = sensitive.ProtectOrNull(Input.Contact),
        };
        // The tip and its place in the county's intake queue are saved together, or neither is.
        db.Tips.Add(tip);
        db.IntakeItems.Add(IntakeItem.ForTip(tip));
        await db.SaveChangesAsync();
        logger.LogInformation("Tip stored for {Jurisdiction}", Input.County);
        TempData[ThanksModel.StoredKey] = true;
        return RedirectToPage("Thanks");
    }

    private void Validate()
    {
        if (Counties.All(c => c.Id != Input.County))
        {
            ModelState.AddModelError("Input.County", t["Tip.Error.County"]);
        }

        if (string.IsNullOrWhiteSpace(Input.What))
        {
            ModelState.AddModelError("Input.What", t["Tip.Error.WhatRequired"]);
        }

        foreach (var (value, max, key, label) in new[]
                 {
                     (Input.What, WhatMax, "Input.What", "Tip.What"), (Input.Where, WhereMax, "Input.Where", "Tip.Where"),
                     (Input.When, WhenMax, "Input.When", "Tip.When"), (Input.Who, WhoMax, "Input.Who", "Tip.Who"),
                     (Input.Contact, ContactMax, "Input.Contact", "Tip.Contact"),
                 })
        {
            if (value is { } v && v.Trim().Length > max)
            {
                ModelState.AddModelError(key, t["Tip.Error.TooLong", t[label], max, v.Trim().Length]);
            }
        }
    }
}
