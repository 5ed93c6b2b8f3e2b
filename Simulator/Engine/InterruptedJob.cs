namespace HacaSim.Engine;

/// <summary>A job a station gave back when it went down, and the service it had received (work lost).</summary>
public readonly record struct InterruptedJob<TJob>(TJob Job, bool WasInService, double ServedSeconds);
