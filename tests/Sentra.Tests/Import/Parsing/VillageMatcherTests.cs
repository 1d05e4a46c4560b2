using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Tests.Import.Parsing;

public sealed class VillageMatcherTests
{
    private const string PondokPetir = "32.76.11.1004";
    private const string Bojongsari = "32.76.11.1001";
    private const string BojongsariBaru = "32.76.11.1002";
    private const string CurugBojongsari = "32.76.11.1005";
    private const string CurugCimanggis = "32.76.02.1008";

    private static readonly VillageMatcher Matcher = new(
        [
            (PondokPetir, "Pondok Petir"),
            (Bojongsari, "Bojongsari"),
            (BojongsariBaru, "Bojongsari Baru"),
            (CurugBojongsari, "Curug"),
            (CurugCimanggis, "Curug"),
        ],
        [("32.76.11", "Bojongsari"), ("32.76.02", "Cimanggis"), ("32.76.01", "Sawangan")]);

    [Theory]
    [InlineData("Pondok Petir", null, PondokPetir)]
    [InlineData("PONDOK PETIR", null, PondokPetir)]
    [InlineData("pondok  petir", "", PondokPetir)]
    [InlineData("Pondokpetir", null, PondokPetir)]
    [InlineData(" Pondok-Petir. ", null, PondokPetir)]
    [InlineData("Kel. Pondok Petir", null, PondokPetir)]
    [InlineData("Kelurahan Pondok Petir", null, PondokPetir)]
    [InlineData("Desa Pondok Petir", null, PondokPetir)]
    [InlineData("Ds. Pondok Petir", null, PondokPetir)]
    [InlineData("Kel/Desa Pondok Petir", null, PondokPetir)]
    [InlineData("Pd. Petir", null, PondokPetir)]
    [InlineData("Pd Petir", null, PondokPetir)]
    [InlineData("Kel. Pd. Petir", "Kec. Bojongsari", PondokPetir)]
    [InlineData("Pondok Petir", "Kecamatan Bojong Sari", PondokPetir)]
    [InlineData("Bojongsari", null, Bojongsari)]
    [InlineData("Bojong Sari", null, Bojongsari)]
    [InlineData("Bojongsari Baru", null, BojongsariBaru)]
    [InlineData("Bojong Sari Baru", "Bojongsari", BojongsariBaru)]
    [InlineData("Curug", "Bojongsari", CurugBojongsari)]
    [InlineData("Curug", "Kec. Cimanggis", CurugCimanggis)]
    [InlineData("Kel. Curug", "CIMANGGIS", CurugCimanggis)]
    [InlineData("Curug", "Bojong-sari", CurugBojongsari)]
    [InlineData("Pondok Petri", null, PondokPetir)]
    [InlineData("Pondok Petr", null, PondokPetir)]
    [InlineData("Pondok Petiir", null, PondokPetir)]
    [InlineData("Pondok Putir", null, PondokPetir)]
    [InlineData("Bojongsary", null, Bojongsari)]
    [InlineData("Bojongsari Bar", null, BojongsariBaru)]
    [InlineData("Pondok Petir", "Kecamatan Entah", PondokPetir)]
    public void Villages_are_found(string village, string? district, string expectedCode)
    {
        var match = Matcher.Match(village, district);
        Assert.True(match.IsMatch, match.ErrorKey);
        Assert.Equal(expectedCode, match.Code);
        Assert.Null(match.ErrorKey);
        Assert.Empty(match.Candidates);
    }

    [Theory]
    [InlineData(null, null, ImportErrors.VillageRequired, new string[0])]
    [InlineData("  ", "Bojongsari", ImportErrors.VillageRequired, new string[0])]
    [InlineData("Curug", null, ImportErrors.VillageAmbiguous, new[] { CurugCimanggis, CurugBojongsari })]
    [InlineData("Kel. Curug", "", ImportErrors.VillageAmbiguous, new[] { CurugCimanggis, CurugBojongsari })]
    [InlineData("Curug", "Sawangan", ImportErrors.VillageAmbiguous, new[] { CurugCimanggis, CurugBojongsari })]
    [InlineData("Curug", "Kecamatan Entah", ImportErrors.VillageAmbiguous, new[] { CurugCimanggis, CurugBojongsari })]
    [InlineData("Pondok Petir", "Cimanggis", ImportErrors.VillageDistrictMismatch, new[] { PondokPetir })]
    [InlineData("Sawangan", null, ImportErrors.VillageUnknown, new string[0])]
    [InlineData("Curag", null, ImportErrors.VillageUnknown, new string[0])]
    [InlineData("Pondok Pinang", null, ImportErrors.VillageUnknown, new string[0])]
    [InlineData("Kelurahan", null, ImportErrors.VillageUnknown, new string[0])]
    [InlineData("Pondok Petir Bojongsari", null, ImportErrors.VillageUnknown, new string[0])]
    public void Missing_unknown_and_ambiguous_villages_are_reported(string? village, string? district, string expectedKey, string[] expectedCandidates)
    {
        var match = Matcher.Match(village, district);
        Assert.False(match.IsMatch);
        Assert.Null(match.Code);
        Assert.Equal(expectedKey, match.ErrorKey);
        Assert.Equal(expectedCandidates, match.Candidates);
    }

    [Fact]
    public void A_typo_that_fits_several_villages_is_unknown_with_the_near_matches_as_candidates()
    {
        var matcher = new VillageMatcher([("1.1.1.1", "Sukamaju"), ("1.1.1.2", "Sukamaji"), ("1.1.2.1", "Sukamaju")]);
        var match = matcher.Match("Sukamajo", null);
        Assert.Equal(ImportErrors.VillageUnknown, match.ErrorKey);
        Assert.Equal(["1.1.1.1", "1.1.1.2", "1.1.2.1"], match.Candidates);
    }

    [Fact]
    public void Without_districts_namesakes_stay_ambiguous_and_repeat_calls_agree()
    {
        var matcher = new VillageMatcher([(CurugBojongsari, "Curug"), (CurugCimanggis, "Curug")]);
        var first = matcher.Match("Curug", "Bojongsari");
        Assert.Equal(ImportErrors.VillageAmbiguous, first.ErrorKey);
        Assert.Same(first, matcher.Match("Curug", "Bojongsari"));
    }

    [Fact]
    public void Candidates_can_be_described_for_messages()
    {
        Assert.Equal("Curug (Cimanggis)", Matcher.Describe(CurugCimanggis));
        Assert.Equal("Curug (Bojongsari)", Matcher.Describe(CurugBojongsari));
        Assert.Equal("99.99", Matcher.Describe("99.99"));
        Assert.Equal("Curug", new VillageMatcher([(CurugCimanggis, "Curug")]).Describe(CurugCimanggis));
    }

    [Theory]
    [InlineData("pondokpetir", "pondokpetir", true)]
    [InlineData("pondokpetir", "pondokpetr", true)]
    [InlineData("pondokpetir", "pondokpeti", true)]
    [InlineData("pondokpetir", "ondokpetir", true)]
    [InlineData("pondokpetir", "pondokpetri", true)]
    [InlineData("pondokpetir", "pondokpxtir", true)]
    [InlineData("pondokpetir", "pondokpxtxr", false)]
    [InlineData("pondokpetir", "pondokpe", false)]
    [InlineData("pondokpetir", "opndokeptir", false)]
    public void One_edit_apart(string a, string b, bool expected)
    {
        Assert.Equal(expected, VillageMatcher.WithinOneEdit(a, b));
        Assert.Equal(expected, VillageMatcher.WithinOneEdit(b, a));
    }
}
