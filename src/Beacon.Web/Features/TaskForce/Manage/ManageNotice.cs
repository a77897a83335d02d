using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Beacon.Web.Features.TaskForce.Manage;

/// <summary>The one-line confirmation after a trainer's change (post, redirect, get); _Notice.cshtml shows it.</summary>
public static class ManageNotice
{
    public const string Key = "TaskForce.Notice";
    public const string ArgKey = "TaskForce.NoticeArg";

    public static void Set(ITempDataDictionary tempData, string resourceKey, string argument)
    {
        tempData[Key] = resourceKey;
        tempData[ArgKey] = argument;
    }
}
