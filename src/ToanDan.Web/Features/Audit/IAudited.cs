namespace ToanDan.Web.Features.Audit;

/// <summary>
/// Marks an entity whose every insert, update and delete is written to the audit trail in the same
/// transaction as the change itself.
/// </summary>
public interface IAudited
{
    /// <summary>The module that owns the entity, e.g. "Units".</summary>
    string AuditModule { get; }

    /// <summary>The stable id written to the trail.</summary>
    string AuditId { get; }

    /// <summary>The administrative unit the record belongs to, if any.</summary>
    string? AuditUnitCode { get; }
}

/// <summary>A property whose value never goes into the audit trail's diff (only the fact that it changed).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
