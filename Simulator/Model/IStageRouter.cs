namespace HacaSim.Model;

/// <summary>What nodes ask of the request lifecycle: how much work a stage is, and where the request goes next.</summary>
public interface IStageRouter
{
    /// <summary>Seconds on a speed-1 node for the request's current stage.</summary>
    double WorkSeconds(Request request);

    /// <summary>The expected value of <see cref="WorkSeconds"/>, without drawing (for a node's work left).</summary>
    double ExpectedWorkSeconds(Request request);

    void OnServiceStart(Request request);

    /// <summary>
    /// A stage's service ended on <paramref name="node"/>. <paramref name="endsEvent"/>: nothing runs after this call in the
    /// event that made it (a plain station's completion), so a zero-delay hand-off at its end may run at once
    /// (<see cref="HacaSim.Engine.Simulation.TryContinueNow"/>).
    /// </summary>
    void OnServiceEnd(Request request, Node node, bool endsEvent);
}
