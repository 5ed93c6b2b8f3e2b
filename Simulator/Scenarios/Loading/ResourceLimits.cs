using System.Globalization;
using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Workload;
using YamlDotNet.RepresentationModel;

namespace HacaSim.Scenarios.Loading;

/// <summary>
/// Refuses scenarios that are valid but would not fit this kind of machine (24 GB, 2 cores) in minutes:
/// a billion nodes, a rate of 1e9/s for an hour, a trillion time-series rows. Each limit is an estimate
/// made before anything runs, and its message says what the scenario asks for, what it would cost and
/// what is allowed (Scenarios/README.md, "Limits"). The numbers come from measurements on that machine:
/// about 1 million events per second per core, about 3 KB per node, idle or busy (a node keeps its queue
/// and two time-weighted averages; latency histograms are kept per pool, not per node), about 300 bytes per
/// request in the model.
/// </summary>
internal static class ResourceLimits
{
    /// <summary>
    /// Nodes in all pools: ~3 GB at the limit (measured: 100,000 single-slot JSQ nodes under load, 315 MB peak
    /// RSS in all, 2026-11-29). JSQ picks a node in O(log n) and p2c and random in O(1); round_robin and lwl
    /// still look at every node of a pool per job, which is slow but correct on pools this large.
    /// </summary>
    public const long MaxNodes = 1_000_000;

    /// <summary>Slots in all pools: counts are summed in 32-bit integers; real GPUs batch at most a few hundred requests.</summary>
    public const long MaxSlots = 100_000_000;

    /// <summary>Waiting places per node: anything larger is the same as unbounded (leave queue_capacity out), and slots + places must fit 32 bits.</summary>
    public const long MaxQueueCapacity = 1_000_000_000;

    /// <summary>Each replication keeps its latency histograms (up to ~6 MB) until the summary is written.</summary>
    public const long MaxReplications = 1_000;

    /// <summary>Beyond ~1e9 s (31 years) a double clock loses sub-microsecond precision and short hops would vanish.</summary>
    public const double MaxDurationSeconds = 1e9;

    /// <summary>Expected arrivals per replication: an unstable run keeps every request (~300 bytes) in memory, ~3 GB at this limit.</summary>
    public const long MaxArrivalsPerReplication = 10_000_000;

    /// <summary>Expected events in all replications: ~1 million per second per core, so about 5 minutes at this limit.</summary>
    public const long MaxEvents = 300_000_000;

    /// <summary>Time-series rows in all replications: all are kept in memory (~100 bytes each) and written to timeseries.csv and proof_lag.csv.</summary>
    public const long MaxTimeSeriesRows = 5_000_000;

    /// <summary>Work units (cases x replications) of one sweep or compare: every unit's result (up to ~6 MB of histograms) is kept until the outputs are written.</summary>
    public const long MaxWorkUnits = 5_000;

    /// <summary>Expected events of a whole sweep or compare: ten runs at the single-run limit, about an hour on one core.</summary>
    public const double MaxExperimentEvents = 10.0 * MaxEvents;

    /// <summary>
    /// Refuses an experiment (<paramref name="what"/>: "sweep", "compare") whose cases x replications, or whose expected events
    /// in all cases, are beyond what one machine does in about an hour; each case alone has passed <see cref="Check"/>.
    /// </summary>
    public static void CheckExperiment(string what, long cases, int replications)
    {
        long units = cases * replications;
        if (units > MaxWorkUnits)
            throw new InputException($"{what}: {N(cases)} case(s) x {N(replications)} replication(s) = {N(units)} work units; at most {N(MaxWorkUnits)} " +
                "(each unit's statistics are kept until the results are written): fewer values per --param, fewer variants or replications");
    }

