using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.News.Data;

internal static class NewsColumns
{
    public const int UnitCode = 20;
    public const int Enum = 20;
    public const int Name = 256;
}

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.UnitCode).HasMaxLength(NewsColumns.UnitCode).IsRequired();
        builder.Property(a => a.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(a => a.Slug).HasMaxLength(Article.SlugMaxLength).IsRequired();
        builder.Property(a => a.Lead).HasMaxLength(Article.LeadMaxLength).IsRequired();
        builder.Property(a => a.Body).HasMaxLength(Article.BodyMaxLength).IsRequired();
        builder.Property(a => a.Author).HasMaxLength(Article.AuthorMaxLength);
        builder.Property(a => a.Tags).HasMaxLength(Article.TagsMaxLength).IsRequired();
        builder.Property(a => a.SearchText).HasMaxLength(Article.SearchMaxLength).IsRequired();
        builder.Property(a => a.SearchTitle).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(a => a.SearchBody).HasMaxLength(Article.BodyMaxLength).IsRequired();
        builder.Property(a => a.TagSlugs).HasMaxLength(Article.TagSlugsMaxLength).IsRequired();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(NewsColumns.Enum);
        builder.Property(a => a.WithdrawnReason).HasMaxLength(Article.ReasonMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.TagList);
        builder.HasIndex(a => new { a.UnitCode, a.Slug }).IsUnique();
        builder.HasIndex(a => new { a.UnitCode, a.Status, a.PublishAtUtc });
        builder.HasIndex(a => new { a.UnitCode, a.IsFeatured });
        builder.HasOne<Category>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Figures).WithOne().HasForeignKey(f => f.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Figures).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(a => a.Links).WithOne().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Links).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ArticleFigureConfiguration : IEntityTypeConfiguration<ArticleFigure>
{
    public void Configure(EntityTypeBuilder<ArticleFigure> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Caption).HasMaxLength(ArticleFigure.CaptionMaxLength).IsRequired();
        builder.Property(f => f.Alt).HasMaxLength(ArticleFigure.AltMaxLength).IsRequired();
        builder.Property(f => f.ImageUrl).HasMaxLength(ArticleFigure.ImageUrlMaxLength);
        builder.HasIndex(f => new { f.ArticleId, f.Position });
    }
}

internal sealed class ArticleLinkConfiguration : IEntityTypeConfiguration<ArticleLink>
{
    public void Configure(EntityTypeBuilder<ArticleLink> builder)
    {
        builder.HasKey(l => new { l.ArticleId, l.RelatedId });
        builder.HasOne<Article>().WithMany().HasForeignKey(l => l.RelatedId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleSlugConfiguration : IEntityTypeConfiguration<ArticleSlug>
{
    public void Configure(EntityTypeBuilder<ArticleSlug> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.UnitCode).HasMaxLength(NewsColumns.UnitCode).IsRequired();
        builder.Property(s => s.Slug).HasMaxLength(Article.SlugMaxLength).IsRequired();
        builder.HasIndex(s => new { s.UnitCode, s.Slug }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Title).HasMaxLength(Article.TitleMaxLength).IsRequired();
        builder.Property(r => r.Lead).HasMaxLength(Article.LeadMaxLength).IsRequired();
        builder.Property(r => r.Body).HasMaxLength(Article.BodyMaxLength).IsRequired();
        builder.Property(r => r.EditorName).HasMaxLength(Article.AuthorMaxLength).IsRequired();
        builder.Property(r => r.Note).HasMaxLength(ArticleRevision.NoteMaxLength);
        builder.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.UnitCode).HasMaxLength(NewsColumns.UnitCode).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(Category.NameMaxLength).IsRequired();
        builder.Property(c => c.Slug).HasMaxLength(Article.SlugMaxLength).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.UnitCode, c.Slug }).IsUnique();
    }
}
