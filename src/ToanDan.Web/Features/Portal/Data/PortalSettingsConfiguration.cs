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
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
