using System.Text;

namespace HacaSim.Randomness;

/// <summary>
/// Process-independent hashing for stream names. <c>string.GetHashCode</c> is randomised per
/// process, so it would make seeds differ between runs; FNV-1a over UTF-8 does not.
/// </summary>
public static class StableHash
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>64-bit FNV-1a of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static ulong Fnv1a64(string text)
    {
        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= FnvPrime;
        }
        return hash;
    }

    /// <summary>SplitMix64 finaliser: spreads nearby inputs (seed 1, seed 2) over the whole 64-bit space.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>Combines a seed with a key into a new seed (order matters).</summary>
    public static ulong Combine(ulong seed, ulong key) => Mix(Mix(seed) ^ key);

    /// <summary>Combines a seed with a textual key (a stream name, a unit key).</summary>
    public static ulong Combine(ulong seed, string key) => Combine(seed, Fnv1a64(key));
}
