namespace HacaSim.Model;

/// <summary>Receives each request once, when it ends (or, for those still in flight, when the run ends).</summary>
public interface IRequestSink
{
    void Write(Request request);
}
