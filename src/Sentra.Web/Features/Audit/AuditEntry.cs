namespace Sentra.Web.Features.Audit;

/// <summary>
/// One change to one record: who, when, which record, and each changed field with its old and
/// new value (personal data masked). Written by <see cref="AuditInterceptor"/> in the same
/// transaction as the change; nothing in the application updates or deletes it.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    /// <summary>Region the record belongs to, so staff only see the history of their own region.</summary>
    public string? RegionCode { get; set; }
    /// <summary>JSON array of <see cref="AuditChange"/>.</summary>
    public string Changes { get; set; } = "[]";
}

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Deleted = 3,
    /// <summary>A person with the right to do so revealed masked personal data.</summary>
    Revealed = 4,
}

public sealed record AuditChange(string Field, string? Old, string? New);

/// <summary>Marks an entity whose changes go to the audit trail.</summary>
public interface IAuditable
{
    /// <summary>The region the record belongs to (a village or office region code), or null when it has none.</summary>
    string? AuditRegionCode { get; }
}

/// <summary>Fields never written to the audit trail at all (secrets and bookkeeping noise).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
