using System.Globalization;
using HacaSim.Model;
using HacaSim.Scenarios;

namespace HacaSim.Tests.Properties;

/// <summary>
/// Watches one replication: receives every ended request (as its <see cref="IRequestSink"/>) and is asked after
/// every event (<see cref="AfterEvent"/>) whether the counts still balance. A broken invariant throws
/// <see cref="InvariantException"/> at the event that broke it, with the simulated time.
/// </summary>
internal sealed class InvariantChecker(HacaNetwork network, double challengeWindowSeconds, bool synchronous, IRequestSink? forward) : IRequestSink
{
    private readonly HashSet<long> _ended = [];
    private long _settled, _failed;
    private double _lastNow;

    public long EventsChecked { get; private set; }

    /// <summary>Ended requests also go to <paramref name="forward"/> until this is set (the request log covers the run, not the drain).</summary>
    public bool Forwarding { get; set; } = true;

    /// <summary>
    /// Conservation at this moment: arrived = settled + failed + in flight with in flight >= 0, the ended
    /// requests the sink saw match the counters, failures by reason sum to failures, and the clock is sane.
    /// </summary>
    public bool AfterEvent()
    {
        EventsChecked++;
        RunMetrics m = network.Metrics;
        double now = network.Simulation.Now;
        if (!(now >= _lastNow) || !double.IsFinite(now)) Fail($"the clock went from {_lastNow} to {now}");
        _lastNow = now;
        if (m.Settled != _settled || m.Failed != _failed)
            Fail($"metrics say {m.Settled} settled and {m.Failed} failed, but the sink saw {_settled} settled and {_failed} failed");
        if (m.InFlight < 0 || m.Arrived != m.Settled + m.Failed + m.InFlight)
            Fail($"arrived {m.Arrived} != settled {m.Settled} + failed {m.Failed} + in flight {m.InFlight}");
        long byReason = 0;
        foreach (long n in m.FailedByReason.Values) byReason += n;
        if (byReason != m.Failed) Fail($"failed_by_reason sums to {byReason}, failed is {m.Failed}");
        return false;
    }

    /// <summary>After draining: every request that arrived has ended exactly once.</summary>
    public void CheckAllEnded()
    {
        AfterEvent();
        RunMetrics m = network.Metrics;
        if (m.InFlight != 0) Fail($"{m.InFlight} of {m.Arrived} requests never ended although arrivals stopped (lost in the model?)");
        if (_ended.Count != m.Arrived) Fail($"{_ended.Count} distinct requests ended, {m.Arrived} arrived");
    }

    // The run's end reports what is still in flight; this checker drains the model afterwards and checks how each ends.
    public void WriteInFlight(Request r)
    {
        if (Forwarding) forward?.WriteInFlight(r);
    }

    public void Write(Request r)
    {
        double now = network.Simulation.Now;
        string who = string.Create(CultureInfo.InvariantCulture, $"request {r.Id} ({r.Class.Name}, {r.Path.Key()}, {r.Outcome})");
        if (r.Outcome == RequestOutcome.InFlight) Fail($"{who} was reported ended while still in flight");
        if (!_ended.Add(r.Id)) Fail($"{who} ended twice");
        if (r.Id < 0 || r.Id >= network.Metrics.Arrived) Fail($"{who} ended but only {network.Metrics.Arrived} requests arrived");
        if (r.Outcome == RequestOutcome.Settled) _settled++;
        else
        {
            _failed++;
            if (string.IsNullOrEmpty(r.FailureReason)) Fail($"{who} failed without a reason");
        }
        CheckTimestamps(r, who, now);
        if (Forwarding) forward?.Write(r);
    }

    private void CheckTimestamps(Request r, string who, double now)
    {
        (string Name, double T)[] life =
        [
            ("arrival", r.ArrivalSeconds), ("data queued", r.DataQueuedSeconds), ("data start", r.DataStartSeconds), ("data end", r.DataEndSeconds),
            ("inference queued", r.InferenceQueuedSeconds), ("inference start", r.InferenceStartSeconds), ("inference end", r.InferenceEndSeconds),
            ("proof queued", r.ProofQueuedSeconds), ("proof start", r.ProofStartSeconds), ("proof ready", r.ProofReadySeconds),
            ("verify queued", r.VerifyQueuedSeconds), ("verify start", r.VerifyStartSeconds), ("verified", r.VerifiedSeconds),
            ("included", r.IncludedSeconds), ("final", r.FinalSeconds),
        ];
        (string Name, double T) previous = ("start of the run", 0);
        foreach (var stamp in life.Append((Name: "result", T: r.ResultSeconds)))
        {
            if (double.IsNaN(stamp.T)) continue;
            if (!double.IsFinite(stamp.T) || stamp.T < 0 || stamp.T > now) Fail($"{who}: {stamp.Name} at {stamp.T}, now is {now}");
        }
        foreach (var stamp in life)
        {
            if (double.IsNaN(stamp.T)) continue;
            if (stamp.T < previous.T) Fail($"{who}: {stamp.Name} at {stamp.T} is before {previous.Name} at {previous.T}");
            previous = stamp;
        }
        if (r.NeedsData == double.IsNaN(r.DataQueuedSeconds))
            Fail($"{who}: needs data {r.NeedsData} but data queued at {r.DataQueuedSeconds}");
        if (!double.IsNaN(r.ResultSeconds) && !(r.ResultSeconds >= r.InferenceEndSeconds))
            Fail($"{who}: result at {r.ResultSeconds} before inference ended at {r.InferenceEndSeconds}");
        if (r.Outcome != RequestOutcome.Settled) return;
        foreach (var (name, t) in life.Where(s => !s.Name.StartsWith("data", StringComparison.Ordinal)).Append(("result", r.ResultSeconds)))
            if (double.IsNaN(t)) Fail($"{who} settled without a {name} time");
        if (r.NeedsData && double.IsNaN(r.DataEndSeconds)) Fail($"{who} needs data and settled without fetching it");
        if (synchronous ? r.ResultSeconds != r.FinalSeconds : r.ResultSeconds != r.InferenceEndSeconds)
            Fail($"{who}: result at {r.ResultSeconds}, inference end {r.InferenceEndSeconds}, final {r.FinalSeconds} (synchronous: {synchronous})");
        if (r.Path == VerificationPath.ZkCrv && !r.Challenged && r.FinalSeconds < r.InferenceEndSeconds + challengeWindowSeconds)
            Fail($"{who}: final at {r.FinalSeconds}, before the challenge window ({challengeWindowSeconds} s) after inference end {r.InferenceEndSeconds}");
    }

    private void Fail(string message) =>
        throw new InvariantException(string.Create(CultureInfo.InvariantCulture, $"t = {network.Simulation.Now} s, after {EventsChecked} events: {message}"));
}

internal sealed class InvariantException(string message) : Exception(message);
