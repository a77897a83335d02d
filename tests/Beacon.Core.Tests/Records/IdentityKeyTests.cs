using Beacon.Core.Records;

namespace Beacon.Core.Tests.Records;

public sealed class IdentityKeyTests
{
    private static readonly DateOnly Birthday = new(2010, 7, 4);

    [Theory]
    [InlineData("María José López", "Maria Jose Lopez")]
    [InlineData("María José López", "  MARÍA   josé  lópez ")]
    [InlineData("López, María", "María López")]
    [InlineData("Núñez Peña, Iñaki", "Inaki Nunez Pena")]
    [InlineData("García-Márquez, Sofía", "Sofia Garcia Marquez")]
    [InlineData("O'Brien Muñoz", "OBrien Munoz")]
    [InlineData("José\u0301 Ruiz", "Jose Ruiz")] // an accent typed as a combining mark
    public void For_SameNameTypedDifferently_SameKey(string a, string b) =>
        Assert.Equal(IdentityKey.For(a, Birthday), IdentityKey.For(b, Birthday));

    [Theory]
    [InlineData("María de la Cruz", "María Cruz")]
    [InlineData("José García López", "José García")]
    [InlineData("Ana Sánchez", "Ana Sanchez Ruiz")]
    public void For_DifferentWords_DifferentKeys(string a, string b) =>
        Assert.NotEqual(IdentityKey.For(a, Birthday), IdentityKey.For(b, Birthday));

    [Fact]
    public void For_DifferentBirthday_DifferentKey() =>
        Assert.NotEqual(IdentityKey.For("Ana Sánchez", Birthday), IdentityKey.For("Ana Sánchez", Birthday.AddDays(1)));

    [Fact]
    public void For_NormalisedForm_SortedWordsAndIsoDate() =>
        Assert.Equal("lopez maria|2010-07-04", IdentityKey.For("María LÓPEZ", Birthday));

    [Theory]
    [InlineData("Ana Sánchez", false)]
    [InlineData(" - , ", true)]
    [InlineData("", true)]
    public void For_NoBirthdayOrNoName_Null(string name, bool withBirthday) =>
        Assert.Null(IdentityKey.For(name, withBirthday ? Birthday : null));
}
