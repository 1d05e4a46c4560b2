using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Offices;
using Sentra.Web.Features.Products;
using Sentra.Web.Features.Regions;

namespace Sentra.Web.Data;

/// <summary>
/// The one model both providers share. Provider-specific details live in
/// <see cref="SqliteAppDbContext"/> and <see cref="PostgresAppDbContext"/>, each with its own migrations.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<KbliCode> KbliCodes => Set<KbliCode>();
    public DbSet<ReferenceDataSet> ReferenceDataSets => Set<ReferenceDataSet>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<ClusterMembership> ClusterMemberships => Set<ClusterMembership>();
    public DbSet<Business> Businesses => Set<Business>();
    public DbSet<BusinessOwner> BusinessOwners => Set<BusinessOwner>();
    public DbSet<BusinessKbli> BusinessKbliCodes => Set<BusinessKbli>();
    public DbSet<BusinessObservation> BusinessObservations => Set<BusinessObservation>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Permit> Permits => Set<Permit>();
    public DbSet<HalalCertificateProduct> HalalCertificateProducts => Set<HalalCertificateProduct>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Features.Catalog.Search.CatalogEntry> CatalogEntries => Set<Features.Catalog.Search.CatalogEntry>();
    public DbSet<Features.Catalog.Search.CatalogState> CatalogStates => Set<Features.Catalog.Search.CatalogState>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.RegionCode).HasMaxLength(20);
            e.Property(u => u.PhoneHash).HasMaxLength(64);
            e.Property(u => u.PhoneLast4).HasMaxLength(4);
            e.HasIndex(u => u.PhoneHash).IsUnique();
            e.HasIndex(u => u.RegionCode);
            e.HasOne(u => u.Office).WithMany().HasForeignKey(u => u.OfficeId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Office>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.RegionCode).HasMaxLength(20);
            e.Property(o => o.TimeZone).HasMaxLength(64);
        });

        builder.Entity<Region>(e =>
        {
            e.HasKey(r => r.Code);
            e.Property(r => r.Code).HasMaxLength(20);
            e.Property(r => r.Name).HasMaxLength(100);
            e.Property(r => r.SearchName).HasMaxLength(100);
            e.Property(r => r.ParentCode).HasMaxLength(20);
            e.HasIndex(r => r.ParentCode);
            e.HasIndex(r => new { r.Level, r.SearchName });
        });

        builder.Entity<KbliCode>(e =>
        {
            e.HasKey(k => new { k.Version, k.Code });
            e.Property(k => k.Version).HasMaxLength(8);
            e.Property(k => k.Code).HasMaxLength(8);
            e.Property(k => k.Level).HasMaxLength(20);
            e.Property(k => k.TitleId).HasMaxLength(400);
            e.Property(k => k.TitleEn).HasMaxLength(400);
            e.Property(k => k.ParentCode).HasMaxLength(8);
            e.Property(k => k.SearchText).HasMaxLength(420);
        });

        builder.Entity<ReferenceDataSet>(e =>
        {
            e.HasKey(r => r.Name);
            e.Property(r => r.Name).HasMaxLength(40);
            e.Property(r => r.Version).HasMaxLength(40);
            e.Property(r => r.Source).HasMaxLength(400);
            e.Property(r => r.Licence).HasMaxLength(200);
        });

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.UserId).HasMaxLength(450);
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.RegionCode).HasMaxLength(20);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.OccurredAt);
            e.HasIndex(a => a.UserId);
        });

        builder.Entity<Features.Catalog.Search.CatalogState>(e =>
        {
            e.Property(c => c.Id).ValueGeneratedNever();
            e.HasData(new Features.Catalog.Search.CatalogState { Id = Features.Catalog.Search.CatalogState.Row, Version = 0 });
        });
        builder.Entity<Features.Catalog.Search.CatalogEntry>(e =>
        {
            e.HasKey(c => c.ProductId);
            e.Property(c => c.ProductId).ValueGeneratedNever();
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.NameEn).HasMaxLength(200);
            e.Property(c => c.BusinessName).HasMaxLength(200);
            e.Property(c => c.Category).HasMaxLength(40);
            e.Property(c => c.VillageCode).HasMaxLength(20);
            e.Property(c => c.DistrictCode).HasMaxLength(20);
            e.Property(c => c.SearchText).HasMaxLength(12000);
            e.Property(c => c.Hours).HasMaxLength(400);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.Facets).HasMaxLength(4000);
            e.Property(c => c.NameKey).HasMaxLength(100);
            // Name keys are ASCII letters and digits; the byte order is the catalog's order on every database.
            if (Database.IsNpgsql()) e.Property(c => c.NameKey).UseCollation("C");
            e.HasIndex(c => c.BusinessId);
        });

        builder.Entity<Cluster>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Slug).HasMaxLength(100);
            e.Property(c => c.VillageCode).HasMaxLength(20);
            e.Property(c => c.MainCommodity).HasMaxLength(200);
            e.Property(c => c.MainCommodityEn).HasMaxLength(200);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.DescriptionEn).HasMaxLength(4000);
            e.Property(c => c.EmbedOrigins).HasMaxLength(EmbedOrigin.StoredMaxLength);
            e.HasIndex(c => c.Slug).IsUnique();
        });

        builder.Entity<ClusterMembership>(e =>
        {
            e.HasKey(m => new { m.ClusterId, m.BusinessId });
            e.HasOne(m => m.Cluster).WithMany(c => c.Members).HasForeignKey(m => m.ClusterId);
            e.HasOne(m => m.Business).WithMany(b => b.Clusters).HasForeignKey(m => m.BusinessId);
        });

        builder.Entity<Business>(e =>
        {
            e.Property(b => b.Name).HasMaxLength(200);
            e.Property(b => b.Brand).HasMaxLength(200);
            e.Property(b => b.Nib).HasMaxLength(13);
            e.Property(b => b.Street).HasMaxLength(300);
            e.Property(b => b.Rt).HasMaxLength(3);
            e.Property(b => b.Rw).HasMaxLength(3);
            e.Property(b => b.VillageCode).HasMaxLength(20);
            e.Property(b => b.MainProductType).HasMaxLength(200);
            e.Property(b => b.PublicWhatsApp).HasMaxLength(20);
            e.Property(b => b.WebsiteUrl).HasMaxLength(300);
            e.Property(b => b.MarketplaceUrl).HasMaxLength(300);
            e.Property(b => b.VerifiedById).HasMaxLength(450);
            e.Property(b => b.Version).IsConcurrencyToken();
            e.HasIndex(b => b.Nib);
            e.HasIndex(b => b.VillageCode);
            e.Property(b => b.ClassificationRule).HasMaxLength(100);
            e.HasIndex(b => b.Status);
            e.HasIndex(b => b.IndustryClass);
            e.HasIndex(b => b.EnterpriseClass);
        });

        builder.Entity<Permit>(e =>
        {
            e.Property(p => p.Number).HasMaxLength(40);
            e.Property(p => p.VillageCode).HasMaxLength(20);
            e.HasOne(p => p.Business).WithMany(b => b.Permits).HasForeignKey(p => p.BusinessId);
            e.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.DocumentFileId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(p => new { p.Kind, p.Number });
            e.HasIndex(p => p.ExpiresOn);
        });

        builder.Entity<HalalCertificateProduct>(e =>
        {
            e.HasKey(h => new { h.PermitId, h.ProductId });
            e.HasOne(h => h.Permit).WithMany(p => p.CoveredProducts).HasForeignKey(h => h.PermitId);
            e.HasOne(h => h.Product).WithMany(p => p.HalalCertificates).HasForeignKey(h => h.ProductId);
        });

        builder.Entity<Photo>(e =>
        {
            e.Property(p => p.Caption).HasMaxLength(200);
            e.HasOne<Business>().WithMany(b => b.Photos).HasForeignKey(p => p.BusinessId);
            e.HasOne<Product>().WithMany(p => p.Photos).HasForeignKey(p => p.ProductId);
            e.HasIndex(p => new { p.ProductId, p.SortOrder });
        });

        builder.Entity<StoredFile>(e =>
        {
            e.Property(f => f.Name).HasMaxLength(40);
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.HasOne<Photo>().WithMany(p => p.Files).HasForeignKey(f => f.PhotoId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(f => f.PhotoId);
        });

        builder.Entity<BusinessKbli>(e =>
        {
            e.HasKey(k => new { k.BusinessId, k.KbliVersion, k.KbliCode });
            e.Property(k => k.KbliVersion).HasMaxLength(8);
            e.Property(k => k.KbliCode).HasMaxLength(8);
            e.HasOne<Business>().WithMany(b => b.KbliCodes).HasForeignKey(k => k.BusinessId);
            e.HasOne<KbliCode>().WithMany().HasForeignKey(k => new { k.KbliVersion, k.KbliCode }).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<BusinessOwner>(e =>
        {
            e.HasKey(o => new { o.BusinessId, o.PersonId });
            e.HasOne(o => o.Business).WithMany(b => b.Owners).HasForeignKey(o => o.BusinessId);
            e.HasOne(o => o.Person).WithMany(p => p.Businesses).HasForeignKey(o => o.PersonId);
        });

        builder.Entity<BusinessObservation>(e =>
        {
            e.Property(o => o.CapacityUnit).HasMaxLength(40);
            e.Property(o => o.CapacityPerMonth).HasPrecision(14, 2);
            e.Property(o => o.VillageCode).HasMaxLength(20);
            e.HasOne(o => o.Business).WithMany(b => b.Observations).HasForeignKey(o => o.BusinessId);
            e.HasIndex(o => new { o.BusinessId, o.Year, o.Half });
        });

        builder.Entity<OpeningHours>(e =>
        {
            e.HasOne<Business>().WithMany(b => b.OpeningHours).HasForeignKey(o => o.BusinessId);
            e.HasIndex(o => new { o.BusinessId, o.Day });
        });

        builder.Entity<Person>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.NikHash).HasMaxLength(64);
            e.Property(p => p.NikMasked).HasMaxLength(16);
            e.Property(p => p.PhoneHash).HasMaxLength(64);
            e.Property(p => p.PhoneLast4).HasMaxLength(4);
            e.Property(p => p.UserId).HasMaxLength(450);
            e.Property(p => p.RegionCode).HasMaxLength(20);
            e.HasIndex(p => p.NikHash);
            e.HasIndex(p => p.UserId).IsUnique();
            e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<Product>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.NameEn).HasMaxLength(200);
            e.Property(p => p.Description).HasMaxLength(4000);
            e.Property(p => p.DescriptionEn).HasMaxLength(4000);
            e.Property(p => p.Category).HasMaxLength(40);
            e.Property(p => p.KbliVersion).HasMaxLength(8);
            e.Property(p => p.KbliCode).HasMaxLength(8);
            e.Property(p => p.Unit).HasMaxLength(40);
            e.Property(p => p.NetQuantity).HasPrecision(12, 2);
            e.Property(p => p.NetUnit).HasMaxLength(10);
            e.Property(p => p.Packaging).HasMaxLength(100);
            e.Property(p => p.Ingredients).HasMaxLength(2000);
            e.Property(p => p.IngredientsEn).HasMaxLength(2000);
            e.Property(p => p.Allergens).HasMaxLength(500);
            e.Property(p => p.Storage).HasMaxLength(500);
            e.HasOne(p => p.Permit).WithMany().HasForeignKey(p => p.PermitId).OnDelete(DeleteBehavior.SetNull);
            e.Property(p => p.VillageCode).HasMaxLength(20);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasOne(p => p.Business).WithMany(b => b.Products).HasForeignKey(p => p.BusinessId);
            e.HasIndex(p => p.VillageCode);
        });
    }
}

/// <summary>Which version of a reference list is loaded, from where, under which licence.</summary>
public sealed class ReferenceDataSet
{
    public required string Name { get; set; }
    public required string Version { get; set; }
    public required string Source { get; set; }
    public required string Licence { get; set; }
    public int RowCount { get; set; }
    public DateTime LoadedAt { get; set; }
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
