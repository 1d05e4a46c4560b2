using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Tests.Infrastructure;
using Sentra.Web.Data;
using Sentra.Web.Features.Regions;

namespace Sentra.Tests.Data;

public sealed class ReferenceDataTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SentraApp App => fixture.App;

    [Fact]
    public async Task Regions_and_kbli_are_loaded_with_version_source_and_licence()
    {
        await using var db = App.NewDbContext();
        Assert.Equal(91_220, await db.Regions.CountAsync());
        Assert.Equal(2_710, await db.KbliCodes.CountAsync());
        var regions = await db.ReferenceDataSets.SingleAsync(r => r.Name == ReferenceDataLoader.RegionsName);
        Assert.Equal("permendagri-72-2019", regions.Version);
        Assert.Equal("CC0 1.0", regions.Licence);
        Assert.Equal(91_220, regions.RowCount);
        var kbli = await db.ReferenceDataSets.SingleAsync(r => r.Name == ReferenceDataLoader.KbliName);
        Assert.Equal("2020", kbli.Version);
        Assert.Contains("Peraturan BPS", kbli.Source);
    }

    [Fact]
    public async Task The_region_tree_runs_from_province_to_village()
    {
        await using var db = App.NewDbContext();
        var village = await db.Regions.SingleAsync(r => r.Code == "32.76.11.1004");
        Assert.Equal("Pondok Petir", village.Name);
        Assert.Equal(RegionLevel.Village, village.Level);
        var district = await db.Regions.SingleAsync(r => r.Code == village.ParentCode);
        Assert.Equal("Bojongsari", district.Name);
        var city = await db.Regions.SingleAsync(r => r.Code == district.ParentCode);
        Assert.Equal("KOTA DEPOK", city.Name);
        Assert.Equal(11, await db.Regions.CountAsync(r => r.ParentCode == "32.76"));
        Assert.Equal(63, await db.Regions.CountAsync(r => r.Level == RegionLevel.Village && r.Code.StartsWith("32.76.")));
        // Names with commas survive the CSV.
        Assert.Equal("Lubuk Pakam I,II", (await db.Regions.SingleAsync(r => r.Code == "12.07.28.1007")).Name);
    }

    [Fact]
    public async Task Region_and_kbli_search_api()
    {
        var client = App.CreateClient();
        var found = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions?q=pondok%20petir");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), r => r.GetProperty("code").GetString() == "32.76.11.1004");
        var children = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions?parent=32.76.11");
        Assert.Equal(7, children.GetProperty("total").GetInt32());
        var kbli = await client.GetFromJsonAsync<JsonElement>("/api/v1/kbli?q=kerupuk");
        Assert.Contains(kbli.GetProperty("items").EnumerateArray(), k => k.GetProperty("code").GetString() == "10794");
        var paged = await client.GetFromJsonAsync<JsonElement>("/api/v1/kbli?pageSize=1000");
        Assert.Equal(100, paged.GetProperty("pageSize").GetInt32());
        Assert.Equal(100, paged.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("32", RegionLevel.Province, null)]
    [InlineData("32.76", RegionLevel.City, "32")]
    [InlineData("32.76.11", RegionLevel.District, "32.76")]
    [InlineData("32.76.11.1004", RegionLevel.Village, "32.76.11")]
    public void Region_codes_know_their_level_and_parent(string code, RegionLevel level, string? parent)
    {
        Assert.Equal(level, RegionCodes.LevelOf(code));
        Assert.Equal(parent, RegionCodes.ParentOf(code));
    }

    [Theory]
    [InlineData("32.76.11.1004", "32.76", true)]
    [InlineData("32.76", "32.76", true)]
    [InlineData("32.760.1", "32.76", false)]
    [InlineData("36.74.01", "32.76", false)]
    [InlineData("36.74.01", "", true)]
    [InlineData(null, "32.76", false)]
    public void Region_scope(string? code, string scope, bool inside) => Assert.Equal(inside, RegionCodes.IsWithin(code, scope));
}
