namespace HacaSim.Randomness;

/// <summary>
/// The random source of a component that is described, never sampled: a bound distribution asked for its mean or
/// minimum, an arrival process for its rate, a policy for its type. Every draw throws, so a description can never
/// silently depend on random numbers (as the throw-away <c>new Random(0)</c> builds it replaces could). A replication
/// attaches its own named stream (<see cref="RandomStreams"/>) to build the component it samples.
/// </summary>
public sealed class NoRandomness : Random
{
    public static NoRandomness Instance { get; } = new();

    private NoRandomness() : base(0)
    {
    }

    private static InvalidOperationException Drawn() =>
        new("a component bound for its description drew a random number; build it with a replication's stream to sample it");

    public override int Next() => throw Drawn();
    public override int Next(int maxValue) => throw Drawn();
    public override int Next(int minValue, int maxValue) => throw Drawn();
    public override long NextInt64() => throw Drawn();
    public override long NextInt64(long maxValue) => throw Drawn();
    public override long NextInt64(long minValue, long maxValue) => throw Drawn();
    public override double NextDouble() => throw Drawn();
    public override float NextSingle() => throw Drawn();
    public override void NextBytes(byte[] buffer) => throw Drawn();
    public override void NextBytes(Span<byte> buffer) => throw Drawn();
    protected override double Sample() => throw Drawn();
}
