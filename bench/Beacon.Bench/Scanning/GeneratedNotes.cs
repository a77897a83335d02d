using System.Text;
using Beacon.Core.Scanning;

namespace Beacon.Bench.Scanning;

/// <summary>
/// A large, reproducible set of synthetic case notes for the scanner's throughput benchmark: everyday caseworker
/// sentences with, in about half of them, a lexicon phrase, often behind a negation or uncertainty cue, as real
/// notes mix them. Same seed, same notes, so the scanner and the baseline read exactly the same text.
/// </summary>
public static class GeneratedNotes
{
    private static readonly Dictionary<string, string[]> Filler = new()
    {
        ["en"] =
        [
            "Met with the youth at the school office after second period",
            "Grandmother attended the meeting and asked about the next court date",
            "Youth was polite and answered questions about classes and friends",
            "Discussed the safety plan and the phone numbers she can call",
            "CW will follow up with the probation officer on Monday",
            "She said she likes art class and wants to try out for the team",
            "The placement reports that curfew has been kept this week",
            "Reviewed the school attendance record with the counselor",
            "Next home visit scheduled for the first week of the month",
            "Youth ate lunch during the visit and appeared tired",
        ],
        ["es"] =
        [
            "Me reuní con la joven en la oficina de la escuela después de la segunda clase",
            "La abuela asistió a la reunión y preguntó por la próxima fecha de la corte",
            "La joven fue amable y contestó preguntas sobre sus clases y sus amigas",
            "Hablamos del plan de seguridad y de los números a los que puede llamar",
            "La trabajadora social dará seguimiento con el oficial de libertad condicional el lunes",
            "Dijo que le gusta la clase de arte y que quiere entrar al equipo",
            "El hogar de colocación informa que ha respetado la hora de llegada esta semana",
            "Revisamos la asistencia escolar con la consejera",
            "La próxima visita al hogar será la primera semana del mes",
            "La joven comió durante la visita y se veía cansada",
        ],
    };

    /// <summary>Notes of about 1 KB each, totalling at least <paramref name="totalChars"/> characters.</summary>
    public static IReadOnlyList<string> Generate(ScannerLexicon lexicon, ScannerCues cues, int totalChars, int seed = 7)
    {
        var random = new Random(seed);
        var phrases = lexicon.Terms.Values.SelectMany(p => p).Select(Concrete).ToArray();
        var triggers = cues.Negation.Before.Concat(cues.Uncertainty.Before).Select(Concrete).ToArray();
        var filler = Filler[lexicon.Language];
        var notes = new List<string>();
        var total = 0;
        var note = new StringBuilder();
        while (total < totalChars)
        {
            note.Clear();
            while (note.Length < 1000)
            {
                note.Append(filler[random.Next(filler.Length)]);
                if (random.Next(2) == 0)
                {
                    note.Append(random.Next(3) == 0 ? $", {triggers[random.Next(triggers.Length)]} " : " and ");
                    note.Append(phrases[random.Next(phrases.Length)]);
                }

                note.Append(random.Next(8) == 0 ? ".\n" : ". ");
            }

            notes.Add(note.ToString());
            total += note.Length;
        }

        return notes;
    }

    /// <summary>A phrase as a note would say it: a wildcard or a gap becomes a word, a number 25, a prefix a whole word.</summary>
    private static string Concrete(ScannerPhrase phrase) =>
        string.Join(' ', phrase.Words.Select(w => w.IsWildcard ? "the" : w.IsGap ? "new" : w.IsNumber ? "25" : w.Prefix ? w.Text + "s" : w.Text));
}
