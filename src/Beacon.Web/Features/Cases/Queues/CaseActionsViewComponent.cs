using Microsoft.AspNetCore.Mvc;

namespace Beacon.Web.Features.Cases.Queues;

/// <summary>What the case page offers to do with the whole case, shown only to those allowed: reassign, download the summary.</summary>
public sealed record CaseActionsModel(Guid CaseId, bool CanReassign, bool CanDownload);

/// <summary>The case page's first section: "Reassign" for a supervisor of the owning agency, "Download case summary (PDF)" for those who see the whole case.</summary>
[CaseSection(1)]
public sealed class CaseActionsViewComponent : CaseSection
{
    protected override Task<IViewComponentResult> ShowAsync(OpenedCase opened)
    {
        var model = new CaseActionsModel(opened.Id, opened.Access.CanReassign, opened.Access.SeesWholeCase);
        IViewComponentResult result = model.CanReassign || model.CanDownload ? View(model) : Content("");
        return Task.FromResult(result);
    }
}
