using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Safety.Data;

internal static class SafetyColumns
{
    public const int UnitCode = 20;
    public const int Enum = 30;
    public const int Sha256 = 64;
    public const int StoredName = 60;
}

internal sealed class SafetyRecordConfiguration : IEntityTypeConfiguration<SafetyRecord>
{
    public void Configure(EntityTypeBuilder<SafetyRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(SafetyColumns.Enum);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(SafetyColumns.Enum);
        builder.Property(r => r.Result).HasConversion<string>().HasMaxLength(SafetyColumns.Enum);
        builder.Property(r => r.ManagedBy).HasConversion<string>().HasMaxLength(SafetyColumns.Enum);
        builder.Property(r => r.SubjectCode).HasMaxLength(SafetyRecord.SubjectCodeMaxLength).IsRequired();
        builder.Property(r => r.UnitCode).HasMaxLength(SafetyColumns.UnitCode).IsRequired();
        builder.Property(r => r.SubjectName).HasMaxLength(SafetyRecord.SubjectNameMaxLength).IsRequired();
        builder.Property(r => r.MeetingNotes).HasMaxLength(SafetyRecord.NotesMaxLength);
        builder.Property(r => r.ReviewNote).HasMaxLength(SafetyRecord.NoteMaxLength + 20);
        builder.Property(r => r.DecisionAuthority).HasMaxLength(SafetyRecord.AuthorityMaxLength);
        builder.Property(r => r.DecisionNumber).HasMaxLength(SafetyRecord.NumberMaxLength);
        builder.Property(r => r.CertificateNumber).HasMaxLength(SafetyRecord.NumberMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsRecognised);
        builder.HasIndex(r => new { r.Year, r.SubjectCode }).IsUnique();
        builder.HasIndex(r => new { r.UnitCode, r.Year });
        builder.HasMany(r => r.Checks).WithOne().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Checks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SafetyCheckConfiguration : IEntityTypeConfiguration<SafetyCheck>
{
    public void Configure(EntityTypeBuilder<SafetyCheck> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(SafetyCriterion.CodeMaxLength).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(SafetyCriterion.TextMaxLength).IsRequired();
        builder.Property(c => c.Citation).HasMaxLength(SafetyCriterion.CitationMaxLength).IsRequired();
        builder.Property(c => c.Note).HasMaxLength(SafetyCheck.NoteMaxLength);
        builder.HasIndex(c => new { c.RecordId, c.Position });
    }
}

internal sealed class SafetyFileConfiguration : IEntityTypeConfiguration<SafetyFile>
{
    public void Configure(EntityTypeBuilder<SafetyFile> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.UnitCode).HasMaxLength(SafetyColumns.UnitCode).IsRequired();
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(SafetyColumns.Enum);
        builder.Property(f => f.FileName).HasMaxLength(SafetyFile.FileNameMaxLength).IsRequired();
        builder.Property(f => f.StoredName).HasMaxLength(SafetyColumns.StoredName).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(SafetyFile.ContentTypeMaxLength).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(SafetyColumns.Sha256).IsRequired();
        builder.HasOne<SafetyRecord>().WithMany().HasForeignKey(f => f.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.RecordId);
    }
}

internal sealed class SafetyCriterionConfiguration : IEntityTypeConfiguration<SafetyCriterion>
{
    public void Configure(EntityTypeBuilder<SafetyCriterion> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ProvinceCode).HasMaxLength(SafetyColumns.UnitCode).IsRequired();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(SafetyColumns.Enum);
        builder.Property(c => c.Code).HasMaxLength(SafetyCriterion.CodeMaxLength).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(SafetyCriterion.TextMaxLength).IsRequired();
        builder.Property(c => c.Citation).HasMaxLength(SafetyCriterion.CitationMaxLength).IsRequired();
        builder.HasIndex(c => new { c.ProvinceCode, c.Kind, c.Code }).IsUnique();
    }
}
