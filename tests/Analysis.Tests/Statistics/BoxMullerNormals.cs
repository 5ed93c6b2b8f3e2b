namespace HacaSim.Tests.Statistics;

/// <summary>
/// Standard normals from a seeded System.Random by the Box-Muller transform: test data that is
/// the same on every run and machine without depending on the Simulator's random streams.
/// </summary>
internal sealed class BoxMullerNormals(int seed)
{
    private readonly Random _random = new(seed);
    private double? _spare;

    public double Next()
    {
        if (_spare is double spare)
        {
            _spare = null;
            return spare;
        }
        double u1 = 1 - _random.NextDouble(); // (0, 1]: keeps Log finite
        double u2 = _random.NextDouble();
        double radius = Math.Sqrt(-2 * Math.Log(u1));
        _spare = radius * Math.Sin(2 * Math.PI * u2);
        return radius * Math.Cos(2 * Math.PI * u2);
    }
}
