namespace HacaSim.Model;

/// <summary>Decides a new request's verification path; it must not change the network itself.</summary>
public interface IPathPolicy
{
    PathDecision Choose(Request request, INetworkView network);
}
