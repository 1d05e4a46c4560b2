using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Offices;
using Sentra.Web.Features.Products;
using Sentra.Web.Infrastructure.Files;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Web.Features.Demo;

public static class DemoSetup
{
    public static IServiceCollection AddSentraDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoOptions>(configuration.GetSection(DemoOptions.Section));
        services.AddScoped<DemoSeeder>();
        return services;
    }
}

/// <summary>
/// Seeds the Pondok Petir sentra (Kota Depok 32.76, Kecamatan Bojongsari 32.76.11, Kelurahan Pondok
/// Petir 32.76.11.1004) with fictional businesses, owners and products, and the demo accounts.
/// Everything it makes is marked <c>IsDemo</c>. Never runs in Production.
/// </summary>
public sealed class DemoSeeder(
    AppDbContext db,
    UserManager<AppUser> users,
    PersonalDataProtector protector,
    AccountService accounts,
    ImageProcessor images,
    IOptions<DemoOptions> options,
    IOptions<ClassificationOptions> classification,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string OfficeName = "Dinas Perdagangan dan Perindustrian Kota Depok";
    public const string DepokCode = "32.76";
    public const string BojongsariCode = "32.76.11";
    public const string PondokPetirCode = "32.76.11.1004";
    public const string ClusterSlug = "pondok-petir";

    public async Task SeedIfEnabledAsync()
    {
        if (!options.Value.Enabled || environment.IsProduction()) return;
        if (await db.Offices.AnyAsync(o => o.IsDemo)) return;
        AuditInterceptor.BackgroundActor.Value = "demo-seed";
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync();
        var office = new Office { Name = OfficeName, RegionCode = DepokCode, TimeZone = "Asia/Jakarta", IsDemo = true };
        db.Offices.Add(office);
        var cluster = new Cluster
        {
            Name = "Sentra IKM Pangan Olahan Pondok Petir",
            Slug = ClusterSlug,
            VillageCode = PondokPetirCode,
            MainCommodity = "Makanan olahan (cireng, pisang lumer, keripik)",
            MainCommodityEn = "Processed food (cireng, pisang lumer, chips)",
            Description = "Sentra industri kecil makanan olahan di Kelurahan Pondok Petir, Kecamatan Bojongsari, di perbatasan dengan Kota Tangerang Selatan. Sekitar dua puluh IKM berdekatan sehingga pengunjung mudah berbelanja.",
            DescriptionEn = "A cluster of small processed-food makers in Pondok Petir, Bojongsari, on the border with South Tangerang. About twenty businesses sit close together, so visitors can easily shop.",
            StartDate = new DateOnly(2018, 1, 9),
            Latitude = -6.3530,
            Longitude = 106.7055,
            IsDemo = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync();

        var people = new List<Person>();
        var businesses = new List<Business>();
        var serial = 1;
        foreach (var (demo, index) in DemoData.Businesses.Select((b, i) => (b, i)).ToList())
        {
            var nik = DemoNik(demo.OwnerBirthDate, demo.OwnerSex, serial++);
            IndonesianPhone.TryNormalize(demo.OwnerPhone, out var phone);
            var person = new Person
            {
                Name = demo.OwnerName,
                Sex = demo.OwnerSex,
                BirthDate = demo.OwnerBirthDate,
                WhatsAppCipher = protector.Encrypt(phone),
                RegionCode = PondokPetirCode,
                IsDemo = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            person.SetNik(nik, protector);
            person.SetPhone(phone, protector);
            people.Add(person);
            var verified = index % 7 != 6; // a few stay drafts, as in any real registry
            var business = new Business
            {
                Name = demo.Name,
                Brand = demo.Brand,
                LegalForm = LegalForm.Individual,
                Nib = demo.Nib,
                YearStarted = demo.YearStarted,
                Street = demo.Street,
                Rt = demo.Rt,
                Rw = demo.Rw,
                VillageCode = PondokPetirCode,
                Latitude = demo.Latitude,
                Longitude = demo.Longitude,
                MainProductType = demo.MainProductType,
                SalesChannels = demo.Channels,
                PublicWhatsApp = index % 3 == 2 ? null : phone,
                Status = verified ? BusinessStatus.Verified : BusinessStatus.Draft,
                VerifiedAt = verified ? now : null,
                IsDemo = true,
                CreatedAt = now,
                UpdatedAt = now,
                Owners = [new BusinessOwner { Person = person, IsPrimary = true }],
                KbliCodes = [new BusinessKbli { KbliVersion = KbliCode.Version2020, KbliCode = demo.Kbli, IsPrimary = true }],
                Observations =
                [
                    new BusinessObservation
                    {
                        Year = now.Year - 1, Half = 0, Source = ObservationSource.Registration,
                        PaidMale = demo.PaidMale, PaidFemale = demo.PaidFemale, UnpaidMale = demo.UnpaidMale, UnpaidFemale = demo.UnpaidFemale,
                        InvestmentRp = demo.InvestmentRp, AnnualSalesRp = demo.AnnualSalesRp,
                        CapacityPerMonth = demo.CapacityPerMonth, CapacityUnit = demo.CapacityUnit,
                        RecordedAt = now, VillageCode = PondokPetirCode,
                    },
                ],
                OpeningHours = Enumerable.Range(1, 6)
                    .Select(d => new OpeningHours { Day = (DayOfWeek)d, Opens = demo.Opens, Closes = demo.Closes }).ToList(),
                Clusters = [new ClusterMembership { Cluster = cluster, JoinedOn = new DateOnly(2018, 11, 1) }],
                Products = demo.Products.Select(p => new Product
                {
                    Name = p.Name, NameEn = p.NameEn, Description = p.Description, DescriptionEn = p.DescriptionEn,
                    Category = p.Category, KbliVersion = KbliCode.Version2020, KbliCode = demo.Kbli, Unit = p.Unit,
                    NetQuantity = p.NetQuantity, NetUnit = p.NetUnit, PriceRp = p.PriceRp, ShelfLifeDays = p.ShelfLifeDays,
                    Packaging = p.Packaging, Ingredients = p.Ingredients, Allergens = p.Allergens, Permit = ProductPermit(p.PermitNumber),
                    HalalStatus = p.Halal, Availability = p.Availability, PreOrderLeadDays = p.Availability == Availability.PreOrder ? 2 : null,
                    IsPublic = p.Availability != Availability.Discontinued, VillageCode = PondokPetirCode, IsDemo = true,
                    CreatedAt = now, UpdatedAt = now,
                }).ToList(),
            };
            if (demo.Nib is not null)
                business.Permits.Add(new Permit { Kind = PermitKind.Nib, Number = demo.Nib, IssuedOn = new DateOnly(demo.YearStarted < 2019 ? 2019 : demo.YearStarted, 6, 1), VillageCode = PondokPetirCode, CreatedAt = now, UpdatedAt = now });
            foreach (var product in business.Products.Where(p => p.Permit is not null)) business.Permits.Add(product.Permit!);
            var certified = business.Products.Where(p => p.HalalStatus == HalalStatus.Certified).ToList();
            if (certified.Count > 0)
            {
                // Certificates issued before UU 6/2023 carry the old four-year validity; later ones stay valid while unchanged.
                var issued = new DateOnly(2020 + index % 5, 1 + index % 12, 10);
                business.Permits.Add(new Permit
                {
                    Kind = PermitKind.Halal, Number = string.Create(CultureInfo.InvariantCulture, $"ID3276{index + 1:0000}{issued.Year}{index + 1:00000}"),
                    IssuedOn = issued, ExpiresOn = issued < new DateOnly(2023, 3, 31) ? issued.AddYears(4) : null,
                    VillageCode = PondokPetirCode, CreatedAt = now, UpdatedAt = now,
                    CoveredProducts = certified.Select(p => new HalalCertificateProduct { Product = p }).ToList(),
                });
            }
            var latest = business.Observations[0];
            var classes = Classification.Classify(new ClassificationInputs(latest.Workers, latest.InvestmentRp, latest.AnnualSalesRp), classification.Value);
            business.IndustryClass = classes.Industry;
            business.EnterpriseClass = classes.Enterprise;
            business.EnterpriseBasis = classes.EnterpriseBasis;
            business.ClassificationRule = $"{classes.IndustryRule}; {classes.EnterpriseRule}";
            db.Businesses.Add(business);
            businesses.Add(business);
        }
        await db.SaveChangesAsync();
        var photos = await AddProductPhotosAsync(businesses, now);

        foreach (var (email, role, name) in DemoAccounts.All)
        {
            var user = new AppUser
            {
                UserName = AccountService.NewUserName(),
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                OfficeId = office.Id,
                RegionCode = office.RegionCode,
                CreatedAt = now,
                IsDemo = true,
            };
            if (role == Roles.Owner)
            {
                var person = people[email == DemoAccounts.OwnerOne ? 0 : 1];
                accounts.SetPhone(user, protector.Decrypt(person.PhoneCipher!));
            }
            var result = await users.CreateAsync(user, DemoAccounts.Password);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, role);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo account {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            if (role == Roles.Owner) people[email == DemoAccounts.OwnerOne ? 0 : 1].UserId = user.Id;
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        logger.LogInformation("Seeded the demo sentra: {Businesses} businesses, {Products} products, {Photos} product pictures drawn in {Milliseconds} ms",
            DemoData.Businesses.Count, DemoData.Businesses.Sum(b => b.Products.Count), photos.Count, photos.Milliseconds);
    }

    /// <summary>
    /// One drawn picture (<see cref="DemoProductArt"/>: plainly an illustration, not a photo) for every product shown in
    /// the catalog, put through the same <see cref="ImageProcessor"/> as an owner's upload, so the demo has the
    /// thumbnails, sizes and Open Graph images real photos get. About 75 ms of CPU each, so spread over every core.
    /// </summary>
    private async Task<(int Count, long Milliseconds)> AddProductPhotosAsync(IReadOnlyList<Business> businesses, DateTime now)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var products = businesses.SelectMany(b => b.Products.Where(p => p.IsPublic).Select(p => (Business: b, Product: p))).ToList();
        var processed = new ProcessedImage[products.Count];
        await Task.Run(() => Parallel.For(0, products.Count, i =>
        {
            var (business, product) = products[i];
            var png = DemoProductArt.DrawPng(product.Name, business.Brand ?? business.Name, product.Category, product.Packaging,
                DemoProductArt.Quantity(product.NetQuantity, product.NetUnit));
            processed[i] = images.Process(png);
        }));
        for (var i = 0; i < products.Count; i++)
        {
            var (business, product) = products[i];
            db.Photos.Add(Photo.From(processed[i], business.Id, product.Id, sortOrder: 0, now, caption: DemoPhotoCaption));
        }
        await db.SaveChangesAsync();
        return (products.Count, (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Caption of the demo products' pictures: they are drawn, not photographed.</summary>
    public const string DemoPhotoCaption = "Ilustrasi (data demo)";

    private Permit? ProductPermit(string? number)
    {
        if (number is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (number.StartsWith("MD", StringComparison.Ordinal))
        {
            var issued = new DateOnly(2023, 3, 1);
            return new Permit { Kind = PermitKind.BpomMd, Number = number, IssuedOn = issued, ExpiresOn = BpomMd.Expiry(issued), VillageCode = PondokPetirCode, CreatedAt = now, UpdatedAt = now };
        }
        var pirt = Pirt.Parse(number).Number ?? throw new InvalidOperationException($"Demo PIRT {number} does not parse.");
        return new Permit { Kind = PermitKind.Pirt, Number = pirt.Digits, ExpiresOn = Pirt.Expiry(pirt, null), VillageCode = PondokPetirCode, CreatedAt = now, UpdatedAt = now };
    }

    /// <summary>A fictional NIK of Bojongsari (327611): birth date DDMMYY with 40 added to the day for women.</summary>
    public static string DemoNik(DateOnly birth, Sex sex, int serial)
    {
        var day = birth.Day + (sex == Sex.Female ? 40 : 0);
        return string.Create(CultureInfo.InvariantCulture, $"327611{day:00}{birth.Month:00}{birth.Year % 100:00}{serial:0000}");
    }
}
