namespace Beacon.Web.Features.YouthRecords;

/// <summary>What the duplicate panel shows: the offers, and the name and date of birth the user typed (sent back for the server's own check).</summary>
public sealed record DuplicateOfferView(IReadOnlyList<DuplicateOffer> Offers, string? LegalName, string? DateOfBirth, bool CanOpenCase);
