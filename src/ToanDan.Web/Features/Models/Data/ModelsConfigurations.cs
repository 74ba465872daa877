using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Models.Data;

internal static class ModelsColumns
{
    public const int UnitCode = 20;
    public const int Enum = 20;
}

internal sealed class ModelCatalogueEntryConfiguration : IEntityTypeConfiguration<ModelCatalogueEntry>
{
    public void Configure(EntityTypeBuilder<ModelCatalogueEntry> builder)
    {
        builder.ToTable("model_catalogue_entries");
        builder.HasKey(e => new { e.Catalogue, e.Code });
        builder.Property(e => e.Catalogue).HasConversion<string>().HasMaxLength(ModelsColumns.Enum);
        builder.Property(e => e.Code).HasMaxLength(ModelCatalogueEntry.CodeMaxLength);
        builder.Property(e => e.Name).HasMaxLength(ModelCatalogueEntry.NameMaxLength).IsRequired();
        builder.Property(e => e.NameEnglish).HasMaxLength(ModelCatalogueEntry.NameMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasData(ModelCatalogueEntry.Defaults.Select((d, i) => new
        {
            d.Catalogue,
            d.Code,
            d.Name,
            NameEnglish = d.English,
            SortOrder = (i + 1) * 10,
            IsActive = true,
            Version = 1,
        }));
    }
}

internal sealed class MovementModelConfiguration : IEntityTypeConfiguration<MovementModel>
{
    public void Configure(EntityTypeBuilder<MovementModel> builder)
    {
        builder.ToTable("movement_models");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UnitCode).HasMaxLength(ModelsColumns.UnitCode).IsRequired();
        builder.Property(m => m.Name).HasMaxLength(MovementModel.NameMaxLength).IsRequired();
        builder.Property(m => m.SearchName).HasMaxLength(MovementModel.NameMaxLength).IsRequired();
        builder.Property(m => m.KindCode).HasMaxLength(ModelCatalogueEntry.CodeMaxLength).IsRequired();
        builder.Property(m => m.FieldCode).HasMaxLength(ModelCatalogueEntry.CodeMaxLength).IsRequired();
        builder.Property(m => m.Description).HasMaxLength(MovementModel.DescriptionMaxLength);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.Ignore(m => m.LatestStatus);
        builder.HasIndex(m => new { m.UnitCode, m.EstablishedOn });
        builder.HasMany(m => m.StatusChanges).WithOne().HasForeignKey(s => s.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.StatusChanges).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Points).WithOne().HasForeignKey(p => p.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Points).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Members).WithOne().HasForeignKey(c => c.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(m => m.Evaluations).WithOne().HasForeignKey(e => e.ModelId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Evaluations).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ModelStatusChangeConfiguration : IEntityTypeConfiguration<ModelStatusChange>
{
    public void Configure(EntityTypeBuilder<ModelStatusChange> builder)
    {
        builder.ToTable("model_status_changes");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(ModelsColumns.Enum);
        builder.Property(s => s.Note).HasMaxLength(ModelStatusChange.NoteMaxLength);
        builder.HasIndex(s => new { s.ModelId, s.Sequence }).IsUnique();
    }
}

internal sealed class ReplicationPointConfiguration : IEntityTypeConfiguration<ReplicationPoint>
{
    public void Configure(EntityTypeBuilder<ReplicationPoint> builder)
    {
        builder.ToTable("model_points");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.UnitCode).HasMaxLength(ModelsColumns.UnitCode).IsRequired();
        builder.Property(p => p.Name).HasMaxLength(ReplicationPoint.NameMaxLength).IsRequired();
        builder.HasIndex(p => p.UnitCode);
    }
}

internal sealed class ClusterMemberConfiguration : IEntityTypeConfiguration<ClusterMember>
{
    public void Configure(EntityTypeBuilder<ClusterMember> builder)
    {
        builder.ToTable("model_cluster_members");
        builder.HasKey(c => new { c.ModelId, c.UnitCode });
        builder.Property(c => c.UnitCode).HasMaxLength(ModelsColumns.UnitCode);
        builder.HasIndex(c => c.UnitCode);
    }
}

internal sealed class ModelEvaluationConfiguration : IEntityTypeConfiguration<ModelEvaluation>
{
    public void Configure(EntityTypeBuilder<ModelEvaluation> builder)
    {
        builder.ToTable("model_evaluations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Result).HasConversion<string>().HasMaxLength(ModelsColumns.Enum);
        builder.Property(e => e.Note).HasMaxLength(ModelEvaluation.NoteMaxLength);
        builder.HasIndex(e => new { e.ModelId, e.Year }).IsUnique();
    }
}

internal sealed class ExemplarConfiguration : IEntityTypeConfiguration<Exemplar>
{
    public void Configure(EntityTypeBuilder<Exemplar> builder)
    {
        builder.ToTable("model_exemplars");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.UnitCode).HasMaxLength(ModelsColumns.UnitCode).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(ModelsColumns.Enum);
        builder.Property(e => e.Name).HasMaxLength(Exemplar.NameMaxLength).IsRequired();
        builder.Property(e => e.Achievements).HasMaxLength(Exemplar.AchievementsMaxLength);
        builder.Property(e => e.RecognisedBy).HasMaxLength(Exemplar.RecognisedByMaxLength).IsRequired();
        builder.Property(e => e.DecisionNumber).HasMaxLength(Exemplar.DecisionNumberMaxLength);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.UnitCode, e.DecisionDate });
        builder.HasOne<MovementModel>().WithMany().HasForeignKey(e => e.ModelId).OnDelete(DeleteBehavior.SetNull);
    }
}
