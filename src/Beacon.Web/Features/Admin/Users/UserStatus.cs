using Beacon.Data.Entities;

namespace Beacon.Web.Features.Admin.Users;

/// <summary>Active; invited (has not yet chosen a password through the link); or disabled.</summary>
public enum UserStatus
{
    Active,
    Invited,
    Disabled,
}

public static class UserStatuses
{
    public static UserStatus Of(bool isDisabled, bool hasPassword) =>
        isDisabled ? UserStatus.Disabled : hasPassword ? UserStatus.Active : UserStatus.Invited;

    public static UserStatus Of(BeaconUser user) => Of(user.IsDisabled, user.PasswordHash is not null);
}