    /// <inheritdoc cref="CheckExperiment(string, long, int)"/>
    public static void CheckExperiment(string what, IReadOnlyList<Scenario> cases, ScenarioCatalogs catalogs)
    {
        double events = cases.Sum(s => EstimatedEvents(s, ExpectedArrivals(s, catalogs).Arrivals, catalogs));
        if (events > MaxExperimentEvents)
            throw new InputException($"{what}: ~{N(events)} events expected in all {cases.Count} case(s) (~{Minutes(events)} at ~1 million events/s); " +
                $"at most {N(MaxExperimentEvents)}: fewer points or variants, fewer replications, or a shorter duration_s");
    }

    /// <summary>Events a request causes besides its verification copies: arrival, service ends, hops, proof, settlement.</summary>
    private const int EventsPerRequest = 6;

    private const double BytesPerNode = 3000, BytesPerRequest = 300, BytesPerRow = 100;
    private const double EventsPerSecond = 1e6;

    /// <summary>Reports every limit <paramref name="scenario"/> exceeds, each at the field that drives it.</summary>
    public static void Check(Scenario scenario, YamlMappingNode root, ScenarioProblems problems, ScenarioCatalogs catalogs)
    {
        var where = new Locator(root, problems);
        RunConfig run = scenario.Run;
        TimeLimits.Check(scenario, where.Report, catalogs);

        if (scenario.Pools.Count > 0)
        {
            long nodes = scenario.Pools.Values.Sum(p => (long)p.Nodes);
            PoolConfig largest = scenario.Pools.Values.MaxBy(p => p.Nodes)!;
            if (nodes > MaxNodes)
                where.Report($"pools.{largest.Name}.nodes",
                    $"{N(nodes)} nodes in all pools need {Bytes(nodes * BytesPerNode)} of memory; " +
                    $"at most {N(MaxNodes)} nodes in all pools (HACA-sim keeps one object per node)");
            long slots = scenario.Pools.Values.Sum(p => (long)p.Nodes * p.Slots);
            PoolConfig widest = scenario.Pools.Values.MaxBy(p => (long)p.Nodes * p.Slots)!;
            if (slots > MaxSlots)
                where.Report($"pools.{widest.Name}.slots",
                    $"{N(slots)} slots in all pools (nodes x slots); at most {N(MaxSlots)} (slot counts are 32-bit; a GPU batches at most a few hundred requests)");
            foreach (PoolConfig pool in scenario.Pools.Values.Where(p => p.QueueCapacity > MaxQueueCapacity))
                where.Report($"pools.{pool.Name}.queue_capacity",
                    $"{N(pool.QueueCapacity!.Value)} waiting places per node; at most {N(MaxQueueCapacity)} (larger is the same as unbounded: leave queue_capacity out)");
        }
        if (run.Replications > MaxReplications)
            where.Report("run.replications",
                $"{N(run.Replications)} replications keep {Bytes(run.Replications * 6e6)} of statistics until the summary is written; at most {N(MaxReplications)}");
        if (run.DurationSeconds > MaxDurationSeconds)
            where.Report("run.duration_s",
                $"{ParameterExpression.Format(run.DurationSeconds)} s: beyond {N((long)MaxDurationSeconds)} s (31 years) the simulated clock loses " +
                "sub-microsecond precision and short delays vanish; at most 1e9 s");

        double samples = Math.Floor(run.DurationSeconds / run.SampleIntervalSeconds) + 1;
        // Each sample: one row per pool and one for settlement (timeseries.csv), one per path (proof_lag.csv).
        double rows = samples * (scenario.Pools.Count + 1 + 4) * run.Replications;
        if (rows > MaxTimeSeriesRows)
            where.Report(where.Has("run.sample_interval_s") ? "run.sample_interval_s" : "run.duration_s",
                $"{ParameterExpression.Format(run.DurationSeconds)} s / sample_interval_s {ParameterExpression.Format(run.SampleIntervalSeconds)} s gives " +
                $"{N(rows)} time-series rows ({Bytes(rows * BytesPerRow)}) in all replications; at most {N(MaxTimeSeriesRows)}: make sample_interval_s larger");

        (double arrivals, string arrivalField) = ExpectedArrivals(scenario, catalogs);
        if (arrivals > MaxArrivalsPerReplication)
            where.Report(arrivalField,
                $"~{N(arrivals)} arrivals expected per replication in {ParameterExpression.Format(run.DurationSeconds)} s; an unstable run keeps them " +
                $"all in memory ({Bytes(arrivals * BytesPerRequest)}); at most {N(MaxArrivalsPerReplication)} per replication: lower the rate or duration_s");
        else
        {
            double events = EstimatedEvents(scenario, arrivals, catalogs);
            if (events > MaxEvents)
            {
                double blocks = BlockEvents(scenario) * run.Replications;
                double faultEvents = FaultEvents(scenario, catalogs) * run.Replications;
                string field = faultEvents > events / 2 ? $"faults.node_failures.{scenario.FaultsOrNone.NodeFailures.MaxBy(f => Mean(f.TimeBetweenFailures, catalogs) is var m && m > 0 ? 1 / m : double.MaxValue)!.Pool}.mtbf_s"
                    : blocks > events / 2 ? (where.Has("settlement.block_interval_s") ? "settlement.block_interval_s" : "run.duration_s") : arrivalField;
                where.Report(field,
                    $"~{N(events)} events expected in all replications (~{Minutes(events)} at ~1 million events/s); at most {N(MaxEvents)}: " +
                    "lower the rate, duration_s, replications or verification.replication (or raise a node failure's mtbf_s)");
            }
        }
    }

