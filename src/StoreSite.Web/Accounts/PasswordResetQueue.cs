using System.Threading.Channels;

namespace StoreSite.Web.Accounts;

/// <summary>
/// The reset links still to be mailed (singleton). The forgot-password form only queues its request:
/// looking the address up, making the token and talking to the mail server happen in
/// <see cref="PasswordResetWorker"/>, so the form answers in the same time whether or not the
/// address has an account. Bounded: when it is full a request is dropped and logged (the sign-in
/// rate limit already bounds each client); requests still queued when the process stops are lost,
/// and the person asks again.
/// </summary>
public sealed class PasswordResetQueue
{
    public const int Capacity = 1000;

    private readonly Channel<PasswordResetRequest> _requests = Channel.CreateBounded<PasswordResetRequest>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly Lock _sync = new();
    private int _pending;
    private TaskCompletionSource _idle = Completed();

    public ChannelReader<PasswordResetRequest> Reader => _requests.Reader;

    /// <summary>Queues the request; false when the queue is full.</summary>
    public bool TryEnqueue(PasswordResetRequest request)
    {
        lock (_sync)
        {
            if (!_requests.Writer.TryWrite(request))
            {
                return false;
            }

            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return true;
        }
    }

    /// <summary>Called by the worker once a request has been handled (sent, skipped or failed).</summary>
    public void Handled()
    {
        lock (_sync)
        {
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes when every request queued so far has been handled.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}
