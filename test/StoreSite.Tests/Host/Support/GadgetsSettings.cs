namespace StoreSite.Tests.Host.Support;

public sealed class GadgetsSettings
{
    public int Count { get; set; }
}
