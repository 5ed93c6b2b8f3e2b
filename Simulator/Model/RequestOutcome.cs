namespace HacaSim.Model;

/// <summary>Where a request's life stands: every request ends settled or failed; the rest are in flight.</summary>
public enum RequestOutcome
{
    InFlight,
    Settled,
    Failed,
}
