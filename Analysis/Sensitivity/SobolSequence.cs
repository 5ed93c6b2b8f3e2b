using System.Numerics;

namespace HacaSim.Analysis.Sensitivity;

/// <summary>
/// The Sobol low-discrepancy sequence in up to <see cref="JoeKuoDirections.MaxDimensions"/> dimensions (Joe and
/// Kuo's direction numbers, 32-bit, Gray-code order as in Antonov and Saleev, 1979), optionally scrambled by a
/// random linear matrix scramble plus a digital shift (Matoušek, 1998; what SciPy's <c>qmc.Sobol(scramble=True)</c>
/// does): each dimension's digits go through a random lower-triangular binary matrix with unit diagonal, then are
/// XORed with a random word. The scramble keeps the net's stratification and makes every point uniform on
/// [0, 1)^d, so replicated estimates are unbiased; the matrices and shifts come from the given seeded stream.
/// </summary>
public sealed class SobolSequence
{
    private const int Bits = 32;
    private readonly uint[][] _directions; // [dimension][bit]: V_1..V_32 scaled by 2^32 (after the scramble)
    private readonly uint[] _shift;

    /// <param name="scramble">The stream for the scramble; null for the plain sequence (its first point is 0).</param>
    public SobolSequence(int dimensions, Random? scramble)
    {
        if (dimensions < 1 || dimensions > JoeKuoDirections.MaxDimensions)
            throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, $"the bundled direction numbers cover 1 to {JoeKuoDirections.MaxDimensions} dimensions");
        Dimensions = dimensions;
        _directions = new uint[dimensions][];
        _shift = new uint[dimensions];
        for (int d = 0; d < dimensions; d++)
        {
            uint[] v = Directions(d);
            if (scramble is not null)
            {
                uint[] rows = LowerTriangular(scramble);
                for (int b = 0; b < Bits; b++) v[b] = Multiply(rows, v[b]);
                _shift[d] = (uint)scramble.NextInt64(0, 1L << 32);
            }
            _directions[d] = v;
        }
    }

    public int Dimensions { get; }

    /// <summary>The first <paramref name="count"/> points (at most 2^32); points[i][d].</summary>
    public double[][] Points(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var points = new double[count][];
        var x = new uint[Dimensions];
        for (int i = 0; i < count; i++)
        {
            if (i > 0)
            {
                // Gray code: point i differs from point i-1 by the direction of the lowest zero bit of i-1.
                int c = BitOperations.TrailingZeroCount(~(uint)(i - 1));
                for (int d = 0; d < Dimensions; d++) x[d] ^= _directions[d][c];
            }
            var p = new double[Dimensions];
            for (int d = 0; d < Dimensions; d++) p[d] = (x[d] ^ _shift[d]) / 4294967296.0;
            points[i] = p;
        }
        return points;
    }

    /// <summary>Direction numbers V_1..V_32 of dimension d (0-based), by Joe and Kuo's recurrence.</summary>
    private static uint[] Directions(int d)
    {
        var v = new uint[Bits];
        if (d == 0)
        {
            for (int b = 0; b < Bits; b++) v[b] = 1u << (Bits - 1 - b);
            return v;
        }
        int[] row = JoeKuoDirections.Rows[d - 1];
        int a = row[0], s = row.Length - 1;
        for (int b = 0; b < Math.Min(s, Bits); b++) v[b] = (uint)row[b + 1] << (Bits - 1 - b);
        for (int b = s; b < Bits; b++)
        {
            v[b] = v[b - s] ^ (v[b - s] >> s);
            for (int k = 1; k < s; k++)
                if (((a >> (s - 1 - k)) & 1) != 0) v[b] ^= v[b - k];
        }
        return v;
    }

    /// <summary>
    /// A random lower-triangular binary matrix with unit diagonal, one row per output digit (row i, counting
    /// from the most significant digit, reads input digits 0..i).
    /// </summary>
    private static uint[] LowerTriangular(Random random)
    {
        var rows = new uint[Bits];
        for (int i = 0; i < Bits; i++)
        {
            uint diagonal = 1u << (Bits - 1 - i);
            // Digits above the diagonal (more significant than digit i) at random, the diagonal set, the rest zero.
            uint above = i == 0 ? 0u : (uint)random.NextInt64(0, 1L << 32) & ~((diagonal << 1) - 1);
            rows[i] = above | diagonal;
        }
        return rows;
    }

    /// <summary>The matrix times the digit vector v over GF(2): output digit i is the parity of row i AND v.</summary>
    private static uint Multiply(uint[] rows, uint v)
    {
        uint result = 0;
        for (int i = 0; i < Bits; i++)
            if ((BitOperations.PopCount(rows[i] & v) & 1) != 0) result |= 1u << (Bits - 1 - i);
        return result;
    }
}
