namespace ReturnLoop.Features.Catalog;

public sealed class CatalogConfiguration : IEntityTypeConfiguration<SupplierSku>, IEntityTypeConfiguration<MerchantSku>
{
    public void Configure(EntityTypeBuilder<SupplierSku> b)
    {
        b.HasIndex(x => new { x.AccountId, x.Code }).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<MerchantSku> b)
    {
        b.HasIndex(x => new { x.AccountId, x.Code }).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.SupplierAccountId });
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(200);
        b.OwnsMany(x => x.Components, c => c.ToJson());
        b.Navigation(x => x.Components).HasField("_components");
    }
}
