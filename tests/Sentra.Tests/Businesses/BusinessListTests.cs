using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Features.Demo;

namespace Sentra.Tests.Businesses;

/// <summary>Listing, filters, sorting and paging over the untouched demo sentra (this class changes nothing).</summary>
public sealed class BusinessListTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;
    private async Task<HttpClient> As(string email) => App.WithToken(await App.TokenAsync(email));

    [Fact]
    public async Task Officer_lists_the_region_with_the_api_list_shape_and_capped_pages()
    {
        var client = await As(DemoAccounts.Officer);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/businesses?pageSize=500");
        Assert.Equal(20, all.GetProperty("total").GetInt32());
        Assert.Equal(100, all.GetProperty("pageSize").GetInt32());
        Assert.Equal(1, all.GetProperty("page").GetInt32());
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/v1/businesses?pageSize=5&page=2&sort=name");
        Assert.Equal(5, page2.GetProperty("items").GetArrayLength());
        var names = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToList(), names);
    }

    [Theory]
    [InlineData("village=32.76.11.1004", 20)]
    [InlineData("district=32.76.11", 20)]
    [InlineData("district=32.76.01", 0)]
    [InlineData("kbli=10796", 1)]
    [InlineData("industryClass=Medium", 1)]
    [InlineData("status=Draft", 2)]
    [InlineData("inCluster=false", 0)]
    public async Task Filters_narrow_the_list(string filter, int expected)
    {
        var client = await As(DemoAccounts.Officer);
        var result = await client.GetFromJsonAsync<JsonElement>($"/api/v1/businesses?{filter}");
        Assert.Equal(expected, result.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Halal_and_permit_expiry_filters_find_the_right_businesses()
    {
        var client = await As(DemoAccounts.Officer);
        var certified = await client.GetFromJsonAsync<JsonElement>("/api/v1/businesses?halal=Certified&pageSize=100");
        await using var db = App.NewDbContext();
        var expected = await db.Businesses.CountAsync(b => b.Products.Any(p => p.HalalStatus == Sentra.Web.Features.Products.HalalStatus.Certified));
        Assert.Equal(expected, certified.GetProperty("total").GetInt32());
        var expiring = await client.GetFromJsonAsync<JsonElement>("/api/v1/businesses?permitExpiring=true&pageSize=100");
        Assert.True(expiring.GetProperty("total").GetInt32() > 0);
        foreach (var item in expiring.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetInt32();
            var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/businesses/{id}");
            Assert.Contains(detail.GetProperty("permits").EnumerateArray(), p => p.GetProperty("state").ValueKind != JsonValueKind.Null
                && p.GetProperty("state").GetString() != "Valid");
        }
    }
}
