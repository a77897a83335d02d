using Beacon.Core.Jurisdictions;

namespace Beacon.Core.Tests.Jurisdictions;

public sealed class ReferenceDataLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("beacon-ref-").FullName;

    private static string ShippedFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "content", "jurisdictions");
            if (File.Exists(Path.Combine(dir.FullName, "Beacon.slnx")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("content/jurisdictions not found");
    }

    [Fact]
    public void LoadDirectory_ShippedFiles_HoldTheCatalogsWhereToReportNumbers()
    {
        var data = ReferenceDataLoader.LoadDirectory(ShippedFolder());
        var contacts = data.SelectMany(j => j.Contacts).ToDictionary(c => c.Id);

        Assert.Equal(["monterey", "national", "placer"], data.Select(j => j.Id).Order());
        Assert.Equal("+18883737888", contacts["national-hotline"].Phone);
        Assert.Equal("233733", contacts["national-hotline"].SmsNumber);
        Assert.Equal("HELP", contacts["national-hotline"].SmsKeyword);
        Assert.Equal("+18662931940", contacts["placer-child-welfare"].Phone);
        Assert.Equal("+18006066618", contacts["monterey-child-welfare"].Phone);
        Assert.Equal("8317554661", contacts["monterey-child-welfare"].AltPhone);
        Assert.Equal("8314228602", contacts["monterey-httf"].Phone);
        Assert.Equal("+18008435678", contacts["cybertipline"].Phone);
        Assert.Equal("911", contacts["emergency"].Phone);
        Assert.All(contacts.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.Source.Title)));
        Assert.Equal(ContactKind.ChildWelfareHotline, contacts["placer-child-welfare"].Kind);
    }

    [Fact]
    public void LoadFile_ContactWithoutSource_NamesFileAndField()
    {
        var path = Write("bad.json", """
            { "id": "somewhere", "name": { "en": "Somewhere", "es": "Algún lugar" }, "state": "CA",
              "contacts": [ { "id": "x-line", "kind": "TaskForce", "name": { "en": "X", "es": "X" }, "phone": "911",
                              "source": { "title": "" } } ] }
            """);

        var error = Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.LoadFile(path));

        Assert.Contains("bad.json", error.Message);
        Assert.Contains("contacts[x-line].source.title", error.Message);
    }

    [Fact]
    public void LoadFile_PhoneWithLetters_IsRefused()
    {
        var path = Write("phone.json", """
            { "id": "somewhere", "name": { "en": "Somewhere", "es": "Algún lugar" }, "state": "CA",
              "contacts": [ { "id": "x-line", "kind": "TaskForce", "name": { "en": "X", "es": "X" }, "phone": "CALL-NOW",
                              "source": { "title": "A page" } } ] }
            """);

        Assert.Contains(".phone", Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.LoadFile(path)).Message);
    }

    [Fact]
    public void LoadFile_MissingSpanishName_IsRefused()
    {
        var path = Write("name.json", """{ "id": "somewhere", "name": { "en": "Somewhere", "es": "" }, "state": "CA", "contacts": [] }""");

        Assert.Contains("name needs en and es", Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.LoadFile(path)).Message);
    }

    [Fact]
    public void LoadDirectory_SameIdTwice_IsRefused()
    {
        const string county = """{ "id": "twin", "name": { "en": "Twin", "es": "Gemelo" }, "state": "CA", "contacts": [] }""";
        Write("a.json", county);
        Write("b.json", county);

        Assert.Contains("'twin'", Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.LoadDirectory(_folder)).Message);
    }

    [Fact]
    public void LoadFile_NotJson_SaysSo()
    {
        var path = Write("broken.json", "{ not json");

        Assert.Contains("broken.json: not valid JSON", Assert.Throws<ReferenceDataException>(() => ReferenceDataLoader.LoadFile(path)).Message);
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
