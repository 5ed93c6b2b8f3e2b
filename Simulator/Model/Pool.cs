using HacaSim.Analysis.Statistics;
using HacaSim.Engine;
using HacaSim.Policies;

namespace HacaSim.Model;

/// <summary>
/// A pool of nodes playing one or more roles, with the dispatcher that picks a node for each job and
/// the pool-wide statistics (wait and service of every job started on any of its nodes).
/// </summary>
public sealed class Pool
{
    private readonly IDispatcher _dispatcher;
    private readonly List<INodeView> _candidates = [];
    private readonly List<Node> _nodes = [];
    private readonly HashSet<Node> _taken = [];
    private readonly Queue<Request> _holding = new();
    private readonly Simulation _sim;

    public Pool(string name, IDispatcher dispatcher, Simulation sim)
    {
        Name = name;
        _dispatcher = dispatcher;
        _sim = sim;
        sim.StatisticsReset += now =>
        {
            Wait.Reset();
            Service.Reset();
            Availability.Reset(now);
            WaitBatches = new BatchMeans();
        };
    }

    /// <summary>Fraction of the pool's nodes up, time-weighted.</summary>
    public TimeWeightedAverage Availability { get; } = new(0, 1);

    /// <summary>Jobs waiting for any node of the pool to come back up.</summary>
    public int Holding => _holding.Count;

    /// <summary>Keeps a job that found no eligible node up until one comes back.</summary>
    public void Hold(Request request) => _holding.Enqueue(request);

    /// <summary>Takes back every held job (when a node has come up), in arrival order.</summary>
    public List<Request> ReleaseHeld()
    {
        var held = new List<Request>(_holding);
        _holding.Clear();
        return held;
    }

    /// <summary>Records a node going down or coming up, for availability.</summary>
    public void NodeStateChanged() => Availability.Update(_sim.Now, (double)_nodes.Count(n => n.IsUp) / _nodes.Count);

    public string Name { get; }
    public IReadOnlyList<Node> Nodes => _nodes;
    public SampleStatistic Wait { get; } = new();
    public SampleStatistic Service { get; } = new();

    /// <summary>Waits in service-start order, for a batch-means interval when there is one replication.</summary>
    public BatchMeans WaitBatches { get; private set; } = new();
    public int TotalSlots => _nodes.Sum(n => n.Slots);
    public int TeeCapableNodes => _nodes.Count(n => n.TeeCapable);

    public void Add(Node node) => _nodes.Add(node);

    /// <summary>Jobs waiting on all nodes and in the holding queue.</summary>
    public int Waiting
    {
        get
        {
            int sum = _holding.Count;
            foreach (Node n in _nodes) sum += n.Waiting;
            return sum;
        }
    }

    /// <summary>Slots busy on all nodes.</summary>
    public int Busy
    {
        get
        {
            int sum = 0;
            foreach (Node n in _nodes) sum += n.Busy;
            return sum;
        }
    }

    internal void RecordStart(double waitSeconds, double serviceSeconds)
    {
        Wait.Record(waitSeconds);
        WaitBatches.Push(waitSeconds);
        Service.Record(serviceSeconds);
    }

    // A batching node records the wait at the start and the service at the end (it depends on the batch).
    internal void RecordWait(double waitSeconds) => Wait.Record(waitSeconds);

    internal void RecordService(double serviceSeconds) => Service.Record(serviceSeconds);

    /// <summary>Picks an eligible node (TEE-capable only when <paramref name="teeOnly"/>); null when none is.</summary>
    public Node? Choose(bool teeOnly)
    {
        _candidates.Clear();
        foreach (Node n in _nodes)
        {
            if (n.IsUp && (!teeOnly || n.TeeCapable)) _candidates.Add(n);
        }
        return _candidates.Count == 0 ? null : (Node)_candidates[_dispatcher.Choose(_candidates)];
    }

    /// <summary>Picks <paramref name="count"/> distinct nodes that are up (all that are up when fewer), in dispatch order.</summary>
    public void ChooseDistinct(int count, List<Node> chosen)
    {
        chosen.Clear();
        int up = 0;
        foreach (Node n in _nodes) if (n.IsUp) up++;
        if (count >= up)
        {
            // k = all (or more than are up): every node that is up checks it; none up leaves the list empty.
            foreach (Node n in _nodes) if (n.IsUp) chosen.Add(n);
            return;
        }
        _taken.Clear();
        for (int i = 0; i < count; i++)
        {
            _candidates.Clear();
            foreach (Node n in _nodes) if (n.IsUp && !_taken.Contains(n)) _candidates.Add(n);
            var node = (Node)_candidates[_dispatcher.Choose(_candidates)];
            _taken.Add(node);
            chosen.Add(node);
        }
    }
}
