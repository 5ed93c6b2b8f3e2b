using HacaSim.Analysis.Sensitivity;

namespace HacaSim.Tests.Sensitivity;

/// <summary>
/// Saltelli's design and the Saltelli 2010 / Jansen estimators on functions whose indices are known exactly:
/// each known index must lie in its bootstrap interval, and the interval must be narrow enough to mean something.
/// </summary>
public class SobolIndicesTests
{
    // 99% intervals over 7 + 12 indices: at 95% one of 19 would miss about every other seed by chance alone.
    private const double Level = 0.99;

    /// <summary>Ishigami and Homma (1990), a = 7, b = 0.1, inputs uniform on [-pi, pi].</summary>
    private static double Ishigami(double[] u)
    {
        double x1 = -Math.PI + 2 * Math.PI * u[0], x2 = -Math.PI + 2 * Math.PI * u[1], x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.Sin(x1) + 7 * Math.Sin(x2) * Math.Sin(x2) + 0.1 * Math.Pow(x3, 4) * Math.Sin(x1);
    }

    [Test]
    public void Ishigami_indices_lie_in_their_bootstrap_intervals()
    {
        // Analytic values (Saltelli et al., Global Sensitivity Analysis: The Primer, 2008, §4.9; a = 7, b = 0.1).
        double[] s1 = [0.3139, 0.4424, 0.0], st = [0.5576, 0.4424, 0.2437];
        var rows = SaltelliDesign.Rows(4096, 3, new Random(2010));
        var indices = SobolIndices.Estimate(rows.Select(Ishigami).ToList(), 3, new Random(7), Level);
        foreach (var x in indices)
            TestContext.Out.WriteLine($"x{x.Input + 1}: S1 {x.First!.Value.Estimate:0.0000} [{x.First.Value.Lower:0.0000}, {x.First.Value.Upper:0.0000}]  ST {x.Total!.Value.Estimate:0.0000} [{x.Total.Value.Lower:0.0000}, {x.Total.Value.Upper:0.0000}]");
        Assert.Multiple(() =>
        {
            for (int i = 0; i < 3; i++)
            {
                Assert.That(indices[i].First!.Value.Contains(s1[i]), $"S{i + 1}: {s1[i]} not in [{indices[i].First!.Value.Lower}, {indices[i].First!.Value.Upper}]");
                Assert.That(indices[i].Total!.Value.Contains(st[i]), $"ST{i + 1}: {st[i]} not in [{indices[i].Total!.Value.Lower}, {indices[i].Total!.Value.Upper}]");
                // Narrow enough to tell S1 (0.31) from S2 (0.44) and ST3 (0.24) from S3 (0): otherwise containment proves little.
                Assert.That(indices[i].First!.Value.HalfWidth, Is.LessThan(0.06), $"S{i + 1} interval too wide to test anything");
                Assert.That(indices[i].Total!.Value.HalfWidth, Is.LessThan(0.06), $"ST{i + 1} interval too wide to test anything");
            }
        });
    }

    [Test]
    public void Sobol_g_function_indices_lie_in_their_bootstrap_intervals()
    {
        // g(x) = prod (|4x_i - 2| + a_i) / (1 + a_i) on [0,1]^k (Saltelli and Sobol', 1995): V_i = 1 / (3 (1 + a_i)^2),
        // V = prod (1 + V_i) - 1, S_i = V_i / V, S_Ti = V_i prod_{j != i} (1 + V_j) / V.
        double[] a = [0, 1, 4.5, 9, 99, 99];
        int k = a.Length;
        double[] vi = a.Select(x => 1 / (3 * (1 + x) * (1 + x))).ToArray();
        double v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        double G(double[] u) => Enumerable.Range(0, k).Aggregate(1.0, (p, i) => p * (Math.Abs(4 * u[i] - 2) + a[i]) / (1 + a[i]));
        var rows = SaltelliDesign.Rows(4096, k, new Random(1995));
        var indices = SobolIndices.Estimate(rows.Select(G).ToList(), k, new Random(11), Level);
        foreach (var x in indices)
            TestContext.Out.WriteLine($"x{x.Input + 1}: S1 {x.First!.Value.Estimate:0.0000} [{x.First.Value.Lower:0.0000}, {x.First.Value.Upper:0.0000}]  ST {x.Total!.Value.Estimate:0.0000} [{x.Total.Value.Lower:0.0000}, {x.Total.Value.Upper:0.0000}]");
        Assert.Multiple(() =>
        {
            for (int i = 0; i < k; i++)
            {
                double s = vi[i] / v;
                double total = vi[i] * vi.Where((_, j) => j != i).Aggregate(1.0, (p, x) => p * (1 + x)) / v;
                Assert.That(indices[i].First!.Value.Contains(s), $"S{i + 1}: {s} not in [{indices[i].First!.Value.Lower}, {indices[i].First!.Value.Upper}]");
                Assert.That(indices[i].Total!.Value.Contains(total), $"ST{i + 1}: {total} not in [{indices[i].Total!.Value.Lower}, {indices[i].Total!.Value.Upper}]");
                // Narrow enough to tell the inputs apart (S: 0.72, 0.18, 0.02, 0.006, ~0, ~0).
                Assert.That(indices[i].First!.Value.HalfWidth, Is.LessThan(0.1));
                Assert.That(indices[i].Total!.Value.HalfWidth, Is.LessThan(0.1));
            }
        });
    }

    [Test]
    public void Design_rows_are_A_then_A_with_each_column_from_B_then_B()
    {
        var rows = SaltelliDesign.Rows(8, 3, new Random(1));
        Assert.That(rows, Has.Length.EqualTo(8 * 5));
        for (int j = 0; j < 8; j++)
        {
            double[] a = rows[j * 5], b = rows[j * 5 + 4];
            for (int i = 0; i < 3; i++)
                for (int c = 0; c < 3; c++)
                    Assert.That(rows[j * 5 + 1 + i][c], Is.EqualTo(c == i ? b[c] : a[c]));
        }
    }

    [Test]
    public void Same_seed_same_indices()
    {
        var rows = SaltelliDesign.Rows(64, 3, new Random(3));
        var y = rows.Select(Ishigami).ToList();
        var first = SobolIndices.Estimate(y, 3, new Random(5), resamples: 50);
        var again = SobolIndices.Estimate(y, 3, new Random(5), resamples: 50);
        Assert.That(again.Select(x => x.First), Is.EqualTo(first.Select(x => x.First)));
    }
}
