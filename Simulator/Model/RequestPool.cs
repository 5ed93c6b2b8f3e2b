using System.Runtime.CompilerServices;

namespace HacaSim.Model;

/// <summary>
/// Settled requests of one replication, kept for the next arrivals instead of a new object each (issue 19: a request
/// was ~280 of the ~620 bytes a baseline.yaml request allocated, and the gen-0 collections that allocation drives stop
/// every replication thread of a <c>--threads</c> run at once). <see cref="Request.Start"/> sets every property of a
/// reused request as the constructor does.
/// </summary>
/// <remarks>
/// Only settled requests come back (<see cref="RequestLifecycle"/> returns them once they are final and written to the
/// sink, unless the sink keeps them: <see cref="IRequestSink.KeepsRequests"/>): by then every copy of one has left its
/// stations, its timeout is cancelled and no event holds it, so nothing reads it again before it is a new arrival. A
/// failed request may still have copies queued on verifiers (they are ignored when they finish), so it is left to the
/// garbage collector. Reuse changes no draw and no order: a request's identity is its id, never its reference.
/// </remarks>
internal sealed class RequestPool
{
    // A plain array stack rather than Stack<Request>: that is shared generic code, where each push stores through a
    // covariance check (the element type is only known at run time) and each pop is a call; Request is sealed, so here
    // the store is a plain one and both inline into the lifecycle (an arrival and a settlement per request).
    private Request[] _settled = new Request[16];
    private int _count;

    /// <summary>A request that has just arrived: a settled one made new, or a new object while none is free.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Request Rent(long id, RequestClass requestClass, double arrivalSeconds)
    {
        if (_count == 0) return new Request(id, requestClass, arrivalSeconds);
        Request request = _settled[--_count];
        _settled[_count] = null!; // nothing here keeps a request in flight alive
        request.Start(id, requestClass, arrivalSeconds);
        return request;
    }

    /// <summary>A request that has settled and that nothing holds any more.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Return(Request request)
    {
        if (request.Outcome != RequestOutcome.Settled) ThrowNotSettled(request);
        if (_count == _settled.Length) Array.Resize(ref _settled, _count * 2);
        _settled[_count++] = request;
    }

    private static void ThrowNotSettled(Request request) =>
        throw new InvalidOperationException($"request {request.Id} returned for reuse while {request.Outcome}: only settled requests are reused");
}
