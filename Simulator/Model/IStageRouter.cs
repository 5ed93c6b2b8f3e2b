namespace HacaSim.Model;

/// <summary>What nodes ask of the request lifecycle: how much work a stage is, and where the request goes next.</summary>
public interface IStageRouter
{
    /// <summary>Seconds on a speed-1 node for the request's current stage.</summary>
    double WorkSeconds(Request request);

    /// <summary>The expected value of <see cref="WorkSeconds"/>, without drawing (for a node's work left).</summary>
    double ExpectedWorkSeconds(Request request);

    void OnServiceStart(Request request);

    void OnServiceEnd(Request request, Node node);
}
