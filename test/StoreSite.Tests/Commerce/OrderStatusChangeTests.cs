using CP.Commerce.Models;
using CP.Commerce.Orders;

namespace StoreSite.Tests.Commerce;

/// <summary>The order status rules, without a site: every move from every status, with and without a confirmed charge.</summary>
public sealed class OrderStatusChangeTests
{
    public static TheoryData<string, OrderStatus, bool, bool> Moves()
    {
        var data = new TheoryData<string, OrderStatus, bool, bool>();
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            foreach (var charged in new[] { false, true })
            {
                data.Add(nameof(OrderStatusChange.Pay), status, charged, status == OrderStatus.Pending && charged);
                data.Add(nameof(OrderStatusChange.FailPayment), status, charged, status == OrderStatus.Pending);
                data.Add(nameof(OrderStatusChange.Cancel), status, charged, status == OrderStatus.Pending && !charged);
                var refundable = status is OrderStatus.Paid or OrderStatus.PartiallyRefunded;
                data.Add(nameof(OrderStatusChange.BeginRefund), status, charged, refundable && charged);
                data.Add(nameof(OrderStatusChange.FinishRefund), status, charged, status == OrderStatus.RefundPending);
                data.Add(nameof(OrderStatusChange.RefundSomeLines), status, charged, refundable && charged);
                data.Add(nameof(OrderStatusChange.FinishLineRefund), status, charged, refundable && charged);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_move_is_allowed_only_from_its_statuses_and_with_its_payment_condition(string move, OrderStatus from, bool charged, bool allowed)
    {
        var change = Change(move);

        Assert.Equal(allowed, change.Allows(from, charged));
    }

    [Fact]
    public void Refunded_cancelled_and_failed_orders_are_final()
    {
        var moves = new[] { OrderStatusChange.Pay, OrderStatusChange.FailPayment, OrderStatusChange.Cancel, OrderStatusChange.BeginRefund, OrderStatusChange.FinishRefund, OrderStatusChange.RefundSomeLines, OrderStatusChange.FinishLineRefund };

        foreach (var final in new[] { OrderStatus.Refunded, OrderStatus.Cancelled, OrderStatus.PaymentFailed })
        {
            Assert.DoesNotContain(moves, m => m.Allows(final, hasPaymentReference: true) || m.Allows(final, hasPaymentReference: false));
        }
    }

    [Theory]
    [InlineData(OrderStatus.Paid, null)]
    [InlineData(OrderStatus.Refunded, OrderProblems.AlreadyRefunded)]
    [InlineData(OrderStatus.RefundPending, OrderProblems.RefundPending)]
    [InlineData(OrderStatus.Pending, OrderProblems.NotPaid)]
    [InlineData(OrderStatus.Cancelled, OrderProblems.NotPaid)]
    public void A_refund_is_refused_with_a_code_unless_the_order_is_paid(OrderStatus status, string? problem) =>
        Assert.Equal(problem, OrderRefunder.RefusalFor(Order(status, charged: status != OrderStatus.Pending)));

    [Theory]
    [InlineData(OrderStatus.Pending, false, null)]
    [InlineData(OrderStatus.Pending, true, OrderProblems.PaymentConfirmed)]
    [InlineData(OrderStatus.Paid, true, OrderProblems.PaidNotCancellable)]
    [InlineData(OrderStatus.Cancelled, false, OrderProblems.AlreadyCancelled)]
    [InlineData(OrderStatus.Refunded, true, OrderProblems.NotPending)]
    public void A_cancel_is_refused_with_a_code_unless_the_order_waits_for_an_unconfirmed_payment(OrderStatus status, bool charged, string? problem) =>
        Assert.Equal(problem, OrderCanceller.RefusalFor(Order(status, charged)));

    [Theory]
    [InlineData(null, OrderProblems.ReasonRequired)]
    [InlineData("   ", OrderProblems.ReasonRequired)]
    [InlineData("Customer asked", null)]
    public void A_reason_is_required(string? reason, string? problem) => Assert.Equal(problem, OrderReasons.Problem(reason));

    [Fact]
    public void A_reason_over_500_characters_is_refused() => Assert.Equal(OrderProblems.ReasonTooLong, OrderReasons.Problem(new string('r', 501)));

    private static OrderStatusChange Change(string name) => name switch
    {
        nameof(OrderStatusChange.Pay) => OrderStatusChange.Pay,
        nameof(OrderStatusChange.FailPayment) => OrderStatusChange.FailPayment,
        nameof(OrderStatusChange.Cancel) => OrderStatusChange.Cancel,
        nameof(OrderStatusChange.BeginRefund) => OrderStatusChange.BeginRefund,
        nameof(OrderStatusChange.RefundSomeLines) => OrderStatusChange.RefundSomeLines,
        nameof(OrderStatusChange.FinishLineRefund) => OrderStatusChange.FinishLineRefund,
        _ => OrderStatusChange.FinishRefund,
    };

    private static Order Order(OrderStatus status, bool charged) => new()
    {
        Number = "SO-2026-000001",
        CustomerId = "c",
        CustomerEmail = "c@example.com",
        Currency = "USD",
        Status = status,
        PaymentReference = charged ? "test_1" : null,
    };
}
