using Sentra.Web.Features.Catalog.Search;

namespace Sentra.Tests.Catalog;

/// <summary>The pure parts of catalog search: reading what a visitor typed, and correcting it against a vocabulary.</summary>
public sealed class SpellingCorrectorTests
{
    private static readonly SpellingCorrector Vocabulary = new([
        ("keripik", 40), ("kerupuk", 12), ("singkong", 20), ("dodol", 7), ("durian", 3), ("cireng", 9), ("balado", 8),
        ("pisang", 15), ("ripik", 30), ("madu", 2), ("chips", 10), ("cassava", 6), ("kopi", 4),
    ]);

    [Theory]
    [InlineData("kripik", "keripik")]      // a letter missing
    [InlineData("dodl", "dodol")]          // a letter missing, short word
    [InlineData("singkongg", "singkong")]  // a letter extra
    [InlineData("bolado", "balado")]       // a letter wrong
    [InlineData("cirneg", "cireng")]       // two letters swapped
    [InlineData("casava", "cassava")]
    [InlineData("pisnag", "pisang")]
    public void A_typo_becomes_the_nearest_indexed_word(string typed, string expected) =>
        Assert.Equal(expected, Vocabulary.Correct(typed));

    [Theory]
    [InlineData("kerip")]   // a prefix of an indexed word is searched as it is
    [InlineData("dodol")]
    [InlineData("ke")]
    public void Known_words_and_prefixes_stay(string typed) => Assert.Equal(typed, Vocabulary.Correct(typed));

    [Theory]
    [InlineData("keripik", true)]   // a whole indexed word: the search skips the prefix round
    [InlineData("kerip", false)]    // only a prefix: perhaps not finished
    [InlineData("keripiks", false)]
    [InlineData("", false)]
    public void Whole_indexed_words_are_terms(string typed, bool expected) => Assert.Equal(expected, Vocabulary.IsTerm(typed));

    [Theory]
    [InlineData("xq")]          // too short to guess
    [InlineData("zzzzzz")]      // nothing near
    [InlineData("mobilbekas")]
    public void Words_far_from_everything_are_not_guessed(string typed) => Assert.Null(Vocabulary.Correct(typed));

    [Fact]
    public void Ties_go_to_the_word_more_entries_use()
    {
        var corrector = new SpellingCorrector([("kopo", 1), ("kapi", 9)]);
        Assert.Equal("kapi", corrector.Correct("kopi"));
    }

    [Theory]
    [InlineData("abc", "abc", 0)]
    [InlineData("abc", "acb", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Distance_counts_edits_and_swaps(string a, string b, int expected) =>
        Assert.Equal(expected, SpellingCorrector.Distance(a, b, 5));

    [Fact]
    public void Distance_stops_at_the_limit() => Assert.Equal(2, SpellingCorrector.Distance("aaaaaaaa", "bbbbbbbb", 1));

    [Theory]
    [InlineData("Keripik  Singkong", new[] { "keripik", "singkong" })]
    [InlineData("\"dodol\" OR NEAR(x*) AND -kopi:*", new[] { "dodol", "or", "near", "x", "and", "kopi" })]
    [InlineData("Kopi Gayō café", new[] { "kopi", "gayo", "cafe" })]
    [InlineData("<script>alert(1)</script>", new[] { "script", "alert", "1" })]
    [InlineData("'; DROP TABLE \"Products\"; --", new[] { "drop", "table", "products" })]
    [InlineData("   ", new string[0])]
    public void Query_words_are_letters_and_digits_only(string typed, string[] expected) =>
        Assert.Equal(expected, QueryWords.Of(typed));

    [Fact]
    public void Query_words_are_bounded()
    {
        var words = QueryWords.Of(string.Join(' ', Enumerable.Range(0, 100).Select(i => "kata" + i)) + new string('a', 5000));
        Assert.Equal(QueryWords.MaxWords, words.Count);
        Assert.All(QueryWords.Of(new string('x', 5000)), w => Assert.True(w.Length <= QueryWords.MaxWordLength));
    }

    [Theory]
    [InlineData("15000", 15000L)]
    [InlineData("15.000", 15000L)]
    [InlineData("Rp 15.000", 15000L)]
    [InlineData("15,000", 15000L)]
    [InlineData("abc", null)]
    [InlineData("-5", null)]
    [InlineData("99999999999999999999", null)]
    [InlineData("1e9", null)]
    public void Prices_in_the_url_are_whole_rupiah_or_nothing(string typed, long? expected) => Assert.Equal(expected, CatalogQuery.Money(typed));

    [Fact]
    public void A_query_from_the_url_keeps_only_sensible_values()
    {
        var fields = new Dictionary<string, string>
        {
            ["q"] = new string('k', 1000), ["category"] = "../etc", ["halal"] = "1", ["min"] = "20000", ["max"] = "5000",
            ["district"] = "32.76.11", ["availability"] = "Discontinued", ["sort"] = "99", ["page"] = "-3",
        };
        var query = CatalogQuery.From(name => fields.GetValueOrDefault(name));
        Assert.Equal(QueryWords.MaxInput, query.Text!.Length);
        Assert.Null(query.Category);
        Assert.True(query.HalalOnly);
        Assert.Equal((5000L, 20000L), (query.MinPrice!.Value, query.MaxPrice!.Value));
        Assert.Equal("32.76.11", query.District);
        Assert.Null(query.Availability);
        Assert.Equal(CatalogSort.Relevance, query.Sort);
        Assert.Equal(1, query.Page);
    }
}
