using System.Globalization;
using System.Text;
using System.Text.Json;
using HacaSim.Analysis.Output;
using HacaSim.Analysis.Records;
using HacaSim.Analysis.Statistics;
using HacaSim.Model;
using HacaSim.Model.Chain;

namespace HacaSim.Experiments.Sharding;

/// <summary>
/// One work unit's <see cref="ReplicationResult"/> as JSON (a shard's <c>units/*.json</c>), exact enough that a
/// merge reading it writes the same bytes as the run that produced it: counts as integers, doubles in
/// shortest round-trip form (NaN and infinities as the strings "NaN", "Infinity", "-Infinity"), every
/// <see cref="SampleStatistic"/> as its moments plus histogram buckets, every <see cref="BatchMeans"/> as its
/// stored batches. Anything a summary or chart reads from a replication must be here.
/// </summary>
public static class UnitResultFile
{
    public const string Format = "hacasim-unit/1";

    public static string Write(string key, ReplicationResult r)
    {
        using var buffer = new MemoryStream();
        using (Utf8JsonWriter w = JsonOutput.CreateWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("key", key);
            w.WriteNumber("replication", r.Replication);
            w.WriteNumber("events", r.EventsFired);
            WriteMetrics(w, r.Metrics);
            w.WriteStartArray("pools");
            foreach (PoolResult p in r.Pools) WritePool(w, p);
            w.WriteEndArray();
            w.WritePropertyName("settlement_stability");
            WriteVerdict(w, r.SettlementStability);
            WriteChain(w, r.Chain);
            w.WritePropertyName("outages");
            if (r.Outages is null) w.WriteNullValue();
            else
            {
                w.WriteStartArray();
                foreach (OutageRecovery o in r.Outages) Row(w, () => { D(w, o.BacklogBefore); D(w, o.PeakBacklog); D(w, o.RecoverySeconds); });
                w.WriteEndArray();
            }
            // Rows as arrays (replication, time_s, pool, queue_length, busy, backlog): the bulk of the file.
            w.WriteStartArray("timeseries");
            foreach (TimeSeriesRow t in r.TimeSeries)
                Row(w, () => { w.WriteNumberValue(t.Replication); D(w, t.TimeSeconds); w.WriteStringValue(t.Pool); w.WriteNumberValue(t.QueueLength); w.WriteNumberValue(t.Busy); w.WriteNumberValue(t.Backlog); });
            w.WriteEndArray();
            // (replication, time_s, path, settled, mean_proof_lag_s)
            w.WriteStartArray("proof_lag");
            foreach (ProofLagRow t in r.ProofLag)
                Row(w, () => { w.WriteNumberValue(t.Replication); D(w, t.TimeSeconds); w.WriteStringValue(t.Path); w.WriteNumberValue(t.Settled); D(w, t.MeanProofLagSeconds); });
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads a unit file; <paramref name="source"/> (its path) names it in errors.</summary>
    public static (string Key, ReplicationResult Result) Read(string json, string source)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(json);
            JsonElement root = doc.RootElement;
            if (root.GetProperty("format").GetString() != Format)
                throw new InputException($"{source}: not a {Format} unit file");
            var result = new ReplicationResult(root.GetProperty("replication").GetInt32(), ReadMetrics(root.GetProperty("metrics")),
                root.GetProperty("pools").EnumerateArray().Select(ReadPool).ToList(),
                root.GetProperty("timeseries").EnumerateArray().Select(a => new TimeSeriesRow(a[0].GetInt32(), D(a[1]), S(a[2]),
                    a[3].GetInt32(), a[4].GetInt32(), a[5].GetInt32())).ToList(),
                root.GetProperty("proof_lag").EnumerateArray().Select(a => new ProofLagRow(a[0].GetInt32(), D(a[1]), S(a[2]),
                    a[3].GetInt64(), D(a[4]))).ToList(),
                root.GetProperty("events").GetInt64(),
                root.GetProperty("outages") is { ValueKind: JsonValueKind.Array } outages
                    ? outages.EnumerateArray().Select(a => new OutageRecovery(D(a[0]), D(a[1]), D(a[2]))).ToList() : null)
            {
                SettlementStability = ReadVerdict(root.GetProperty("settlement_stability")),
                Chain = root.TryGetProperty("chain", out JsonElement chain) ? ReadChain(chain) : null,
            };
            return (S(root.GetProperty("key")), result);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException
                                       or ArgumentException or OverflowException)
        {
            throw new InputException($"{source}: not a readable unit file ({InputFiles.Echo(e.Message)})");
        }
    }

