using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CP.Licensing.Api;

/// <summary>
/// Meter <c>CP.Licensing</c> (exported at <c>/metrics</c>): Verify answers counted by result code,
/// and their latency; Deactivate and update check answers likewise, on their own instruments.
/// </summary>
public sealed class LicensingMetrics
{
    public const string MeterName = "CP.Licensing";

    private readonly Counter<long> _answers;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _deactivations;
    private readonly Histogram<double> _deactivationDuration;
    private readonly Counter<long> _updateChecks;
    private readonly Histogram<double> _updateCheckDuration;

    public LicensingMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _answers = meter.CreateCounter<long>("cp.licensing.verify.answers", "{answer}", "Verify API answers by result code.");
        _duration = meter.CreateHistogram<double>("cp.licensing.verify.duration", "s", "Time to answer a Verify API call, by result code.");
        _deactivations = meter.CreateCounter<long>("cp.licensing.deactivate.answers", "{answer}", "Deactivate API answers by result code.");
        _deactivationDuration = meter.CreateHistogram<double>("cp.licensing.deactivate.duration", "s", "Time to answer a Deactivate API call, by result code.");
        _updateChecks = meter.CreateCounter<long>("cp.licensing.updates.answers", "{answer}", "Update check answers by result code (valid: with or without an update).");
        _updateCheckDuration = meter.CreateHistogram<double>("cp.licensing.updates.duration", "s", "Time to answer an update check, by result code.");
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

    /// <summary>Counts a Deactivate answer and records its latency since <paramref name="startTimestamp"/>.</summary>
    public void Deactivation(string code, long startTimestamp)
    {
        var tag = new KeyValuePair<string, object?>("code", code);
        _deactivations.Add(1, tag);
        _deactivationDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tag);
    }

    /// <summary>Counts a Deactivate answer that was not timed (the rate limiter's).</summary>
    public void Deactivation(string code) => _deactivations.Add(1, new KeyValuePair<string, object?>("code", code));

    /// <summary>Counts an update check answer and records its latency since <paramref name="startTimestamp"/>.</summary>
    public void UpdateCheck(string code, long startTimestamp)
    {
        var tag = new KeyValuePair<string, object?>("code", code);
        _updateChecks.Add(1, tag);
        _updateCheckDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tag);
    }

    /// <summary>Counts an update check answer that was not timed (the rate limiter's).</summary>
    public void UpdateCheck(string code) => _updateChecks.Add(1, new KeyValuePair<string, object?>("code", code));
}
