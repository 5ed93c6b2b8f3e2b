namespace HacaSim.Model;

/// <summary>What a dispatcher may see of a node: read-only, so dispatchers decide and the model acts.</summary>
public interface INodeView
{
    /// <summary>Position of the node in its pool.</summary>
    int Index { get; }
    int Slots { get; }
    int Busy { get; }
    int Waiting { get; }
    double Speed { get; }

    /// <summary>Seconds of work the node holds: what remains of the jobs in service plus the expected work of the queued ones, at its speed.</summary>
    double WorkLeftSeconds { get; }
}
