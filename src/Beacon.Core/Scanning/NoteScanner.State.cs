namespace Beacon.Core.Scanning;

// The per-thread scratch space a scan works in.
public sealed partial class NoteScanner
{
    private const int KeptScratchChars = 1 << 20;

    [ThreadStatic]
    private static ScanState? scratch;

    private sealed class ScanState
    {
        public string Text { get; private set; } = "";
        public char[] Folded { get; private set; } = [];
        public List<Token> Tokens { get; } = [];
        public List<int> Questions { get; } = [];
        public int[] Ids { get; private set; } = [];
        public List<Match> TermCandidates { get; } = [];
        public List<Match> TermTaken { get; } = [];
        public List<Match> CueCandidates { get; } = [];
        public List<Match> CueTaken { get; } = [];
        public List<Match> Terminators { get; } = [];
        public List<Match> YouthMentions { get; } = [];
        public bool[] TermCovered { get; private set; } = [];
        public bool[] CueCovered { get; private set; } = [];
        public bool[] TermStarts { get; private set; } = [];
        public int[] Cuts { get; private set; } = [];
        public int[] TermOwner { get; private set; } = [];

        public void Reset(string text)
        {
            Text = text;
            if (Folded.Length < text.Length)
            {
                Folded = new char[Math.Max(text.Length, Folded.Length * 2)];
            }

            Tokens.Clear();
            Questions.Clear();
        }

        public void Release()
        {
            Array.Clear(Folded, 0, Math.Min(Text.Length, Folded.Length));
            Text = "";
        }

        public int[] IdsFor(int count)
        {
            if (Ids.Length < count)
            {
                Ids = new int[Math.Max(count, Ids.Length * 2)];
                TermCovered = new bool[Ids.Length];
                CueCovered = new bool[Ids.Length];
                TermStarts = new bool[Ids.Length];
                Cuts = new int[Ids.Length];
                TermOwner = new int[Ids.Length];
            }

            return Ids;
        }
    }
}
