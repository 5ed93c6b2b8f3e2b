using HacaSim.Analysis.Sensitivity;
using HacaSim.Randomness;

namespace HacaSim.Explore;

/// <summary>
/// Where an explore's samples lie: points in [0, 1)^k from a Latin hypercube or Saltelli's design, drawn from the
/// named stream "explore/design" of the run seed (so the design depends on the seed alone, never on threads or
/// shards), each mapped through its parameter's range. <see cref="Roles"/> names each sample's row in the design:
/// "lhs", or for Sobol "A", "AB1".."ABk", "B".
/// </summary>
public sealed class ExploreDesign
{
    /// <summary>Samples x replications; more is hours of simulation on any machine this runs on, or a typo.</summary>
    public const long MaxRuns = 1_000_000;

    private ExploreDesign(ExploreMethod method, IReadOnlyList<ExploreParameter> parameters, int baseSamples, double[][] points)
    {
        Method = method;
        Parameters = parameters;
        BaseSamples = baseSamples;
        Points = points;
        int k = parameters.Count;
        Roles = [.. Enumerable.Range(0, points.Length).Select(i => method == ExploreMethod.Lhs ? "lhs"
            : (i % (k + 2)) switch { 0 => "A", var r when r == k + 1 => "B", var r => "AB" + r.ToString(System.Globalization.CultureInfo.InvariantCulture) })];
    }

    public ExploreMethod Method { get; }
    public IReadOnlyList<ExploreParameter> Parameters { get; }

    /// <summary>N as given with --samples: the Latin hypercube's points, or Saltelli's base sample (N(k+2) runs).</summary>
    public int BaseSamples { get; }

    /// <summary>Points[sample][input] in [0, 1).</summary>
    public double[][] Points { get; }

    public IReadOnlyList<string> Roles { get; }

    public int Count => Points.Length;

    public static ExploreDesign Create(ExploreMethod method, IReadOnlyList<ExploreParameter> parameters, int samples, ulong seed)
    {
        int k = parameters.Count;
        if (method == ExploreMethod.Sobol && k > SaltelliDesign.MaxInputs)
            throw new InputException($"--method sobol: {k} parameters; the bundled Sobol direction numbers allow at most {SaltelliDesign.MaxInputs} (use --method lhs)");
        if (samples < 2) throw new InputException($"--samples {samples}: at least 2");
        Random stream = new RandomStreams(seed).Stream("explore/design");
        double[][] points = method == ExploreMethod.Lhs ? LatinHypercube.Sample(samples, k, stream) : SaltelliDesign.Rows(samples, k, stream);
        return new ExploreDesign(method, parameters, samples, points);
    }

    /// <summary>The override texts (NAME=VALUE) of sample i, as --set takes them.</summary>
    public IReadOnlyList<(string Name, string Value)> Values(int sample) =>
        [.. Parameters.Select((p, j) => (p.Name, p.Range.ValueAt(Points[sample][j])))];

    /// <summary>The numeric inputs of sample i (a choice's index for a choice): what the estimators regress on.</summary>
    public double[] Numeric(int sample) => [.. Parameters.Select((p, j) => p.Range.NumericAt(Points[sample][j]))];

    /// <summary>The samples whose rows are independent draws of the input space: all of a hypercube; A and B of Saltelli's design.</summary>
    public IReadOnlyList<int> IndependentSamples() =>
        [.. Enumerable.Range(0, Count).Where(i => Roles[i] is "lhs" or "A" or "B")];
}
