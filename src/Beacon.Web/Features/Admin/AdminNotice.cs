using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Beacon.Web.Features.Admin;

/// <summary>The confirmation shown once after a change; _Notice.cshtml renders it.</summary>
public static class AdminNotice
{
    public const string Key = "Admin.Notice";
    public const string ArgKey = "Admin.NoticeArg";

    /// <summary>Stores a resource key (and one argument) for the next page; never a credential.</summary>
    public static void Set(ITempDataDictionary tempData, string resourceKey, string? argument = null)
    {
        tempData[Key] = resourceKey;
        tempData[ArgKey] = argument ?? "";
    }
}
