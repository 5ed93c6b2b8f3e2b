namespace HacaSim.Model;

/// <summary>
/// Receives each request once, when it ends (settled or failed), and, when the run ends, each request
/// still in flight (so a request log holds every arrival).
/// </summary>
public interface IRequestSink
{
    void Write(Request request);

    /// <summary>A request still in flight when the run ended (its outcome is in flight).</summary>
    void WriteInFlight(Request request) => Write(request);

    /// <summary>
    /// True when the sink keeps the <see cref="Request"/> objects it is given (a test's list of them); false when it
    /// copies what it needs during <see cref="Write"/> (the request log), so a settled request may then be reused for a
    /// later arrival (<see cref="RequestPool"/>). True unless a sink says otherwise: keeping is the safe assumption.
    /// </summary>
    bool KeepsRequests => true;
}
