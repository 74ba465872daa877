using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.ProcedureStats.Data;

internal sealed class ProcedurePeriodConfiguration : IEntityTypeConfiguration<ProcedurePeriod>
{
    public void Configure(EntityTypeBuilder<ProcedurePeriod> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UnitCode).HasMaxLength(5).IsRequired();
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.UnitCode, p.Year, p.Month }).IsUnique();
        builder.HasIndex(p => new { p.UnitCode, p.PeriodStart });
        builder.Ignore(p => p.Figures);
    }
}
