using HacaSim.Workload;

namespace HacaSim.Catalog;

/// <summary>The arrival processes a scenario may name (<c>process:</c>), with their parameter sets.</summary>
public static class ArrivalCatalog
{
    public static Catalog<IArrivalProcess> Create()
    {
        Catalog<HacaSim.Randomness.IDistribution> distributions = DistributionCatalog.Create();
        return new("arrival process",
        [
            new("poisson", "Poisson arrivals: exponential gaps, CV 1.", [new("rate")],
                (s, r) => new PoissonArrivals(s.Number("rate"), r)),
            new("deterministic", "Evenly spaced arrivals.", [new("rate"), new("interval_s")],
                (s, _) => new DeterministicArrivals(s.Numbers.TryGetValue("interval_s", out double i) ? i : 1 / s.Number("rate"))),
            new("renewal", "Independent gaps from any distribution: dist: NAME plus that distribution's parameters.",
                distributions.Entries.SelectMany(e => e.ParameterSets).Select(p => new ParameterSet(["dist", .. p.Required], p.Optional)).ToList(),
                (s, r) => new RenewalArrivals(distributions.Create(s with { Name = s.Texts["dist"], Texts = Without(s.Texts, "dist") }, r))),
            new("onoff", "Bursts: Poisson at on_rate during exponential on-periods, silence during off-periods (a 2-state MMPP).",
                [new("on_rate", "mean_on_s", "mean_off_s")],
                (s, r) => new MarkovModulatedArrivals([s.Number("on_rate"), 0], [s.Number("mean_on_s"), s.Number("mean_off_s")], r)),
            new("mmpp", "N-state Markov-modulated Poisson: rates[i] per second in state i, exponential sojourns with means sojourns_s[i].",
                [new("rates", "sojourns_s")],
                (s, r) => new MarkovModulatedArrivals(s.Lists["rates"].ToArray(), s.Lists["sojourns_s"].ToArray(), r)),
            new("diurnal", "Sinusoidal rate mean_rate x (1 + amplitude sin(2 pi t / period_s + phase)), by thinning.",
                [new(["mean_rate", "amplitude", "period_s"], ["phase"])],
                (s, r) => new TimeVaryingArrivals(new DiurnalRate(s.Number("mean_rate"), s.Number("amplitude"), s.Number("period_s"), s.NumberOr("phase", 0)), r)),
            new("piecewise", "Piecewise-constant rate: rates[i] from starts_s[i] (starts_s[0] = 0; the last rate continues), by thinning.",
                [new("starts_s", "rates")],
                (s, r) => new TimeVaryingArrivals(new PiecewiseConstantRate(Pieces(s)), r)),
            new("ramp", "Rate rising in steps: start_rate + k x step_rate during step k of step_s seconds, up to max_rate.",
                [new(["start_rate", "step_rate", "step_s"], ["max_rate"])],
                (s, r) => new RampArrivals(s.Number("start_rate"), s.Number("step_rate"), s.Number("step_s"), r,
                    s.Numbers.TryGetValue("max_rate", out double max) ? max : null)),
            new("trace", "Replays a TIMESTAMP,ContextTokens,GeneratedTokens CSV (Azure LLM trace format): file relative to the " +
                "working directory or the scenario; time_scale 2 = twice as fast; offset_s and limit select rows; loop repeats it.",
                [new(["file"], ["time_scale", "offset_s", "limit", "loop"])],
                (s, _) => new TraceReplayArrivals(s.Data?.Trace ?? TraceReader.Read(ScenarioFiles.Resolve(s.Texts["file"], s.Location)), s.NumberOr("time_scale", 1), s.NumberOr("offset_s", 0),
                    s.Numbers.TryGetValue("limit", out double limit) ? Rows(limit) : null, Flag(s, "loop"))),
        ]);
    }

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> texts, string key) =>
        texts.Where(p => p.Key != key).ToDictionary(p => p.Key, p => p.Value);

    private static List<(double, double)> Pieces(ComponentSpec s)
    {
        var starts = s.Lists["starts_s"];
        var rates = s.Lists["rates"];
        if (starts.Count != rates.Count) throw new ArgumentException($"starts_s has {starts.Count} entries but rates has {rates.Count}");
        return starts.Zip(rates).ToList();
    }

    private static bool Flag(ComponentSpec s, string key) =>
        s.Texts.TryGetValue(key, out string? text) ? text switch
        {
            "true" => true,
            "false" => false,
            _ => throw new ArgumentException($"{key} must be true or false, found \"{text}\""),
        } : s.NumberOr(key, 0) != 0;

    /// <summary>A trace's row limit: a whole number of rows that fits an int (1e10 is no trace: refused, not overflowed).</summary>
    private static int Rows(double limit) => limit is >= 1 and <= int.MaxValue && limit == Math.Floor(limit) ? (int)limit
        : throw new ArgumentException($"limit {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}: expected a whole number of rows from 1 to {int.MaxValue}");

}
