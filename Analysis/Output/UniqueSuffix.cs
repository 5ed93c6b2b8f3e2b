namespace HacaSim.Analysis.Output;

/// <summary>
/// The random part of a temporary name (a file's <c>.tmp-</c> name, a results directory's staging name): 12 lowercase hex
/// digits, so two writers of the same path, in one process or in several, never pick the same name.
/// </summary>
/// <remarks>
/// From <see cref="Random.Shared"/> (seeded from the operating system in each process), not RandomNumberGenerator: nobody
/// needs these names to be unpredictable, and the first RandomNumberGenerator call loads OpenSSL (libssl, libcrypto,
/// openssl.cnf), 20-60 ms on the critical path of every command before its results directory exists (issue 19).
/// </remarks>
public static class UniqueSuffix
{
    public const int Length = 12;

    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[Length / 2];
        Random.Shared.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes);
    }
}
