using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CP.Licensing.Api;

/// <summary>
/// Meter <c>CP.Licensing</c> (exported at <c>/metrics</c>): Verify answers counted by result code,
/// and their latency.
/// </summary>
public sealed class LicensingMetrics
{
    public const string MeterName = "CP.Licensing";

    private readonly Counter<long> _answers;
    private readonly Histogram<double> _duration;

    public LicensingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _answers = meter.CreateCounter<long>("cp.licensing.verify.answers", "{answer}", "Verify API answers by result code.");
        _duration = meter.CreateHistogram<double>("cp.licensing.verify.duration", "s", "Time to answer a Verify API call, by result code.");
    }

    /// <summary>Counts an answer and records its latency since <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Answered(string code, long startTimestamp)
    {
        var tag = new KeyValuePair<string, object?>("code", code);
        _answers.Add(1, tag);
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tag);
    }

    /// <summary>Counts an answer that was not timed (the rate limiter's).</summary>
    public void Answered(string code) => _answers.Add(1, new KeyValuePair<string, object?>("code", code));
}
