namespace HacaSim.Randomness;

/// <summary>
/// The source of every random number in a run. Each consumer asks for a stream by a descriptive name
/// ("arrivals/chat", "service/inference"); its seed is the run seed combined with a stable hash of the
/// name, so adding a pool or a policy never shifts anyone else's draws (common random numbers).
/// </summary>
public sealed class RandomStreams
{
    public RandomStreams(ulong seed) => Seed = seed;

    /// <summary>The seed all streams of this run derive from.</summary>
    public ulong Seed { get; }

    /// <summary>A fresh generator for the named stream; the same name always gives the same sequence.</summary>
    public Xoshiro256StarStar Stream(string name) => new(StableHash.Combine(Seed, name));

    /// <summary>The streams of a derived run (a replication, a work unit), keyed by a stable key.</summary>
    public RandomStreams Derive(string key) => new(StableHash.Combine(Seed, key));

    /// <summary>The streams of replication <paramref name="index"/>.</summary>
    public RandomStreams ForReplication(int index) => Derive("replication/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
