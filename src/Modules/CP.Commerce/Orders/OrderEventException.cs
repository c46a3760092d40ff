namespace CP.Commerce.Orders;

/// <summary>An order event handler failed; the status change it belonged to was rolled back.</summary>
public sealed class OrderEventException : Exception
{
    public OrderEventException()
    {
    }

    public OrderEventException(string message)
        : base(message)
    {
    }

    public OrderEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
