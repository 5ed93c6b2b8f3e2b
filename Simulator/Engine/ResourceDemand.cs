namespace HacaSim.Engine;

/// <summary>
/// The admission rules of a station whose jobs hold part of a shared resource (memory, say) while in
/// service; <see cref="SharedRateStation{TJob}"/> and <see cref="SharingStation{TJob}"/> both apply them.
/// </summary>
internal static class ResourceDemand
{
    /// <summary>A job's demand, refused when it is negative, NaN or infinite (a model bug, not bad input).</summary>
    public static double Checked(string stationName, double demand) =>
        demand >= 0 && !double.IsPositiveInfinity(demand) ? demand
            : throw new InvalidOperationException($"{stationName}: a job's resource demand must be finite and >= 0, found {demand}");

    /// <summary>
    /// Whether <paramref name="demand"/> fits beside <paramref name="inService"/>. A zero demand always fits; the
    /// relative slack absorbs rounding from repeated + and - of the demands in service.
    /// </summary>
    public static bool Fits(double inService, double demand, double capacity) =>
        demand == 0 || inService + demand <= capacity * (1 + 1e-12);
}
