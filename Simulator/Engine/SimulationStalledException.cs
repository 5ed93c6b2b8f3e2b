using System.Globalization;

namespace HacaSim.Engine;

/// <summary>
/// The clock stopped moving: more than <see cref="Simulation.MaxEventsPerInstant"/> events in a row at one instant.
/// Zero-length delays that feed each other (a retry without backoff, a repair that takes no time) would otherwise run
/// forever; scenario checks refuse the known causes, so this is the last guard and its message says so.
/// </summary>
public sealed class SimulationStalledException(double timeSeconds, long events) : Exception(Describe(timeSeconds, events))
{
    public double TimeSeconds { get; } = timeSeconds;

    private static string Describe(double timeSeconds, long events) =>
        string.Format(CultureInfo.InvariantCulture,
            "the run made no progress in simulated time: {0:N0} events in a row at t = {1:R} s (a livelock: zero-length delays " +
            "that trigger each other, e.g. retries with retry_backoff_s 0 or failures with mttr_s 0). Make those delays positive; if the " +
            "scenario has none, this is a bug in HACA-sim: please report it with the scenario.", events, timeSeconds);
}
