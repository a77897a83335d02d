using Beacon.Data.Entities;

namespace Beacon.Web.Features.Cases.Referrals;

/// <summary>One referral as the lists and its own page describe it, with the agencies' names.</summary>
public sealed record ReferralFacts(Referral Referral, string FromAgency, string ToAgency);
