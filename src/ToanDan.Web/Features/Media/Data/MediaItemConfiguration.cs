using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Media.Data;

public sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("media_items");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.UnitCode).HasMaxLength(News.Data.NewsColumns.UnitCode).IsRequired();
        builder.Property(m => m.FileName).HasMaxLength(MediaItem.FileNameMaxLength).IsRequired();
        builder.Property(m => m.Alt).HasMaxLength(MediaItem.AltMaxLength).IsRequired();
        builder.Property(m => m.Extension).HasMaxLength(MediaItem.ExtensionMaxLength).IsRequired();
        builder.Property(m => m.Widths).HasMaxLength(MediaItem.WidthsMaxLength).IsRequired();
        builder.Property(m => m.CreatedBy).HasMaxLength(MediaItem.CreatedByMaxLength).IsRequired();
        builder.HasIndex(m => new { m.UnitCode, m.CreatedAtUtc });
    }
}
