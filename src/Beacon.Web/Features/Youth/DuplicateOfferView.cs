namespace Beacon.Web.Features.YouthRecords;

/// <summary>What the duplicate panel shows: the offers, each with what the user may do with it; cases are offered when creating, not when editing.</summary>
public sealed record DuplicateOfferView(IReadOnlyList<DuplicateOffer> Offers, bool OfferCases);
