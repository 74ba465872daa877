using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Audit.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Actor).HasMaxLength(100).IsRequired();
        builder.Property(e => e.UnitCode).HasMaxLength(5);
        builder.Property(e => e.Module).HasMaxLength(32).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(64).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(32).IsRequired();
        builder.Property(e => e.Changes).HasMaxLength(8000);
        builder.Property(e => e.ClientIp).HasMaxLength(45);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.OccurredAtUtc);
        builder.HasIndex(e => new { e.Module, e.EntityType, e.EntityId });
        builder.HasIndex(e => e.UserId);
        builder.HasIndex(e => e.UnitCode);
    }
}