    /// <summary>
    /// Arrivals per replication over the whole run, and the field of the process that brings most. A process
    /// with a finite long-run mean rate gives rate x duration; a trace or an uncapped ramp is counted by drawing
    /// its arrivals (stopping past the limit), so the estimate never needs more than the limit's worth of work.
    /// </summary>
    private static (double Arrivals, string Field) ExpectedArrivals(Scenario scenario, ScenarioCatalogs catalogs)
    {
        var processes = new List<(ComponentSpec Spec, string Field)>();
        if (scenario.Traffic.Arrival is { } common && scenario.Traffic.Classes.Any(c => c.Arrival is null)) processes.Add((common, "traffic.arrival"));
        for (int i = 0; i < scenario.Traffic.Classes.Count; i++)
            if (scenario.Traffic.Classes[i].Arrival is { } own) processes.Add((own, $"traffic.classes[{i}].arrival"));
        double total = 0, most = -1;
        string field = "traffic.arrival";
        foreach (var (spec, path) in processes)
        {
            double expected = Expected(catalogs.Arrivals.Describe(spec), scenario.Run.DurationSeconds);
            total += expected;
            if (expected > most) (most, field) = (expected, path);
        }
        return (total, field);
    }

    private static double Expected(IArrivalProcess process, double durationSeconds)
    {
        if (process is TraceReplayArrivals trace)
        {
            // A trace's rows are known: counted (from a replay of its own, stopping past the limit).
            var replay = trace.Restarted();
            long count = 0;
            while (count <= MaxArrivalsPerReplication && replay.Next().TimeSeconds <= durationSeconds) count++;
            return count;
        }
        double rate = process.MeanRatePerSecond;
        if (double.IsFinite(rate) && rate >= 0) return rate * durationSeconds;
        // No long-run mean (an uncapped ramp): the expected count is the rate's integral over the run.
        if (process is IRateVarying varying)
        {
            const int Steps = 10_000;
            double dt = durationSeconds / Steps, sum = 0;
            for (int i = 0; i < Steps; i++) sum += varying.RatePerSecondAt((i + 0.5) * dt) * dt;
            return sum;
        }
        return double.PositiveInfinity;
    }

