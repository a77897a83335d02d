using Beacon.Core.Screening;

namespace Beacon.Core.Tests.Screening;

public sealed class ScreenComparisonTests
{
    private static Dictionary<string, int?> Answers(params (string Id, int? Value)[] answers) =>
        answers.ToDictionary(a => a.Id, a => a.Value, StringComparer.Ordinal);

    [Fact]
    public void Compare_SameLevelAndAnswers_HasNoChanges()
    {
        var answers = Answers(("hotel-keys", 1), ("sex-for-value", null), ("foster-care", 0));

        var changes = ScreenComparison.Compare(
            ConcernLevel.Possible, answers, ConcernLevel.Possible, new Dictionary<string, int?>(answers), answers.Keys);

        Assert.False(changes.LevelChanged);
        Assert.Empty(changes.Answers);
    }

    [Fact]
    public void Compare_LevelRaised_SaysFromWhatToWhat()
    {
        var changes = ScreenComparison.Compare(
            ConcernLevel.Possible, Answers(("sex-for-value", 1)), ConcernLevel.Clear, Answers(("sex-for-value", 2)), ["sex-for-value"]);

        Assert.True(changes.LevelChanged);
        Assert.Equal(ConcernLevel.Possible, changes.LevelBefore);
        Assert.Equal(ConcernLevel.Clear, changes.LevelAfter);
    }

    [Fact]
    public void Compare_ChangedAnswers_ListsOnlyThoseWithBothValues()
    {
        var before = Answers(("hotel-keys", 0), ("cash-rolls", 1), ("older-partner", null), ("foster-care", 2));
        var after = Answers(("hotel-keys", 2), ("cash-rolls", 1), ("older-partner", 1), ("foster-care", null));

        var changes = ScreenComparison.Compare(ConcernLevel.Possible, before, ConcernLevel.Clear, after, after.Keys);

        Assert.Equal(
            [
                new AnswerChange("hotel-keys", true, 0, true, 2),
                new AnswerChange("older-partner", true, null, true, 1), // unknown, then known: a change
                new AnswerChange("foster-care", true, 2, true, null),  // known, then unknown: a change too
            ],
            changes.Answers);
    }

    [Fact]
    public void Compare_ItemsOnlyOneSideAsked_AreListedAsNotAskedOnTheOther()
    {
        // A quick screen (few items) followed by a full one (more items, one the quick asked is gone).
        var before = Answers(("hotel-keys", 1), ("abuse-material", 0));
        var after = Answers(("hotel-keys", 1), ("cash-rolls", 2), ("withdrawal", null));

        var changes = ScreenComparison.Compare(ConcernLevel.Possible, before, ConcernLevel.Possible, after, after.Keys);

        Assert.False(changes.LevelChanged);
        Assert.Equal(
            [
                new AnswerChange("cash-rolls", false, null, true, 2),
                new AnswerChange("withdrawal", false, null, true, null), // asked and unknown is not "not asked"
                new AnswerChange("abuse-material", true, 0, false, null),
            ],
            changes.Answers);
    }

    [Fact]
    public void Compare_Order_FollowsTheGivenOrderThenTheRest()
    {
        var before = Answers(("a-1", 0), ("z-9", 1));
        var after = Answers(("m-5", 1), ("b-2", 2));

        var changes = ScreenComparison.Compare(ConcernLevel.None, before, ConcernLevel.None, after, ["b-2", "not-in-either", "m-5"]);

        Assert.Equal(["b-2", "m-5", "a-1", "z-9"], changes.Answers.Select(c => c.ItemId));
    }
}
