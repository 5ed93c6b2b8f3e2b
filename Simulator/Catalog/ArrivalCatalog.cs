using HacaSim.Workload;

namespace HacaSim.Catalog;

/// <summary>The arrival processes a scenario may name (<c>process:</c>).</summary>
public static class ArrivalCatalog
{
    public static Catalog<IArrivalProcess> Create() => new("arrival process",
    [
        new("poisson", "Poisson arrivals (exponential gaps, CV 1).", [new("rate")],
            (s, r) => new PoissonArrivals(s.Number("rate"), r)),
        new("deterministic", "Evenly spaced arrivals.", [new("rate"), new("interval_s")],
            (s, _) => new DeterministicArrivals(s.Numbers.TryGetValue("interval_s", out double i) ? i : 1 / s.Number("rate"))),
    ]);
}
