using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Businesses.Rules;
using Sentra.Web.Features.Import.Parsing;
using Sentra.Web.Features.Kbli;
using Sentra.Web.Features.Regions;
using Sentra.Web.Infrastructure.PersonalData;

namespace Sentra.Web.Features.Import;

/// <summary>
/// The dry run: reads the office's spreadsheet, normalises every cell it can, and decides per row
/// whether it creates a business, updates one (matched by NIB, else by NIK and business name) or is
/// rejected, with every problem named by row and column. It changes nothing.
/// </summary>
public sealed class ImportAnalyser(AppDbContext db, RegistryAccess access, PersonalDataProtector protector, TimeProvider clock)
{
    private sealed record Lookups(
        VillageMatcher Villages,
        HashSet<string> Kbli,
        Dictionary<string, int> ByNib,
        Dictionary<(string NikHash, string Name), int> ByNikAndName,
        Func<string, bool> KnownDistrict);

    public async Task<ImportPlan> AnalyseAsync(ClaimsPrincipal user, Stream stream, string fileName, int? clusterId,
        Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var plan = new ImportPlan { FileName = fileName, ClusterId = clusterId };
        var counting = new CountingStream(stream);
        IEnumerator<SheetRow> rows;
        try
        {
            rows = SpreadsheetReader.Read(counting, fileName).GetEnumerator();
        }
        catch (UnsupportedSpreadsheetException)
        {
            plan.FileErrors.Add(new ImportIssue(0, null, ImportErrors.UnsupportedFile));
            return plan;
        }
        using var _ = rows;
        var first = new List<SheetRow>();
        try
        {
            while (first.Count < HeaderMatcher.SearchRows && rows.MoveNext()) first.Add(rows.Current);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            plan.FileErrors.Add(new ImportIssue(0, null, "Import.Unreadable"));
            return plan;
        }
        var header = HeaderMatcher.FindHeaderRow(first.Select(r => r.Cells).ToList());
        // The column name is the message's {0}, as for cell problems.
        foreach (var e in header.Errors) plan.FileErrors.Add(new ImportIssue(header.Found ? first[header.RowIndex].RowNumber : 0, e.Argument, e.Key));
        foreach (var w in header.Warnings) plan.FileWarnings.Add(new ImportIssue(first[header.RowIndex].RowNumber, w.Argument, w.Key));
        if (!header.IsValid) return plan;

        var lookups = await LookupsAsync(user, cancellationToken);
        var seenNib = new Dictionary<string, int>();
        var seenNikName = new Dictionary<(string, string), int>();
        var currentYear = TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta")).Year;
        var count = 0;

        IEnumerable<SheetRow> Remaining()
        {
            foreach (var r in first.Skip(header.RowIndex + 1)) yield return r;
            while (rows.MoveNext()) yield return rows.Current;
        }

        foreach (var sheetRow in Remaining())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var row = Parse(sheetRow, header.Columns, lookups, currentYear);
            Decide(row, lookups, seenNib, seenNikName);
            plan.Rows.Add(row);
            if (++count % 500 == 0 && counting.Length is > 0 and var length) progress?.Invoke(Math.Min(0.99, (double)counting.Position / length));
        }
        progress?.Invoke(1);
        return plan;
    }

    private ImportRow Parse(SheetRow sheet, IReadOnlyDictionary<ImportColumn, int> columns, Lookups lookups, int currentYear)
    {
        var row = new ImportRow { RowNumber = sheet.RowNumber };
        string? Cell(ImportColumn c) => columns.TryGetValue(c, out var i) && sheet.Cell(i) is { } v && !CellText.IsBlank(v) ? v.Trim() : null;
        void Error(ImportColumn c, string key, params object[] args) => row.Errors.Add(new ImportIssue(sheet.RowNumber, ImportPlan.ColumnName(c), key, args));

        row.BusinessName = Cell(ImportColumn.BusinessName) ?? "";
        if (row.BusinessName.Length == 0) Error(ImportColumn.BusinessName, "Import.Required");
        else if (row.BusinessName.Length > 200) Error(ImportColumn.BusinessName, "Import.TooLong", 200);
        row.OwnerName = Cell(ImportColumn.OwnerName) ?? "";
        if (row.OwnerName.Length == 0) Error(ImportColumn.OwnerName, "Import.Required");
        else if (row.OwnerName.Length > 200) Error(ImportColumn.OwnerName, "Import.TooLong", 200);

        if (Cell(ImportColumn.Nik) is { } nikText)
        {
            var nik = Nik.Check(nikText, lookups.KnownDistrict, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            if (!nik.IsValid) Error(ImportColumn.Nik, nik.ErrorKey!);
            else
            {
                row.Nik = nik.Nik;
                row.NikHash = protector.Hash(nik.Nik!);
                row.BirthDate = nik.BirthDate;
                row.Sex = nik.Sex;
                if (nik.UnknownDistrict) row.Warnings.Add(new ImportIssue(sheet.RowNumber, ImportPlan.ColumnName(ImportColumn.Nik), "Nik.UnknownDistrict"));
            }
        }
        if (Cell(ImportColumn.Sex) is { } sexText)
        {
            if (!SexParser.TryParse(sexText, out var sex)) Error(ImportColumn.Sex, ImportErrors.Sex);
            else if (row.Sex is { } fromNik && fromNik != sex) Error(ImportColumn.Sex, "Registry.SexMismatch");
            else row.Sex = sex;
        }

        row.Street = Truncated(Cell(ImportColumn.Address), 300);
        row.Rt = RtRw(Cell(ImportColumn.Rt), ImportColumn.Rt, Error);
        row.Rw = RtRw(Cell(ImportColumn.Rw), ImportColumn.Rw, Error);

        var village = Cell(ImportColumn.Village);
        if (village is null) Error(ImportColumn.Village, ImportErrors.VillageRequired);
        else
        {
            var match = lookups.Villages.Match(village, Cell(ImportColumn.District));
            if (match.Code is not null) row.VillageCode = match.Code;
            else Error(ImportColumn.Village, match.ErrorKey ?? ImportErrors.VillageUnknown,
                string.Join(", ", match.Candidates.Select(lookups.Villages.Describe)));
        }

        if (Cell(ImportColumn.Phone) is { } phone)
        {
            if (IndonesianPhone.TryNormalize(phone, out var normalized)) row.Phone = normalized;
            else Error(ImportColumn.Phone, "Validation.Phone");
        }
        if (Cell(ImportColumn.Email) is { } email)
        {
            if (new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email) && email.Length <= 256) row.Email = email;
            else Error(ImportColumn.Email, "Import.Email");
        }
        if (Cell(ImportColumn.Nib) is { } nibText)
        {
            var nib = Nib.Check(nibText);
            if (nib.IsValid) row.Nib = nib.Value;
            else Error(ImportColumn.Nib, nib.ErrorKey!);
        }
        if (Cell(ImportColumn.Kbli) is { } kbliText)
        {
            foreach (var code in kbliText.Split([',', ';', ' ', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var digits = CellText.CleanDigits(code);
                if (digits is not null && digits.Length == 4 && lookups.Kbli.Contains("0" + digits)) digits = "0" + digits; // Excel drops a leading zero
                if (digits is not null && lookups.Kbli.Contains(digits)) row.Kbli.Add(digits);
                else Error(ImportColumn.Kbli, "Import.Kbli", code);
            }
            row.Kbli = row.Kbli.Distinct().ToList();
        }
        row.MainProduct = Truncated(Cell(ImportColumn.MainProduct), 200);
        row.WorkersMale = Count(Cell(ImportColumn.WorkersMale), ImportColumn.WorkersMale, Error);
        row.WorkersFemale = Count(Cell(ImportColumn.WorkersFemale), ImportColumn.WorkersFemale, Error);
        row.InvestmentRp = Rupiah(Cell(ImportColumn.Investment), ImportColumn.Investment, Error);
        row.AnnualSalesRp = Rupiah(Cell(ImportColumn.AnnualSales), ImportColumn.AnnualSales, Error);
        if (Cell(ImportColumn.Capacity) is { } capacity)
        {
            if (Capacity.TryParse(capacity, out var quantity, out var unit)) (row.CapacityPerMonth, row.CapacityUnit) = (quantity, unit);
            else Error(ImportColumn.Capacity, "Import.Capacity");
        }
        if (Cell(ImportColumn.PirtNumber) is { } pirtText)
        {
            var pirt = Pirt.Parse(pirtText);
            if (pirt.IsValid) row.Pirt = pirt.Number!.Digits;
            else Error(ImportColumn.PirtNumber, pirt.ErrorKey!);
        }
        if (Cell(ImportColumn.HalalCertificateNumber) is { } halal)
        {
            var number = halal.Trim().ToUpperInvariant();
            if (number.Length is >= 6 and <= 40 && number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/' or '.')) row.HalalCertificate = number;
            else Error(ImportColumn.HalalCertificateNumber, "Registry.HalalNumber");
        }
        if (Cell(ImportColumn.YearStarted) is { } year)
        {
            if (CellText.TryParseYear(year, currentYear, out var y)) row.YearStarted = y;
            else Error(ImportColumn.YearStarted, ImportErrors.Year);
        }
        var lat = Cell(ImportColumn.Latitude);
        var lon = Cell(ImportColumn.Longitude);
        if (lat is not null || lon is not null)
        {
            if (!CellText.TryParseCoordinate(lat, latitude: true, out var la, out var latError)) Error(ImportColumn.Latitude, latError ?? ImportErrors.Coordinate);
            else if (!CellText.TryParseCoordinate(lon, latitude: false, out var lo, out var lonError)) Error(ImportColumn.Longitude, lonError ?? ImportErrors.Coordinate);
            else (row.Latitude, row.Longitude) = (la, lo);
        }
        return row;
    }

    private static void Decide(ImportRow row, Lookups lookups, Dictionary<string, int> seenNib, Dictionary<(string, string), int> seenNikName)
    {
        var nameKey = row.BusinessName.Trim().ToUpperInvariant();
        // Duplicates inside the file: the first occurrence wins, later ones are reported against it.
        if (row.Nib is { } nib)
        {
            if (seenNib.TryGetValue(nib, out var firstRow)) row.DuplicateOfRow = firstRow;
            else seenNib[nib] = row.RowNumber;
        }
        if (row.DuplicateOfRow is null && row.NikHash is { } hash)
        {
            if (seenNikName.TryGetValue((hash, nameKey), out var firstRow)) row.DuplicateOfRow = firstRow;
            else seenNikName[(hash, nameKey)] = row.RowNumber;
        }
        if (row.DuplicateOfRow is { } of) row.Errors.Add(new ImportIssue(row.RowNumber, null, "Import.DuplicateInFile", [of]));

        if (row.Errors.Count > 0)
        {
            row.Action = ImportAction.Reject;
            return;
        }
        // Against the registry: NIB first, then NIK with the business name.
        if (row.Nib is { } n && lookups.ByNib.TryGetValue(n, out var byNib)) row.ExistingBusinessId = byNib;
        else if (row.NikHash is { } h && lookups.ByNikAndName.TryGetValue((h, nameKey), out var byNik)) row.ExistingBusinessId = byNik;
        row.Action = row.ExistingBusinessId is null ? ImportAction.Create : ImportAction.Update;
    }

#pragma warning disable CA1310 // LINQ to SQL prefix match
    private async Task<Lookups> LookupsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = user.RegionScope();
        var villages = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village);
        var districts = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District);
        if (scope.Length > 0)
        {
            villages = villages.Where(r => r.Code.StartsWith(scope + "."));
            districts = districts.Where(r => r.Code == scope || r.Code.StartsWith(scope + "."));
        }
        var villageList = (await villages.Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Code, r.Name));
        var districtList = (await districts.Select(r => new { r.Code, r.Name }).ToListAsync(cancellationToken)).Select(r => (r.Code, r.Name));
        var kbli = (await db.KbliCodes.AsNoTracking().Where(k => k.Version == KbliCode.Version2020 && k.Level == "kelompok")
            .Select(k => k.Code).ToListAsync(cancellationToken)).ToHashSet();
        var visible = access.Businesses(user).AsNoTracking();
        var byNib = (await visible.Where(b => b.Nib != null).Select(b => new { b.Nib, b.Id }).ToListAsync(cancellationToken))
            .GroupBy(b => b.Nib!).ToDictionary(g => g.Key, g => g.Min(b => b.Id));
        var visibleIds = visible.Select(b => b.Id);
        var byNik = (await db.BusinessOwners.AsNoTracking().Where(o => visibleIds.Contains(o.BusinessId) && o.Person!.NikHash != null)
                .Select(o => new { o.Person!.NikHash, o.Business!.Name, Id = o.BusinessId }).ToListAsync(cancellationToken))
            .GroupBy(x => (x.NikHash!, x.Name.Trim().ToUpperInvariant())).ToDictionary(g => g.Key, g => g.Min(x => x.Id));
        var knownDistricts = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.District).Select(r => r.Code)
            .ToListAsync(cancellationToken)).ToHashSet();
        return new Lookups(new VillageMatcher(villageList, districtList), kbli, byNib, byNik, knownDistricts.Contains);
    }
