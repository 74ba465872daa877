using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Units.Data;

internal static class UnitColumns
{
    public const int Code = 5;
    public const int Name = 100;
    public const int Enum = 32;
}

internal sealed class AdministrativeUnitConfiguration : IEntityTypeConfiguration<AdministrativeUnit>
{
    public void Configure(EntityTypeBuilder<AdministrativeUnit> builder)
    {
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Code).HasMaxLength(UnitColumns.Code).IsRequired();
        builder.Property(u => u.Name).HasMaxLength(UnitColumns.Name).IsRequired();
        builder.Property(u => u.SearchName).HasMaxLength(UnitColumns.Name).IsRequired();
        builder.Property(u => u.Level).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(u => u.ParentCode).HasMaxLength(UnitColumns.Code);
        builder.HasIndex(u => new { u.Code, u.ValidFrom }).IsUnique();
        builder.HasIndex(u => new { u.ParentCode, u.ValidFrom });
        builder.HasIndex(u => u.SearchName);
    }
}

internal sealed class UnitSuccessionConfiguration : IEntityTypeConfiguration<UnitSuccession>
{
    public void Configure(EntityTypeBuilder<UnitSuccession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PredecessorCode).HasMaxLength(UnitColumns.Code).IsRequired();
        builder.Property(s => s.SuccessorCode).HasMaxLength(UnitColumns.Code).IsRequired();
        builder.Property(s => s.Share).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(s => s.PrimaryBasis).HasMaxLength(UnitColumns.Enum);
        builder.Property(s => s.Note).HasMaxLength(2000);
        builder.HasIndex(s => new { s.PredecessorCode, s.SuccessorCode, s.EffectiveOn }).IsUnique();
        builder.HasIndex(s => new { s.SuccessorCode, s.EffectiveOn });
    }
}

internal sealed class UnitCatalogueConfiguration : IEntityTypeConfiguration<UnitCatalogue>
{
    public void Configure(EntityTypeBuilder<UnitCatalogue> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(c => c.SourceName).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(c => new { c.Kind, c.AsOf, c.SourceName }).IsUnique();
        builder.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CatalogueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Entries).HasField("_entries");
    }
}

internal sealed class UnitCatalogueEntryConfiguration : IEntityTypeConfiguration<UnitCatalogueEntry>
{
    public void Configure(EntityTypeBuilder<UnitCatalogueEntry> builder)
    {
        builder.HasKey(e => new { e.CatalogueId, e.Code });
        builder.Property(e => e.Code).HasMaxLength(UnitColumns.Code).IsRequired();
        builder.Property(e => e.Name).HasMaxLength(UnitColumns.Name).IsRequired();
        builder.Property(e => e.Level).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(e => e.ParentCode).HasMaxLength(UnitColumns.Code);
    }
}

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.CommuneCode).HasMaxLength(UnitColumns.Code).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(p => p.Subtype).HasMaxLength(Place.SubtypeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(Place.NameMaxLength).IsRequired();
        builder.Property(p => p.SearchName).HasMaxLength(Place.NameMaxLength).IsRequired();
        builder.Property(p => p.Address).HasMaxLength(Place.AddressMaxLength);
        builder.Property(p => p.EnterpriseSize).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(p => p.SchoolLevel).HasConversion<string>().HasMaxLength(UnitColumns.Enum);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.CommuneCode, p.Kind, p.SearchName });
    }
}
