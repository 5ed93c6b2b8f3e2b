namespace HacaSim.Scenarios;

/// <summary>What happens to a job on a node that goes down (<c>faults.on_interrupt</c>).</summary>
public enum InterruptRule
{
    /// <summary>"retry": again on another node of the same pool after the backoff, at most max_retries times per request.</summary>
    Retry,

    /// <summary>"fallback": switch to the path faults.fallback names (a downgrade) and start over from inference; paths without one retry.</summary>
    Fallback,

    /// <summary>"fail": the request fails.</summary>
    Fail,
}
