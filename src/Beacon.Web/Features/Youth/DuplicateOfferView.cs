namespace Beacon.Web.Features.YouthRecords;

/// <summary>
/// What the duplicate panel shows: the offers, each with what the user may do with it; cases are offered
/// when creating, not when editing. With <see cref="Intake"/>, the record is being made for an intake
/// item: opening a case on an offered record links the item to it (the item's stamp as it was shown).
/// </summary>
public sealed record DuplicateOfferView(IReadOnlyList<DuplicateOffer> Offers, bool OfferCases, Guid? Intake = null, Guid IntakeStamp = default);