    private static double EstimatedEvents(Scenario scenario, double arrivalsPerReplication, ScenarioCatalogs catalogs)
    {
        int verifiers = scenario.Pools.TryGetValue(scenario.Roles.Verification, out PoolConfig? pool) ? pool.Nodes : 1;
        int copies = Math.Min(scenario.Verification.Replication ?? verifiers, verifiers);
        double samples = Math.Floor(scenario.Run.DurationSeconds / scenario.Run.SampleIntervalSeconds) + 1;
        double perReplication = arrivalsPerReplication * (EventsPerRequest + copies) + BlockEvents(scenario) + samples + FaultEvents(scenario, catalogs);
        return perReplication * scenario.Run.Replications;
    }

    /// <summary>Node failures and repairs per replication: each node of a failing pool cycles every mtbf + mttr seconds (two events a cycle).</summary>
    private static double FaultEvents(Scenario scenario, ScenarioCatalogs catalogs)
    {
        double events = 0;
        foreach (NodeFailureConfig f in scenario.FaultsOrNone.NodeFailures)
        {
            int nodes = scenario.Pools.TryGetValue(f.Pool, out PoolConfig? pool) ? pool.Nodes : 1;
            double cycle = Mean(f.TimeBetweenFailures, catalogs) + Mean(f.TimeToRepair, catalogs);
            events += cycle > 0 ? 2 * nodes * scenario.Run.DurationSeconds / cycle : double.PositiveInfinity;
        }
        return events;
    }

    private static double Mean(ComponentSpec spec, ScenarioCatalogs catalogs) => catalogs.Distributions.Describe(spec).Mean;

    private static double BlockEvents(Scenario scenario) =>
        scenario.Settlement.Mode == SettlementMode.Blocks ? scenario.Run.DurationSeconds / scenario.Settlement.BlockIntervalSeconds : 0;

    private static string N(double x) => x >= 1e15 ? x.ToString("0.#e0", CultureInfo.InvariantCulture) : x.ToString("N0", CultureInfo.InvariantCulture);

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1e12 => $"~{N(Math.Round(bytes / 1e12))} TB",
        >= 1e9 => $"~{N(Math.Round(bytes / 1e9))} GB",
        _ => $"~{N(Math.Max(1, Math.Round(bytes / 1e6)))} MB",
    };

    private static string Minutes(double events)
    {
        double minutes = events / EventsPerSecond / 60;
        return minutes >= 60 * 24 ? $"{N(minutes / 60 / 24)} days" : minutes >= 60 ? $"{N(minutes / 60)} hours" : $"{N(Math.Max(1, minutes))} minutes";
    }

    /// <summary>Finds the YAML node of a key path, or the nearest enclosing one when the file leaves the field out.</summary>
    private sealed class Locator(YamlMappingNode root, ScenarioProblems problems)
    {
        public bool Has(string path) => Find(path).Exact;

        public void Report(string path, string message)
        {
            var (node, exact) = Find(path);
            if (exact) problems.Report(node, path, message);
            else problems.Report(node, path, $"(default) {message}");
        }

        private (YamlNode Node, bool Exact) Find(string path)
        {
            YamlNode current = root;
            foreach (string part in Split(path))
            {
                YamlNode? next = current switch
                {
                    YamlMappingNode m => m.Children.FirstOrDefault(e => e.Key is YamlScalarNode k && k.Value == part).Value,
                    YamlSequenceNode s when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < s.Children.Count => s.Children[i],
                    _ => null,
                };
                if (next is null) return (current, false);
                current = next;
            }
            return (current, true);
        }

        // "traffic.classes[1].arrival" -> traffic, classes, 1, arrival. Pool and model names come from the file's
        // keys and may contain dots, so such a path is split only at the dots the checks put in.
        private static IEnumerable<string> Split(string path)
        {
            foreach (string named in new[] { "pools", "models" })
            {
                if (!path.StartsWith(named + ".", StringComparison.Ordinal)) continue;
                int last = path.LastIndexOf('.');
                return [named, path[(named.Length + 1)..last], path[(last + 1)..]];
            }
            return path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        }
    }
}
