using System.Text.Json;
using Beacon.Core.Jurisdictions;
using Beacon.Core.Screening;
using Beacon.Data.Entities;
using Beacon.Web.Features.Screening.Screens;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace Beacon.Web.Features.Screening;

/// <summary>
/// An instrument as a FHIR R4 <c>Questionnaire</c> (Firely SDK). Sections become groups; each item's
/// linkId is its catalog ID, coded in the Beacon catalog system; Spanish rides on the standard
/// translation extension.
/// </summary>
public static class FhirExport
{
    public const string CatalogSystem = "urn:beacon:catalog";
    public const string ScaleSystem = "urn:beacon:concern-scale";
    public const string LevelSystem = "urn:beacon:concern-level";
    public const string LevelExtension = "urn:beacon:extension:concern-level";
    private const string TranslationExtension = "http://hl7.org/fhir/StructureDefinition/translation";

    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions { WriteIndented = true }.ForFhir(ModelInfo.ModelInspector);

    public static Questionnaire ToQuestionnaire(Instrument instrument)
    {
        var q = new Questionnaire
        {
            Id = $"{instrument.Id}-v{instrument.Version}",
            Url = $"urn:beacon:questionnaire:{instrument.Id}",
            Version = instrument.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Name = string.Concat(instrument.Id.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
            Status = instrument.Retired ? PublicationStatus.Retired : PublicationStatus.Active,
            Language = "en",
            Description = new Markdown(instrument.Description.En),
        };
        q.TitleElement = Translated(instrument.Title);
        foreach (var section in instrument.Sections)
        {
            var group = new Questionnaire.ItemComponent { LinkId = section.Id, Type = Questionnaire.QuestionnaireItemType.Group, TextElement = Translated(section.Title) };
            foreach (var item in section.Items)
            {
                var question = new Questionnaire.ItemComponent
                {
                    LinkId = item.Id,
                    Type = Questionnaire.QuestionnaireItemType.Choice,
                    TextElement = Translated(item.Text),
                    Code = item.Also.Prepend(item.Id).Select(id => new Coding(CatalogSystem, id)).ToList(),
                    AnswerOption =
                    [
                        Option("0", instrument.ScaleNone), Option("1", instrument.ScalePossible),
                        Option("2", instrument.ScaleClear), Option("unknown", instrument.ScaleUnknown),
                    ],
                };
                question.Item.Add(new Questionnaire.ItemComponent
                {
                    LinkId = $"{item.Id}.help", Type = Questionnaire.QuestionnaireItemType.Display, TextElement = Translated(item.Help),
                });
                group.Item.Add(question);
            }

            q.Item.Add(group);
        }

        return q;
    }

    /// <summary>
    /// A saved screen as a <c>QuestionnaireResponse</c> of its instrument version: one answer per item
    /// (linkId = catalog ID, coded on the concern scale; unknown is coded "unknown", never left as no),
    /// the level as an extension. Nothing identifying the youth is included.
    /// </summary>
    public static QuestionnaireResponse ToQuestionnaireResponse(Instrument instrument, SavedScreen screen)
    {
        var answers = StoredScreen.ReadAnswers(screen);
        var response = new QuestionnaireResponse
        {
            Id = screen.Id.ToString(),
            Identifier = new Identifier("urn:beacon:screen", screen.Id.ToString()),
            Questionnaire = $"urn:beacon:questionnaire:{instrument.Id}|{instrument.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            Status = screen.IsDraft ? QuestionnaireResponse.QuestionnaireResponseStatus.InProgress : QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            AuthoredElement = new FhirDateTime(new DateTimeOffset(screen.CompletedUtc ?? screen.UpdatedUtc, TimeSpan.Zero)),
            Language = "en",
        };
        response.Extension.Add(new Extension(LevelExtension, new Coding(LevelSystem, PublicScreenApi.LevelName(screen.Level))));
        foreach (var section in instrument.Sections)
        {
            var group = new QuestionnaireResponse.ItemComponent { LinkId = section.Id, Text = section.Title.En };
            foreach (var item in section.Items)
            {
                var answer = answers.GetValueOrDefault(item.Id);
                var code = answer?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
                group.Item.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = item.Id,
                    Text = item.Text.En,
                    Answer = [new QuestionnaireResponse.AnswerComponent { Value = new Coding(ScaleSystem, code, instrument.ScaleLabel(answer).En) }],
                });
            }

            response.Item.Add(group);
        }

        return response;
    }

    /// <summary>Reads a response's answers back by linkId (null = unknown); used by tests and importers.</summary>
    public static Dictionary<string, int?> AnswersOf(QuestionnaireResponse response) =>
        response.Item.SelectMany(g => g.Item).ToDictionary(
            i => i.LinkId ?? "",
            i => i.Answer.FirstOrDefault()?.Value is Coding { Code: "0" or "1" or "2" } c ? int.Parse(c.Code, System.Globalization.CultureInfo.InvariantCulture) : (int?)null);

    public static string Serialize(Resource resource) => JsonSerializer.Serialize(resource, resource.GetType(), Json);

    private static Questionnaire.AnswerOptionComponent Option(string code, LocalizedText label) =>
        new() { Value = new Coding(ScaleSystem, code, label.En) };

    private static FhirString Translated(LocalizedText text)
    {
        var value = new FhirString(text.En);
        var translation = new Extension { Url = TranslationExtension };
        translation.Extension.Add(new Extension("lang", new Code("es")));
        translation.Extension.Add(new Extension("content", new FhirString(text.Es)));
        value.Extension.Add(translation);
        return value;
    }
}
