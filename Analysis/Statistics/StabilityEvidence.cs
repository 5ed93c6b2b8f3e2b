namespace HacaSim.Analysis.Statistics;

/// <summary>
/// What the verdict on one backlog rests on. Growth is the backlog's trend in jobs/s with its 95%
/// half-width (Student-t across replications; the trend fit's own with one replication).
/// <see cref="Rho"/> is the analytic offered load; <see cref="Utilization"/> the measured busy share
/// divided by availability (null for the chain, which has no slots). The rest feed the heavy-traffic
/// relaxation time: service completions per second at full load, and the squared coefficients of
/// variation of arrivals and service.
/// </summary>
public sealed record StabilityEvidence(
    double GrowthPerSecond,
    double GrowthCi95,
    bool Overflowed,
    double Rho,
    double? Utilization,
    double JobCapacityPerSecond,
    double ArrivalScv,
    double ServiceScv,
    double WarmupSeconds,
    double DurationSeconds);

/// <summary>
/// A verdict with its reason (empty when plainly stable), the pool's heavy-traffic relaxation time and
/// the run length that would settle a critical verdict (null where none can: rho = 1, or no data).
/// </summary>
public sealed record ThreeStateVerdict(StabilityState State, string Reason, double? RelaxationSeconds, double? SettleRunSeconds);