    /// <summary>
    /// A unit read from a part must be one its scenario could produce: counts non-negative and conserved (settled +
    /// failed &lt;= arrived; each path's count at most the arrivals), the scenario's pools by name. The SHA-256
    /// check catches damage; this catches a part written by hand or by a broken tool, before any output exists.
    /// </summary>
    public static void CheckConsistent(ReplicationResult r, Scenarios.Scenario scenario, string source)
    {
        RunMetrics m = r.Metrics;
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("arrived", m.Arrived), ("settled", m.Settled), ("failed", m.Failed), ("decided", m.Decided),
                     ("interrupted_jobs", m.InterruptedJobs), ("retries", m.Retries), ("events", r.EventsFired) })
            if (value < 0) problems.Add($"{name} is {value}");
        foreach (var (name, counts) in new[] { ("failed_by_reason", m.FailedByReason), ("decisions", m.Decisions), ("downgrades", m.Downgrades),
                     ("fallbacks", m.Fallbacks), ("overflow", m.Overflow) })
            foreach (var (k, v) in counts)
                if (v < 0) problems.Add($"{name}.{InputFiles.Echo(k)} is {v}");
        if (m.Settled >= 0 && m.Failed >= 0 && m.Settled + m.Failed > m.Arrived)
            problems.Add($"settled {m.Settled} + failed {m.Failed} exceed arrived {m.Arrived}");
        foreach (VerificationPath path in VerificationPaths.All)
            if (m.Path(path).Count < 0 || m.Path(path).Count > m.Arrived) problems.Add($"paths.{path.Key()}.count is {m.Path(path).Count}");
        if (!(m.WorkLostSeconds >= 0)) problems.Add($"work_lost_s is {m.WorkLostSeconds}");
        var expected = scenario.Pools.Keys.Order(StringComparer.Ordinal).ToList();
        var found = r.Pools.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(found, StringComparer.Ordinal))
            problems.Add($"pools [{InputFiles.Echo(string.Join(", ", found))}], but the scenario has [{string.Join(", ", expected)}]");
        if (problems.Count > 0)
            throw new InputException($"merge: {source} is not a result its scenario can produce: {string.Join("; ", problems.Take(10))}; nothing was written");
    }

    private static void WriteMetrics(Utf8JsonWriter w, RunMetrics m)
    {
        w.WriteStartObject("metrics");
        w.WriteNumber("arrived", m.Arrived);
        w.WriteNumber("settled", m.Settled);
        w.WriteNumber("failed", m.Failed);
        w.WriteNumber("decided", m.Decided);
        w.WriteNumber("interrupted_jobs", m.InterruptedJobs);
        w.WritePropertyName("work_lost_s");
        D(w, m.WorkLostSeconds);
        w.WriteNumber("retries", m.Retries);
        Counts(w, "failed_by_reason", m.FailedByReason);
        Counts(w, "decisions", m.Decisions);
        Counts(w, "downgrades", m.Downgrades);
        Counts(w, "fallbacks", m.Fallbacks);
        Counts(w, "overflow", m.Overflow);
        w.WriteStartObject("paths");
        foreach (VerificationPath path in VerificationPaths.All)
        {
            PathMetrics p = m.Path(path);
            w.WriteStartObject(path.Key());
            w.WriteNumber("count", p.Count);
            Statistic(w, "result_latency", p.ResultLatency);
            Statistic(w, "proof_lag", p.ProofLag);
            Statistic(w, "time_to_trust", p.TimeToTrust);
            Batches(w, "result_latency_batches", p.ResultLatencyBatches);
            Batches(w, "proof_lag_batches", p.ProofLagBatches);
            Batches(w, "time_to_trust_batches", p.TimeToTrustBatches);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("classes");
        foreach (ClassMetrics c in m.Classes)
        {
            w.WriteStartObject();
            w.WriteNumber("count", c.Count);
            w.WriteNumber("settled", c.Settled);
            w.WriteNumber("over_deadline", c.OverDeadline);
            Statistic(w, "time_to_trust", c.TimeToTrust);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static RunMetrics ReadMetrics(JsonElement e)
    {
        // The warm-up only filters observations while a run records; a restored result records nothing.
        var m = new RunMetrics(0)
        {
            Arrived = e.GetProperty("arrived").GetInt64(),
            Settled = e.GetProperty("settled").GetInt64(),
            Failed = e.GetProperty("failed").GetInt64(),
            Decided = e.GetProperty("decided").GetInt64(),
            InterruptedJobs = e.GetProperty("interrupted_jobs").GetInt64(),
            WorkLostSeconds = D(e.GetProperty("work_lost_s")),
            Retries = e.GetProperty("retries").GetInt64(),
        };
        ReadCounts(e.GetProperty("failed_by_reason"), m.FailedByReason);
        ReadCounts(e.GetProperty("decisions"), m.Decisions);
        ReadCounts(e.GetProperty("downgrades"), m.Downgrades);
        ReadCounts(e.GetProperty("fallbacks"), m.Fallbacks);
        ReadCounts(e.GetProperty("overflow"), m.Overflow);
        foreach (VerificationPath path in VerificationPaths.All)
        {
            JsonElement p = e.GetProperty("paths").GetProperty(path.Key());
            PathMetrics pm = m.Path(path);
            pm.Count = p.GetProperty("count").GetInt64();
            pm.ResultLatency.Load(ReadStatistic(p.GetProperty("result_latency")));
            pm.ProofLag.Load(ReadStatistic(p.GetProperty("proof_lag")));
            pm.TimeToTrust.Load(ReadStatistic(p.GetProperty("time_to_trust")));
            pm.ResultLatencyBatches.Load(ReadBatches(p.GetProperty("result_latency_batches"))!);
            pm.ProofLagBatches.Load(ReadBatches(p.GetProperty("proof_lag_batches"))!);
            pm.TimeToTrustBatches.Load(ReadBatches(p.GetProperty("time_to_trust_batches"))!);
        }
        // Parts written before per-class metrics existed have none: their classes read as empty.
        if (e.TryGetProperty("classes", out JsonElement classes))
        {
            int index = 0;
            foreach (JsonElement c in classes.EnumerateArray())
            {
                ClassMetrics cm = m.Class(index++);
                cm.Count = c.GetProperty("count").GetInt64();
                cm.Settled = c.GetProperty("settled").GetInt64();
                cm.OverDeadline = c.GetProperty("over_deadline").GetInt64();
                cm.TimeToTrust.Load(ReadStatistic(c.GetProperty("time_to_trust")));
            }
        }
        return m;
    }

    private static void WriteChain(Utf8JsonWriter w, ChainMetrics? c)
    {
        if (c is null)
        {
            w.WriteNull("chain");
            return;
        }
        w.WriteStartObject("chain");
        w.WriteNumber("blocks", c.Blocks);
        w.WriteNumber("items", c.Items);
        w.WriteNumber("gas", c.Gas);
        w.WriteNumber("max_items", c.MaxItems);
        w.WriteNumber("max_gas", c.MaxGas);
        w.WriteNumber("rejected", c.Rejected);
        Named(w, "mempool_mean", c.MempoolMean);
        Named(w, "mempool_max", c.MempoolMax);
        Named(w, "measured_s", c.MeasuredSeconds);
        Statistic(w, "execution", c.ExecutionSeconds);
        Statistic(w, "cycle", c.CycleSeconds);
        w.WriteStartObject("paths");
        foreach (VerificationPath path in VerificationPaths.All)
        {
            w.WriteStartObject(path.Key());
            Statistic(w, "inclusion", c.Inclusion(path));
            Statistic(w, "finality", c.Finality(path));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static ChainMetrics? ReadChain(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Null) return null;
        var c = new ChainMetrics
        {
            Blocks = e.GetProperty("blocks").GetInt64(),
            Items = e.GetProperty("items").GetInt64(),
            Gas = e.GetProperty("gas").GetInt64(),
            MaxItems = e.GetProperty("max_items").GetInt64(),
            MaxGas = e.GetProperty("max_gas").GetInt64(),
            Rejected = e.GetProperty("rejected").GetInt64(),
            MempoolMean = D(e.GetProperty("mempool_mean")),
            MempoolMax = D(e.GetProperty("mempool_max")),
            MeasuredSeconds = D(e.GetProperty("measured_s")),
        };
        c.ExecutionSeconds.Load(ReadStatistic(e.GetProperty("execution")));
        c.CycleSeconds.Load(ReadStatistic(e.GetProperty("cycle")));
        foreach (VerificationPath path in VerificationPaths.All)
        {
            JsonElement p = e.GetProperty("paths").GetProperty(path.Key());
            c.Inclusion(path).Load(ReadStatistic(p.GetProperty("inclusion")));
            c.Finality(path).Load(ReadStatistic(p.GetProperty("finality")));
        }
        return c;
    }

    private static void WritePool(Utf8JsonWriter w, PoolResult p)
    {
        w.WriteStartObject();
        w.WriteString("name", p.Name);
        w.WriteNumber("nodes", p.Nodes);
        w.WriteNumber("slots", p.Slots);
        w.WritePropertyName("utilization");
        D(w, p.Utilization);
        w.WritePropertyName("queue_length");
        D(w, p.QueueLength);
        w.WritePropertyName("in_service");
        D(w, p.InService);
        w.WritePropertyName("availability");
        D(w, p.Availability);
        Statistic(w, "wait", p.Wait);
        Statistic(w, "service", p.Service);
        w.WritePropertyName("stability");
        WriteVerdict(w, p.Stability);
        if (p.WaitBatches is null) w.WriteNull("wait_batches");
        else Batches(w, "wait_batches", p.WaitBatches);
        w.WriteEndObject();
    }

    private static PoolResult ReadPool(JsonElement e)
    {
        var wait = new SampleStatistic();
        wait.Load(ReadStatistic(e.GetProperty("wait")));
        var service = new SampleStatistic();
        service.Load(ReadStatistic(e.GetProperty("service")));
        BatchMeansState? batches = ReadBatches(e.GetProperty("wait_batches"));
        BatchMeans? waitBatches = null;
        if (batches is not null)
        {
            waitBatches = new BatchMeans(batches.TargetBatches);
            waitBatches.Load(batches);
        }
        return new PoolResult(S(e.GetProperty("name")), e.GetProperty("nodes").GetInt32(), e.GetProperty("slots").GetInt32(),
            D(e.GetProperty("utilization")), D(e.GetProperty("queue_length")), D(e.GetProperty("in_service")), wait, service,
            ReadVerdict(e.GetProperty("stability"))!, D(e.GetProperty("availability"))) { WaitBatches = waitBatches };
    }

    private static void Statistic(Utf8JsonWriter w, string name, SampleStatistic s)
    {
        SampleStatisticState state = s.Save();
        MomentsState m = state.Moments;
        w.WriteStartObject(name);
        w.WriteNumber("n", m.Count);
        Named(w, "min", m.Min);
        Named(w, "max", m.Max);
        Named(w, "m1", m.M1);
        Named(w, "m2", m.M2);
        Named(w, "m3", m.M3);
        Named(w, "m4", m.M4);
        // (bucket value in µs, count): HdrHistogram's recorded values, re-recorded as they are on reading.
        w.WriteStartArray("histogram");
        foreach (var (value, count) in state.Buckets) Row(w, () => { w.WriteNumberValue(value); w.WriteNumberValue(count); });
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static SampleStatisticState ReadStatistic(JsonElement e) =>
        new(new MomentsState(e.GetProperty("n").GetInt64(), D(e.GetProperty("min")), D(e.GetProperty("max")), D(e.GetProperty("m1")),
                D(e.GetProperty("m2")), D(e.GetProperty("m3")), D(e.GetProperty("m4"))),
            e.GetProperty("histogram").EnumerateArray().Select(a => (a[0].GetInt64(), a[1].GetInt64())).ToList());

    private static void Batches(Utf8JsonWriter w, string name, BatchMeans b)
    {
        BatchMeansState s = b.Save();
        w.WriteStartObject(name);
        w.WriteNumber("target_batches", s.TargetBatches);
        w.WriteNumber("count", s.Count);
        w.WriteNumber("stored_batch_size", s.StoredBatchSize);
        Named(w, "partial_sum", s.PartialSum);
        w.WriteNumber("partial_count", s.PartialCount);
        w.WriteStartArray("stored_means");
        foreach (double x in s.StoredMeans) D(w, x);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static BatchMeansState? ReadBatches(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null
        : new BatchMeansState(e.GetProperty("target_batches").GetInt32(), e.GetProperty("count").GetInt64(),
            e.GetProperty("stored_means").EnumerateArray().Select(D).ToList(), e.GetProperty("stored_batch_size").GetInt64(),
            D(e.GetProperty("partial_sum")), e.GetProperty("partial_count").GetInt64());

    private static void WriteVerdict(Utf8JsonWriter w, StabilityVerdict? v)
    {
        if (v is null)
        {
            w.WriteNullValue();
            return;
        }
        w.WriteStartObject();
        w.WriteBoolean("stable", v.Stable);
        Named(w, "growth_per_s", v.GrowthPerSecond);
        Named(w, "growth_ci95", v.GrowthCi95);
        w.WriteEndObject();
    }

    private static StabilityVerdict? ReadVerdict(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null
        : new StabilityVerdict(e.GetProperty("stable").GetBoolean(), D(e.GetProperty("growth_per_s")), D(e.GetProperty("growth_ci95")));

    private static void Counts(Utf8JsonWriter w, string name, SortedDictionary<string, long> counts)
    {
        w.WriteStartObject(name);
        foreach (var (k, v) in counts) w.WriteNumber(k, v);
        w.WriteEndObject();
    }

    private static void ReadCounts(JsonElement e, SortedDictionary<string, long> into)
    {
        foreach (JsonProperty p in e.EnumerateObject()) into[p.Name] = p.Value.GetInt64();
    }

    private static void Row(Utf8JsonWriter w, Action cells)
    {
        w.WriteStartArray();
        cells();
        w.WriteEndArray();
    }

    private static void Named(Utf8JsonWriter w, string name, double x)
    {
        w.WritePropertyName(name);
        D(w, x);
    }

    /// <summary>A double exactly: finite ones as JSON numbers (shortest round-trip form), the others as strings.</summary>
    private static void D(Utf8JsonWriter w, double x)
    {
        if (double.IsFinite(x)) w.WriteNumberValue(x);
        else w.WriteStringValue(x.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A string value; null is not one.</summary>
    private static string S(JsonElement e) => e.GetString() ?? throw new InvalidOperationException("a string value is null");

    private static double D(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)
        : e.GetDouble();
}
