namespace HacaSim.Model;

/// <summary>How much inference work a new request of a class needs (drawn once, at arrival).</summary>
public interface IInferenceCost
{
    /// <summary>Fills in token counts (unless the arrival brought them) and returns seconds on a speed-1 node.</summary>
    double Draw(Request request);

    /// <summary>Mean work in seconds, for capacity estimates and policies.</summary>
    double MeanSeconds { get; }
}
