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
}
