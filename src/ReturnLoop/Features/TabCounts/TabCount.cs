namespace ReturnLoop.Features.TabCounts;

/// <summary>
/// A change to the number of rows under one tab of one list: a save that adds a counted row, removes one or moves it to
/// another status adds rows here in the same transaction (<see cref="TabCountInterceptor"/>), and a tab's count is the sum
/// of its rows. The saves only ever insert, so writers of the same tab (a hot supplier at 12.12) never wait on each other
/// nor lose a race; <see cref="TabCountCompactor"/> folds each tab's rows into one now and then.
/// </summary>
public sealed class TabCount
{
    private TabCount() { }

    public TabCount(string list, string accountId, string partnerId, string status, int count)
    {
        List = list;
        AccountId = accountId;
        PartnerId = partnerId;
        Status = status;
        Count = count;
    }

    public long Id { get; private set; }

    /// <summary>Which list: one of <see cref="CountedLists"/>.</summary>
    public string List { get; private set; } = "";

    /// <summary>Whose list it is.</summary>
    public string AccountId { get; private set; } = "";

    /// <summary>The other party of the row (the list's supplier or distributor filter); "" when there is none.</summary>
    public string PartnerId { get; private set; } = "";

    /// <summary>The tab: the row's status, as the database stores it.</summary>
    public string Status { get; private set; } = "";

    public int Count { get; private set; }
}

public sealed class TabCountConfiguration : IEntityTypeConfiguration<TabCount>
{
    public void Configure(EntityTypeBuilder<TabCount> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.List).HasMaxLength(40);
        b.Property(x => x.Status).HasMaxLength(32);
        // Ends with the count, so a tab's sum is read from the index alone.
        b.HasIndex(x => new { x.List, x.AccountId, x.PartnerId, x.Status, x.Count });
    }
}
