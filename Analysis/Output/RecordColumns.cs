using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace HacaSim.Analysis.Output;

/// <summary>
/// The properties a CSV or Parquet file writes for a row type: a positional record's parameters, in the order its primary
/// constructor declares them (the records in <c>Records/</c> are all positional).
/// </summary>
/// <remarks>
/// Declaration order came from metadata tokens before; the Native AOT binary (README "Performance") has no metadata tokens,
/// and reflection does not promise the order of GetProperties. A constructor's parameter order is kept by both.
/// </remarks>
internal static class RecordColumns
{
    public static PropertyInfo[] Of<[DynamicallyAccessedMembers(Members)] T>()
    {
        ParameterInfo[] parameters = typeof(T).GetConstructors()
            .Select(c => c.GetParameters())
            .MaxBy(p => p.Length) ?? [];
        PropertyInfo[] properties = [.. parameters.Select(p => typeof(T).GetProperty(p.Name!, BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p is { CanRead: true } && p.GetMethod!.IsPublic && p.GetIndexParameters().Length == 0)
            .Select(p => p!)];
        if (properties.Length == 0 || properties.Length != parameters.Length)
            throw new ArgumentException($"{typeof(T).Name} is not a positional record with a public property per parameter; " +
                "only such records are written as CSV or Parquet rows.");
        return properties;
    }

    /// <summary>What <see cref="Of{T}"/> reads of a row type; callers' type parameters carry it so trimming keeps it.</summary>
    public const DynamicallyAccessedMemberTypes Members =
        DynamicallyAccessedMemberTypes.PublicProperties | DynamicallyAccessedMemberTypes.PublicConstructors;
}
