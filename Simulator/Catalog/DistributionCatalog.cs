using HacaSim.Randomness;

namespace HacaSim.Catalog;

/// <summary>The distributions a scenario may name (<c>dist:</c>), with their accepted parameter sets.</summary>
public static class DistributionCatalog
{
    public static Catalog<IDistribution> Create() => new("distribution",
    [
        new("exponential", "Memoryless; the M in M/M/c.", [new("mean"), new("rate")],
            (s, r) => Distributions.Exponential(s.Numbers.TryGetValue("mean", out double m) ? m : 1 / s.Number("rate"), r)),
        new("deterministic", "Always the same value; the D in M/D/1.", [new("value")],
            (s, _) => Distributions.Deterministic(s.Number("value"))),
        new("uniform", "Uniform on [min, max].", [new("min", "max")],
            (s, r) => Distributions.Uniform(s.Number("min"), s.Number("max"), r)),
        new("normal", "Normal truncated at 0 by rejection (times cannot be negative).", [new("mean", "sd")],
            (s, r) => Distributions.Normal(s.Number("mean"), s.Number("sd"), r)),
        new("lognormal", "Lognormal, by mean and coefficient of variation, by log-space mu and sigma, or by median and p99.",
            [new("mean", "cv"), new("mu", "sigma"), new("median", "p99")],
            (s, r) => s.Numbers.ContainsKey("cv") ? Distributions.LogNormalFromMeanCv(s.Number("mean"), s.Number("cv"), r)
                : s.Numbers.ContainsKey("sigma") ? Distributions.LogNormal(s.Number("mu"), s.Number("sigma"), r)
                : Distributions.LogNormalFromMedianP99(s.Number("median"), s.Number("p99"), r)),
        new("gamma", "Gamma, by mean and coefficient of variation or by shape and rate.", [new("mean", "cv"), new("shape", "rate")],
            (s, r) => s.Numbers.ContainsKey("cv") ? Distributions.GammaFromMeanCv(s.Number("mean"), s.Number("cv"), r)
                : Distributions.Gamma(s.Number("shape"), s.Number("rate"), r)),
        new("weibull", "Weibull with shape k and scale lambda.", [new("shape", "scale")],
            (s, r) => Distributions.Weibull(s.Number("shape"), s.Number("scale"), r)),
        new("empirical", "Resamples observed values with equal weight: a list, or a numeric column of a CSV file (header row; file relative to the working directory or the scenario).",
            [new("values"), new("file", "column")],
            (s, r) => Distributions.Empirical(s.Lists.TryGetValue("values", out var values) ? values
                : s.Data?.Column ?? CsvColumn.Read(ScenarioFiles.Resolve(s.Texts["file"], s.Location), s.Texts["column"]), r)),
    ]);
}
