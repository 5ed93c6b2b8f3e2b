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

    public Pool(string name, IDispatcher dispatcher, Simulation sim)
    {
        Name = name;
        _dispatcher = dispatcher;
        sim.StatisticsReset += _ =>
        {
            Wait.Reset();
            Service.Reset();
            WaitBatches = new BatchMeans();
        };
    }

    public string Name { get; }
    public IReadOnlyList<Node> Nodes => _nodes;
    public SampleStatistic Wait { get; } = new();
    public SampleStatistic Service { get; } = new();

    /// <summary>Waits in service-start order, for a batch-means interval when there is one replication.</summary>
    public BatchMeans WaitBatches { get; private set; } = new();
    public int TotalSlots => _nodes.Sum(n => n.Slots);
    public int TeeCapableNodes => _nodes.Count(n => n.TeeCapable);

    public void Add(Node node) => _nodes.Add(node);

    /// <summary>Jobs waiting on all nodes.</summary>
    public int Waiting
    {
        get
        {
            int sum = 0;
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

    /// <summary>Picks an eligible node (TEE-capable only when <paramref name="teeOnly"/>); null when none is.</summary>
    public Node? Choose(bool teeOnly)
    {
        _candidates.Clear();
        foreach (Node n in _nodes)
        {
            if (!teeOnly || n.TeeCapable) _candidates.Add(n);
        }
        return _candidates.Count == 0 ? null : (Node)_candidates[_dispatcher.Choose(_candidates)];
    }

    /// <summary>Picks <paramref name="count"/> distinct nodes (all of them when count >= nodes), in dispatch order.</summary>
    public void ChooseDistinct(int count, List<Node> chosen)
    {
        chosen.Clear();
        if (count >= _nodes.Count)
        {
            chosen.AddRange(_nodes);
            return;
        }
        _taken.Clear();
        var taken = _taken;
        for (int i = 0; i < count; i++)
        {
            _candidates.Clear();
            foreach (Node n in _nodes) if (!taken.Contains(n)) _candidates.Add(n);
            var node = (Node)_candidates[_dispatcher.Choose(_candidates)];
            taken.Add(node);
            chosen.Add(node);
        }
    }
}
