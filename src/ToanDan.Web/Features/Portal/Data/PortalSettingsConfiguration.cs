using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Features.Portal.Data;

internal sealed class PortalSettingsConfiguration : IEntityTypeConfiguration<PortalSettings>
{
    public void Configure(EntityTypeBuilder<PortalSettings> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.PortalName).HasMaxLength(PortalSettings.LineMaxLength).IsRequired();
        builder.Property(s => s.GoverningAgency).HasMaxLength(PortalSettings.LineMaxLength);
        builder.Property(s => s.EditorInChief).HasMaxLength(PortalSettings.LineMaxLength);
        builder.Property(s => s.Licence).HasMaxLength(PortalSettings.LineMaxLength);
        builder.Property(s => s.LicenceIssued).HasMaxLength(PortalSettings.LineMaxLength);
        builder.Property(s => s.Address).HasMaxLength(PortalSettings.LineMaxLength);
        builder.Property(s => s.Phone).HasMaxLength(PortalSettings.PhoneMaxLength);
        builder.Property(s => s.Email).HasMaxLength(PortalSettings.EmailMaxLength);
        builder.Property(s => s.UnitCode).HasMaxLength(5);
        builder.Property(s => s.EnglishName).HasMaxLength(PortalSettings.LineMaxLength);
        builder.Property(s => s.EnglishDescription).HasMaxLength(PortalSettings.DescriptionMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasMany(s => s.Contacts).WithOne().HasForeignKey(c => c.SettingsId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class PortalContactConfiguration : IEntityTypeConfiguration<PortalContact>
{
    public void Configure(EntityTypeBuilder<PortalContact> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(PortalContact.NameMaxLength).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(PortalContact.TitleMaxLength).IsRequired();
        builder.Property(c => c.EnglishTitle).HasMaxLength(PortalContact.TitleMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(PortalSettings.PhoneMaxLength);
        builder.Property(c => c.Email).HasMaxLength(PortalSettings.EmailMaxLength);
        builder.HasIndex(c => new { c.SettingsId, c.Position });
    }
}
