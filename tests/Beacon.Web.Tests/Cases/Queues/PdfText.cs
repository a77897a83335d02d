using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Beacon.Web.Tests.Cases.Queues;

/// <summary>
/// The text a PDF shows, read back with PdfPig: each page's letters as the reader decodes them (through
/// each font's ToUnicode map), put back into lines by their baselines. So a test proves that a reader
/// (or a screen reader, or a search) finds the words, not that bytes match. A page's text is its lines
/// from top to bottom, each line's letters from left to right, and a space where two pieces of text on
/// one line stand apart (a field's label and value, a bullet and its item) by more than a fifth of the
/// font size.
/// </summary>
public static class PdfText
{
    public sealed record Document(int PageCount, IReadOnlyList<string> Pages)
    {
        public string All => string.Join("\n", Pages);
    }

    public static Document Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(Lines).ToList();
        return new Document(document.NumberOfPages, pages);
    }

    private static string Lines(Page page)
    {
        var text = new StringBuilder();
        var lines = page.Letters
            .GroupBy(l => Math.Round(l.StartBaseLine.Y, 1))
            .OrderByDescending(g => g.Key);
        foreach (var line in lines)
        {
            Letter? previous = null;
            foreach (var letter in line.OrderBy(l => l.StartBaseLine.X))
            {
                if (previous is not null && !string.IsNullOrWhiteSpace(previous.Value) && !string.IsNullOrWhiteSpace(letter.Value)
                    && letter.StartBaseLine.X - previous.EndBaseLine.X > letter.PointSize / 5)
                {
                    text.Append(' ');
                }

                text.Append(letter.Value);
                previous = letter;
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
