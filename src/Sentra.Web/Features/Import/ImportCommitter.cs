using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Audit;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Clusters;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Web.Features.Import;

/// <summary>
/// Applies a dry run's plan in one transaction: every accepted row lands, or none does. Rejected
/// rows are skipped (the dry run listed them). Saves in batches with a cleared change tracker so
/// 100,000 rows stay within memory; every record is audited like any other change.
/// </summary>
public sealed class ImportCommitter(AppDbContext db, RegistryAccess access, PersonalDataProtector protector, BusinessService businesses, TimeProvider clock)
{
    public const int BatchSize = 1000;

    public async Task<ImportResult> CommitAsync(ClaimsPrincipal user, ImportPlan plan, Action<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        if (!RegistryAccess.IsEditorStaff(user)) throw new UnauthorizedAccessException();
        var accepted = plan.Rows.Where(r => r.Action != ImportAction.Reject).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var year = TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).Year;
        var scope = user.RegionScope();
        if (accepted.Any(r => !RegionCodes.IsWithin(r.VillageCode, scope))) throw new UnauthorizedAccessException();
        var cluster = plan.ClusterId is { } clusterId ? await db.Clusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clusterId, cancellationToken) : null;

        // People already known by NIK: one person may run several businesses.
        // One query for every NIK hash known (hashes only: no personal data is read), rather than one per chunk of rows.
        var people = new Dictionary<string, int>();
        // Only people linked to businesses the user may see: an import never reaches into another region's records.
        var visible = access.Businesses(user).Select(b => b.Id);
        if (accepted.Any(r => r.NikHash is not null))
            foreach (var p in await db.People.AsNoTracking().Where(p => p.NikHash != null && p.Businesses.Any(o => visible.Contains(o.BusinessId)))
                         .Select(p => new { p.NikHash, p.Id }).ToListAsync(cancellationToken))
                people.TryAdd(p.NikHash!, p.Id);

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var created = 0;
            var updated = 0;
            var done = 0;
            // New businesses whose owner is new too are written in bulk; updates and owners already in the
            // registry go through the change tracker, which loads and audits what they change.
            var bulk = accepted.Where(r => r.ExistingBusinessId is null && (r.NikHash is null || !people.ContainsKey(r.NikHash))).ToList();
            var tracked = accepted.Except(bulk).ToList();
            var bulkPeople = new Dictionary<string, int>();
            foreach (var batch in bulk.Chunk(BulkBatchSize))
            {
                await InsertNewAsync(user, batch, bulkPeople, year, now, cluster, cancellationToken);
                created += batch.Length;
                done += batch.Length;
                progress?.Invoke((double)done / Math.Max(1, accepted.Count));
            }
            // People created in bulk are known to the tracked rows too: the same NIK stays one person.
            foreach (var (hash, personId) in bulkPeople) people.TryAdd(hash, personId);
            foreach (var batch in tracked.Chunk(BatchSize))
            {
                var ids = batch.Where(r => r.ExistingBusinessId is not null).Select(r => r.ExistingBusinessId!.Value).ToList();
                var existing = ids.Count == 0 ? [] : await access.Businesses(user)
                    .Include(b => b.Owners).ThenInclude(o => o.Person).Include(b => b.KbliCodes).Include(b => b.Permits)
                    .Include(b => b.Observations).Include(b => b.Clusters)
                    .Where(b => ids.Contains(b.Id)).AsSplitQuery().ToDictionaryAsync(b => b.Id, cancellationToken);
                // People of this batch already in the registry (matched by NIK), tracked so changes are audited properly.
                var batchHashes = batch.Where(r => r.NikHash is not null && people.ContainsKey(r.NikHash)).Select(r => r.NikHash!).Distinct().ToList();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var newPeople = batchHashes.Count == 0 ? new Dictionary<string, Person>()
                    : (await db.People.Where(p => batchHashes.Contains(p.NikHash!)).ToListAsync(cancellationToken))
                        .GroupBy(p => p.NikHash!).ToDictionary(g => g.Key, g => g.First());
                foreach (var row in batch)
                {
                    var business = row.ExistingBusinessId is { } id && existing.TryGetValue(id, out var found) ? found : null;
                    if (business is null)
                    {
                        business = new Business { Name = row.BusinessName, VillageCode = row.VillageCode!, Status = BusinessStatus.Draft, CreatedAt = now, Version = 1 };
                        db.Businesses.Add(business);
                        created++;
                    }
                    else
                    {
                        business.Version++;
                        updated++;
                    }
                    var villageBefore = business.VillageCode;
                    Apply(row, business, year, now, cluster);
                    if (business.Id != 0 && business.VillageCode != villageBefore) await businesses.MoveRecordsAsync(business);
                    LinkOwner(row, business, newPeople, now);
                    businesses.RecomputeClassification(business);
                }
                db.ChangeTracker.AutoDetectChangesEnabled = true;
                await db.SaveChangesAsync(cancellationToken);
                foreach (var (hash, person) in newPeople) people.TryAdd(hash, person.Id);
                db.ChangeTracker.Clear();
                done += batch.Length;
                progress?.Invoke((double)done / Math.Max(1, accepted.Count));
            }
            await transaction.CommitAsync(cancellationToken);
            return new ImportResult(created, updated, plan.Rows.Count - accepted.Count);
        });
    }

    public const int BulkBatchSize = 1000;

    /// <summary>
    /// Creates businesses, their new owners, figures, permits and memberships with multi-row inserts and
    /// reserved keys, and writes the same "created" audit entries the change tracker would.
    /// </summary>
    private async Task InsertNewAsync(ClaimsPrincipal user, ImportRow[] rows, Dictionary<string, int> bulkPeople, int year, DateTime now,
        Cluster? cluster, CancellationToken cancellationToken)
    {
        var newBusinesses = new List<Business>(rows.Length);
        var newPeople = new List<Person>();
        var chunkPeople = new Dictionary<string, Person>();
        var links = new List<(Business Business, Person? Person, int PersonId)>(rows.Length);
        foreach (var row in rows)
        {
            var business = new Business { Name = row.BusinessName, VillageCode = row.VillageCode!, Status = BusinessStatus.Draft, CreatedAt = now, Version = 1 };
            Apply(row, business, year, now, cluster);
            businesses.RecomputeClassification(business);
            newBusinesses.Add(business);
            // The same new NIK on several rows is one person running several businesses (earlier chunks keep only the key).
            if (row.NikHash is not null && bulkPeople.TryGetValue(row.NikHash, out var earlierId))
            {
                links.Add((business, null, earlierId));
                continue;
            }
            if (row.NikHash is null || !chunkPeople.TryGetValue(row.NikHash, out var person))
            {
                person = new Person { Name = row.OwnerName, RegionCode = business.VillageCode, CreatedAt = now };
                FillPerson(row, person, now);
                newPeople.Add(person);
                if (row.NikHash is not null) chunkPeople[row.NikHash] = person;
            }
            links.Add((business, person, 0));
        }

        var businessIds = await BulkInsert.ReserveIdsAsync<Business>(db, newBusinesses.Count, cancellationToken);
        var personIds = await BulkInsert.ReserveIdsAsync<Person>(db, newPeople.Count, cancellationToken);
        var observations = newBusinesses.SelectMany(b => b.Observations).ToList();
        var permits = newBusinesses.SelectMany(b => b.Permits).ToList();
        var observationIds = await BulkInsert.ReserveIdsAsync<BusinessObservation>(db, observations.Count, cancellationToken);
        var permitIds = await BulkInsert.ReserveIdsAsync<Permit>(db, permits.Count, cancellationToken);
        for (var i = 0; i < newBusinesses.Count; i++)
        {
            var b = newBusinesses[i];
            b.Id = businessIds[i];
            foreach (var k in b.KbliCodes) k.BusinessId = b.Id;
            foreach (var o in b.Observations) o.BusinessId = b.Id;
            foreach (var p in b.Permits) p.BusinessId = b.Id;
            foreach (var c in b.Clusters) c.BusinessId = b.Id;
        }
        for (var i = 0; i < newPeople.Count; i++) newPeople[i].Id = personIds[i];
        foreach (var (hash, person) in chunkPeople) bulkPeople[hash] = person.Id;
        for (var i = 0; i < observations.Count; i++) observations[i].Id = observationIds[i];
        for (var i = 0; i < permits.Count; i++) permits[i].Id = permitIds[i];
        var owners = links.Select(l => new BusinessOwner { BusinessId = l.Business.Id, PersonId = l.Person?.Id ?? l.PersonId, IsPrimary = true }).ToList();

        await BulkInsert.InsertEntitiesAsync(db, newPeople, cancellationToken);
        await BulkInsert.InsertEntitiesAsync(db, newBusinesses, cancellationToken);
        await BulkInsert.InsertEntitiesAsync(db, owners, cancellationToken);
        await BulkInsert.InsertEntitiesAsync(db, newBusinesses.SelectMany(b => b.KbliCodes).ToList(), cancellationToken);
        await BulkInsert.InsertEntitiesAsync(db, observations, cancellationToken);
        await BulkInsert.InsertEntitiesAsync(db, permits, cancellationToken);
        await BulkInsert.InsertEntitiesAsync(db, newBusinesses.SelectMany(b => b.Clusters).ToList(), cancellationToken);

        var (userId, userName) = (user.UserId(), user.Identity?.Name);
        var model = db.Model;
        var audit = newPeople.Select(p => AuditInterceptor.CreatedRow(model.FindEntityType(typeof(Person))!, p, now, userId, userName))
            .Concat(newBusinesses.Select(b => AuditInterceptor.CreatedRow(model.FindEntityType(typeof(Business))!, b, now, userId, userName)))
            .Concat(observations.Select(o => AuditInterceptor.CreatedRow(model.FindEntityType(typeof(BusinessObservation))!, o, now, userId, userName)))
            .Concat(permits.Select(p => AuditInterceptor.CreatedRow(model.FindEntityType(typeof(Permit))!, p, now, userId, userName)))
            .ToList();
        await BulkInsert.InsertAsync<AuditEntry>(db, AuditInterceptor.Columns, audit, cancellationToken);
    }

    /// <summary>Cells the file fills overwrite; empty cells leave what the registry already has.</summary>
    private static void Apply(ImportRow row, Business b, int year, DateTime now, Cluster? cluster)
    {
        b.Name = row.BusinessName;
        b.VillageCode = row.VillageCode ?? b.VillageCode;
        b.Street = row.Street ?? b.Street;
        b.Rt = row.Rt ?? b.Rt;
        b.Rw = row.Rw ?? b.Rw;
        b.Nib = row.Nib ?? b.Nib;
        b.YearStarted = row.YearStarted ?? b.YearStarted;
        b.MainProductType = row.MainProduct ?? b.MainProductType;
        if (row.Latitude is not null) (b.Latitude, b.Longitude) = (row.Latitude, row.Longitude);
        b.UpdatedAt = now;
        foreach (var (code, i) in row.Kbli.Select((c, i) => (c, i)))
            if (b.KbliCodes.All(k => k.KbliCode != code))
                b.KbliCodes.Add(new BusinessKbli { KbliVersion = KbliCode.Version2020, KbliCode = code, IsPrimary = b.KbliCodes.Count == 0 && i == 0 });
        if (row.HasObservation)
        {
            b.Observations.Add(new BusinessObservation
            {
                Year = year, Half = 0, Source = ObservationSource.Import, PaidMale = row.WorkersMale ?? 0, PaidFemale = row.WorkersFemale ?? 0,
                InvestmentRp = row.InvestmentRp, AnnualSalesRp = row.AnnualSalesRp, CapacityPerMonth = row.CapacityPerMonth,
                CapacityUnit = row.CapacityUnit, RecordedAt = now, VillageCode = b.VillageCode,
            });
        }
        if (row.Pirt is { } pirt && b.Permits.All(p => p.Kind != PermitKind.Pirt || p.Number != pirt))
            b.Permits.Add(new Permit
            {
                Kind = PermitKind.Pirt, Number = pirt, ExpiresOn = Pirt.Expiry(Pirt.Parse(pirt).Number!, null), VillageCode = b.VillageCode,
                CreatedAt = now, UpdatedAt = now,
            });
        if (row.HalalCertificate is { } halal && b.Permits.All(p => p.Kind != PermitKind.Halal || p.Number != halal))
            b.Permits.Add(new Permit { Kind = PermitKind.Halal, Number = halal, VillageCode = b.VillageCode, CreatedAt = now, UpdatedAt = now });
        if (cluster is not null && b.Clusters.All(c => c.ClusterId != cluster.Id))
            b.Clusters.Add(new ClusterMembership { ClusterId = cluster.Id, JoinedOn = DateOnly.FromDateTime(now) });
    }

    private void LinkOwner(ImportRow row, Business business, Dictionary<string, Person> newPeople, DateTime now)
    {
        var existingLink = business.Owners.FirstOrDefault(o =>
            (row.NikHash is not null && o.Person?.NikHash == row.NikHash)
            || string.Equals(o.Person?.Name, row.OwnerName, StringComparison.OrdinalIgnoreCase));
        var person = existingLink?.Person;
        if (person is null && row.NikHash is { } hash)
        {
            if (newPeople.TryGetValue(hash, out var known)) person = known;
        }
        if (person is null)
        {
            person = new Person { Name = row.OwnerName, RegionCode = business.VillageCode, CreatedAt = now };
            db.People.Add(person);
            if (row.NikHash is not null) newPeople[row.NikHash] = person;
        }
        FillPerson(row, person, now);
        if (existingLink is null) business.Owners.Add(new BusinessOwner { Person = person, IsPrimary = business.Owners.Count == 0 });
    }

    private void FillPerson(ImportRow row, Person person, DateTime now)
    {
        person.Name = row.OwnerName;
        if (row.Nik is { } nik)
        {
            person.SetNik(nik, protector);
            person.BirthDate = row.BirthDate;
        }
        person.Sex = row.Sex ?? person.Sex;
        if (row.Phone is { } phone) person.SetPhone(phone, protector);
        if (row.Email is { } email) person.EmailCipher = protector.Encrypt(email);
        person.UpdatedAt = now;
    }
}
