using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sentra.Web.Data;
using Sentra.Web.Features.Accounts;
using Sentra.Web.Features.Regions;

namespace Sentra.Web.Features.Audit;

public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, string? UserId = null,
    DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, DateTime OccurredAt, string? UserId, string? UserName, AuditAction Action,
    string EntityType, string EntityId, IReadOnlyList<AuditChange> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Total, int Page, int PageSize);

/// <summary>
/// Reads the audit trail within the reader's region, and records the events the change tracker
/// cannot see (role changes, reveals of personal data). It has no update or delete.
/// </summary>
public sealed class AuditTrail(AppDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an entry to the context; it is saved with the caller's next save.</summary>
    public void Add(ClaimsPrincipal actor, AuditAction action, string entityType, string entityId, string? regionCode,
        params AuditChange[] changes) =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            UserId = actor.UserId(),
            UserName = actor.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            RegionCode = regionCode,
            Changes = JsonSerializer.Serialize(changes, Json),
        });

    public async Task<AuditPage> SearchAsync(ClaimsPrincipal reader, AuditQuery q, CancellationToken cancellationToken = default)
    {
        var page = Math.Max(1, q.Page);
        var pageSize = Math.Clamp(q.PageSize, 1, 200);
        var scope = reader.RegionScope();
        var query = db.AuditEntries.AsNoTracking();
        if (scope.Length > 0)
            query = query.Where(a => a.RegionCode == scope || a.RegionCode!.StartsWith(scope + "."));
        if (!string.IsNullOrWhiteSpace(q.EntityType)) query = query.Where(a => a.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId)) query = query.Where(a => a.EntityId == q.EntityId);
        if (!string.IsNullOrWhiteSpace(q.UserId)) query = query.Where(a => a.UserId == q.UserId);
        if (q.From is { } from)
        {
            var start = JakartaStartOfDayUtc(from);
            query = query.Where(a => a.OccurredAt >= start);
        }
        if (q.To is { } to)
        {
            var end = JakartaStartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.OccurredAt < end);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new AuditPage(rows.Select(ToRow).ToList(), total, page, pageSize);
    }

    /// <summary>The history of a record together with the records that belong to it (a business's owners, permits…).</summary>
    public async Task<AuditPage> HistoryAsync(ClaimsPrincipal reader, IReadOnlyCollection<(string Type, string Id)> records, int pageSize = 100,
        CancellationToken cancellationToken = default)
    {
        var scope = reader.RegionScope();
        var query = db.AuditEntries.AsNoTracking();
        if (scope.Length > 0) query = query.Where(a => a.RegionCode == scope || a.RegionCode!.StartsWith(scope + "."));
        var matching = new List<AuditEntry>();
        foreach (var type in records.GroupBy(r => r.Type))
        {
            var ids = type.Select(r => r.Id).Distinct().ToList();
            matching.AddRange(await query.Where(a => a.EntityType == type.Key && ids.Contains(a.EntityId))
                .OrderByDescending(a => a.Id).Take(pageSize).ToListAsync(cancellationToken));
        }
        var rows = matching.OrderByDescending(a => a.Id).Take(pageSize).Select(ToRow).ToList();
        return new AuditPage(rows, rows.Count, 1, pageSize);
    }

    public static AuditRow ToRow(AuditEntry a) => new(a.Id, a.OccurredAt, a.UserId, a.UserName, a.Action, a.EntityType, a.EntityId,
        JsonSerializer.Deserialize<List<AuditChange>>(a.Changes, Json) ?? []);

    /// <summary>Dates in the audit filter are days in Jakarta, where the office works.</summary>
    private static DateTime JakartaStartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));

    public static bool IsVisibleTo(ClaimsPrincipal reader, string? regionCode) => RegionCodes.IsWithin(regionCode, reader.RegionScope());
}