#pragma warning restore CA1310

    private static string? Truncated(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    private static string? RtRw(string? text, ImportColumn column, Action<ImportColumn, string, object[]> error)
    {
        if (text is null) return null;
        var value = CellText.TryParseInt(text, out var n) ? BusinessService.ThreeDigits(n.ToString(CultureInfo.InvariantCulture)) : null;
        if (value is null) error(column, "Registry.RtRw", []);
        return value;
    }

    private static int? Count(string? text, ImportColumn column, Action<ImportColumn, string, object[]> error)
    {
        if (text is null) return null;
        if (CellText.TryParseInt(text, out var n) && n is >= 0 and <= 100_000) return n;
        error(column, ImportErrors.Number, []);
        return null;
    }

    private static long? Rupiah(string? text, ImportColumn column, Action<ImportColumn, string, object[]> error)
    {
        if (text is null) return null;
        if (Money.TryParseRupiah(text, out var value, out var key)) return value;
        error(column, key ?? ImportErrors.Money, []);
        return null;
    }
}

/// <summary>Counts bytes read, so progress can be shown while a spreadsheet streams in.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.CanSeek ? inner.Length : 0;
    public override long Position { get => inner.Position; set => inner.Position = value; }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>Production capacity as written in spreadsheets: "500 kg", "1.000 bungkus/bulan", "200".</summary>
public static class Capacity
{
    public static bool TryParse(string text, out decimal quantity, out string? unit)
    {
        quantity = 0;
        unit = null;
        var t = text.Trim();
        var i = 0;
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || t[i] is '.' or ',')) i++;
        if (i == 0) return false;
        var number = t[..i];
        // Indonesian writing: dots group thousands, a comma is the decimal mark.
        number = number.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out quantity) || quantity < 0) return false;
        var rest = t[i..].Trim();
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) rest = rest[..slash].Trim();
        unit = rest.Length == 0 ? null : rest.Length > 40 ? rest[..40] : rest;
        return true;
    }
}
