using System.Text.Json;
using Beacon.Core.Jurisdictions;
using Beacon.Core.Screening;
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
