using HacaSim.Model;
using YamlDotNet.RepresentationModel;
using static HacaSim.Scenarios.NumberRule;

namespace HacaSim.Scenarios;

/// <summary>Binds the optional <c>faults:</c> block (Scenarios/README.md, "Faults").</summary>
internal sealed class FaultsBinder(ScenarioProblems problems, ComponentSpecReader specs)
{
    public static readonly string[] Keys = ["on_interrupt", "max_retries", "retry_backoff_s", "fallback", "node_failures", "outages", "data_source"];
    // The fault kinds' keys live in one place (Catalog/FaultKinds.cs), which hacasim list and the schema read too.
    private static readonly IReadOnlyList<string> FailureKeys = Catalog.FaultKinds.Keys(Catalog.FaultKinds.NodeFailures);
    private static readonly IReadOnlyList<string> OutageKeys = Catalog.FaultKinds.Keys(Catalog.FaultKinds.Outages);
    private static readonly IReadOnlyList<string> DataSourceKeys = Catalog.FaultKinds.Keys(Catalog.FaultKinds.DataSource);
    private static readonly string[] PathNames = VerificationPaths.All.Select(p => p.Key()).ToArray();

    public FaultsConfig Bind(MappingReader faults, IReadOnlyDictionary<string, PoolConfig> pools)
    {
        if (faults.Node is null) return FaultsConfig.None;
        string rule = faults.Choice("on_interrupt", "retry", FaultsConfig.Rules, "interrupt rule");
        int maxRetries = faults.Integer("max_retries", 3, 0);
        double backoff = faults.Number("retry_backoff_s", 1, NonNegative);

        var fallback = new Dictionary<VerificationPath, VerificationPath>();
        var fallbackReader = faults.Child("fallback", PathNames);
        foreach (var (from, _, _) in fallbackReader.Entries)
        {
            string to = fallbackReader.Choice(from, "vanilla", PathNames, "verification path");
            if (VerificationPaths.TryParse(from, out var f) && VerificationPaths.TryParse(to, out var t))
            {
                // A fallback to the same path would retry it forever at the same instant (no backoff applies to a fallback).
                if (f == t) problems.Report(fallbackReader.NodeFor(from), fallbackReader.ChildPath(from), $"falls back to itself; name another path ({string.Join(", ", PathNames.Where(p => p != from))})");
                else fallback[f] = t;
            }
        }

        var failures = new List<NodeFailureConfig>();
        var failureReader = faults.Child("node_failures", null);
        foreach (var (pool, key, value) in failureReader.Entries)
        {
            string path = failureReader.ChildPath(pool);
            if (!pools.ContainsKey(pool))
                problems.Report(key, path, $"no pool \"{pool}\"{Catalog.Suggestions.DidYouMean(pool, pools.Keys)}; pools: {string.Join(", ", pools.Keys)}");
            var f = new MappingReader(problems, value, path, value, FailureKeys);
            var mtbf = f.Value("mtbf_s") is { } m ? specs.Distribution(m, f.ChildPath("mtbf_s")) : null;
            var mttr = f.Value("mttr_s") is { } r ? specs.Distribution(r, f.ChildPath("mttr_s")) : null;
            if (mtbf is null || mttr is null)
            {
                if (f.Node is not null && (f.Value("mtbf_s") is null || f.Value("mttr_s") is null))
                    problems.Report(value, path, "needs both mtbf_s (time between failures, s) and mttr_s (time to repair, s)");
                continue;
            }
            failures.Add(new NodeFailureConfig(pool, mtbf, mttr));
        }

        var outages = new List<OutageConfig>();
        if (faults.Value("outages") is { } outagesNode)
        {
            if (outagesNode is not YamlSequenceNode sequence)
                problems.Report(outagesNode, faults.ChildPath("outages"), $"expected a list of outages, found {ScenarioProblems.Describe(outagesNode)}");
            else
                for (int i = 0; i < sequence.Children.Count; i++)
                {
                    var o = new MappingReader(problems, sequence.Children[i], $"{faults.ChildPath("outages")}[{i}]", sequence.Children[i], OutageKeys);
                    bool tee = o.Flag("tee_vendor", false);
                    string? pool = o.OptionalText("pool", "a pool name");
                    if (tee == (pool is not null))
                        problems.Report(sequence.Children[i], o.Path, "give either pool: NAME or tee_vendor: true");
                    else if (pool is not null && !pools.ContainsKey(pool))
                        problems.Report(o.NodeFor("pool"), o.ChildPath("pool"),
                            $"no pool \"{pool}\"{Catalog.Suggestions.DidYouMean(pool, pools.Keys)}; pools: {string.Join(", ", pools.Keys)}");
                    int? nodes = o.OptionalInteger("nodes", 1);
                    if (nodes is { } n && pool is not null && pools.TryGetValue(pool, out var pc) && n > pc.Nodes)
                        problems.Report(o.NodeFor("nodes"), o.ChildPath("nodes"), $"{n} nodes, but pool \"{pool}\" has {pc.Nodes}");
                    outages.Add(new OutageConfig(pool, tee, o.RequiredNumber("start_s", NonNegative, "when the outage starts (s)"),
                        o.RequiredNumber("duration_s", Positive, "how long it lasts (s)"), nodes, o.Where("start_s")));
                }
        }

        DataSourceFaultConfig? dataSource = null;
        var ds = faults.Child("data_source", DataSourceKeys);
        if (ds.Node is not null)
            dataSource = new DataSourceFaultConfig(ds.Number("start_s", 0, NonNegative), ds.Number("duration_s", double.MaxValue, Positive),
                ds.Number("slowdown", 1, new NumberRule(1, false, double.PositiveInfinity, "a factor >= 1")),
                ds.Number("failure_probability", 0, Probability));

        return new FaultsConfig(rule, maxRetries, backoff, fallback, failures, outages, dataSource);
    }
}
