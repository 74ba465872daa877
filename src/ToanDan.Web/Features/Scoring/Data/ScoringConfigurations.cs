using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Scoring.Data;

internal static class ScoringColumns
{
    public const int UnitCode = 20;
    public const int Enum = 30;
}

internal sealed class ScoreCardConfiguration : IEntityTypeConfiguration<ScoreCard>
{
    public void Configure(EntityTypeBuilder<ScoreCard> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(ScoringColumns.Enum);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(ScoringColumns.Enum);
        builder.Property(c => c.ProposedGrade).HasConversion<string>().HasMaxLength(ScoringColumns.Enum);
        builder.Property(c => c.Grade).HasConversion<string>().HasMaxLength(ScoringColumns.Enum);
        builder.Property(c => c.SubjectCode).HasMaxLength(ScoreCard.SubjectCodeMaxLength).IsRequired();
        builder.Property(c => c.UnitCode).HasMaxLength(ScoringColumns.UnitCode).IsRequired();
        builder.Property(c => c.SubjectName).HasMaxLength(ScoreCard.SubjectNameMaxLength).IsRequired();
        builder.Property(c => c.SheetName).HasMaxLength(ScoreSheet.NameMaxLength).IsRequired();
        builder.Property(c => c.SheetBasis).HasMaxLength(ScoreSheet.BasisMaxLength).IsRequired();
        builder.Property(c => c.ExcellentFrom).HasPrecision(5, 2);
        builder.Property(c => c.GoodFrom).HasPrecision(5, 2);
        builder.Property(c => c.AverageFrom).HasPrecision(5, 2);
        builder.Property(c => c.SelfTotal).HasPrecision(5, 2);
        builder.Property(c => c.ReviewedTotal).HasPrecision(5, 2);
        builder.Property(c => c.ReviewNote).HasMaxLength(ScoreCard.NoteMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.Thresholds);
        builder.Ignore(c => c.Items);
        builder.HasIndex(c => new { c.Year, c.SubjectCode }).IsUnique();
        builder.HasIndex(c => new { c.UnitCode, c.Year });
        builder.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScoreEntryConfiguration : IEntityTypeConfiguration<ScoreEntry>
{
    public void Configure(EntityTypeBuilder<ScoreEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Code).HasMaxLength(ScoreSheetItem.CodeMaxLength).IsRequired();
        builder.Property(e => e.Title).HasMaxLength(ScoreSheetItem.TitleMaxLength).IsRequired();
        builder.Property(e => e.MaxPoints).HasPrecision(5, 2);
        builder.Property(e => e.SelfPoints).HasPrecision(5, 2);
        builder.Property(e => e.ReviewedPoints).HasPrecision(5, 2);
        builder.HasIndex(e => new { e.CardId, e.Position });
    }
}

internal sealed class ScoreSheetConfiguration : IEntityTypeConfiguration<ScoreSheet>
{
    public void Configure(EntityTypeBuilder<ScoreSheet> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ProvinceCode).HasMaxLength(ScoringColumns.UnitCode).IsRequired();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(ScoringColumns.Enum);
        builder.Property(s => s.Name).HasMaxLength(ScoreSheet.NameMaxLength).IsRequired();
        builder.Property(s => s.Basis).HasMaxLength(ScoreSheet.BasisMaxLength).IsRequired();
        builder.Property(s => s.ExcellentFrom).HasPrecision(5, 2);
        builder.Property(s => s.GoodFrom).HasPrecision(5, 2);
        builder.Property(s => s.AverageFrom).HasPrecision(5, 2);
        builder.HasIndex(s => new { s.ProvinceCode, s.Kind, s.FromYear }).IsUnique();
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SheetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ScoreSheetItemConfiguration : IEntityTypeConfiguration<ScoreSheetItem>
{
    public void Configure(EntityTypeBuilder<ScoreSheetItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Code).HasMaxLength(ScoreSheetItem.CodeMaxLength).IsRequired();
        builder.Property(i => i.Title).HasMaxLength(ScoreSheetItem.TitleMaxLength).IsRequired();
        builder.Property(i => i.MaxPoints).HasPrecision(5, 2);
        builder.HasIndex(i => new { i.SheetId, i.Position });
    }
}
