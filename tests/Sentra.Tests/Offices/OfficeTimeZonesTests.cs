using Sentra.Web.Features.Offices;

namespace Sentra.Tests.Offices;

/// <summary>Local times are read in the zone of the office that covers the place most closely.</summary>
public sealed class OfficeTimeZonesTests
{
    private static readonly OfficeTimeZones Zones = new([("32", "Asia/Jakarta"), ("73.71", "Asia/Makassar"), ("73", "Asia/Jakarta"), ("91", "Asia/Jayapura")]);

    [Theory]
    [InlineData("73.71.01.1001", "Asia/Makassar")] // the city office, not the province's
    [InlineData("73.72.01.1001", "Asia/Jakarta")]  // only the province covers it
    [InlineData("91.01.01.2001", "Asia/Jayapura")]
    [InlineData("73.71", "Asia/Makassar")]          // the office's own region
    [InlineData("73.710.01.1001", "Asia/Jakarta")]  // 73.710 is not inside 73.71
    [InlineData("51.71.01.1001", OfficeTimeZones.Default)]
    public void The_closest_office_sets_the_zone(string village, string zone) => Assert.Equal(zone, Zones.Of(village));

    [Fact]
    public void Without_offices_every_place_keeps_jakarta_time() => Assert.Equal("Asia/Jakarta", new OfficeTimeZones([]).Of("32.76.01.1001"));
}
