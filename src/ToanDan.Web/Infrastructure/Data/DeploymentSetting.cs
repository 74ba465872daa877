using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ToanDan.Web.Infrastructure.Data;

/// <summary>A key/value fact about this deployment's database, such as "this is a demo database".</summary>
public sealed class DeploymentSetting
{
    /// <summary>Set (to the UTC time of seeding) on a database created by the demo.</summary>
    public const string DemoSeededAt = "demo.seeded-at";

    private DeploymentSetting()
    {
    }

    public string Key { get; private set; } = "";

    public string Value { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public static DeploymentSetting Create(string key, string value, DateTime nowUtc) => new() { Key = key, Value = value, UpdatedAtUtc = nowUtc };
}

internal sealed class DeploymentSettingConfiguration : IEntityTypeConfiguration<DeploymentSetting>
{
    public void Configure(EntityTypeBuilder<DeploymentSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Value).HasMaxLength(1000).IsRequired();
    }
}
