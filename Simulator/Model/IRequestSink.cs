namespace HacaSim.Model;

/// <summary>Receives each request once, when it ends (settled or failed); requests still in flight when the run ends are counted, not written.</summary>
public interface IRequestSink
{
    void Write(Request request);
}
