using Sentra.Web.Features.Businesses;
using Sentra.Web.Features.Import.Parsing;

namespace Sentra.Web.Features.Import;

/// <summary>A problem with one cell (or the whole row when <see cref="Column"/> is null), as a resource key.</summary>
public sealed record ImportIssue(int Row, string? Column, string Key, IReadOnlyList<object>? Args = null);

public enum ImportAction
{
    Create,
    Update,
    Reject,
}

/// <summary>One spreadsheet row, normalised, with what the commit would do with it.</summary>
public sealed class ImportRow
{
    public int RowNumber { get; init; }
    public ImportAction Action { get; set; }
    public int? ExistingBusinessId { get; set; }
    public int? DuplicateOfRow { get; set; }
    public List<ImportIssue> Errors { get; } = [];
    public List<ImportIssue> Warnings { get; } = [];

    public string BusinessName { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public string? Nik { get; set; }
    public string? NikHash { get; set; }
    public Sex? Sex { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Street { get; set; }
    public string? Rt { get; set; }
    public string? Rw { get; set; }
    public string? VillageCode { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Nib { get; set; }
    public List<string> Kbli { get; set; } = [];
    public string? MainProduct { get; set; }
    public int? WorkersMale { get; set; }
    public int? WorkersFemale { get; set; }
    public long? InvestmentRp { get; set; }
    public long? AnnualSalesRp { get; set; }
    public decimal? CapacityPerMonth { get; set; }
    public string? CapacityUnit { get; set; }
    public string? Pirt { get; set; }
    public string? HalalCertificate { get; set; }
    public int? YearStarted { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public bool HasObservation => WorkersMale is not null || WorkersFemale is not null || InvestmentRp is not null
                                  || AnnualSalesRp is not null || CapacityPerMonth is not null;
}

/// <summary>The dry run's result: what would be created, updated and rejected, and why.</summary>
public sealed class ImportPlan
{
    public required string FileName { get; init; }
    public int? ClusterId { get; init; }
    public List<ImportIssue> FileErrors { get; } = [];
    public List<ImportIssue> FileWarnings { get; } = [];
    public List<ImportRow> Rows { get; } = [];

    public int Creates => Rows.Count(r => r.Action == ImportAction.Create);
    public int Updates => Rows.Count(r => r.Action == ImportAction.Update);
    public int Rejects => Rows.Count(r => r.Action == ImportAction.Reject);
    public int DuplicatesInFile => Rows.Count(r => r.DuplicateOfRow is not null);
    public bool CanCommit => FileErrors.Count == 0 && Rows.Any(r => r.Action != ImportAction.Reject);

    public static string ColumnName(ImportColumn column) => HeaderMatcher.CanonicalName(column);
}

public sealed record ImportResult(int Created, int Updated, int Skipped);
