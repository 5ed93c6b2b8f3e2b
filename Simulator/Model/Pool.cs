using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HacaSim.Analysis.Statistics;
using HacaSim.Engine;
using HacaSim.Scenarios;

namespace HacaSim.Model;

/// <summary>
/// A pool of nodes playing one or more roles, with the dispatcher that picks a node for each job and
/// the pool-wide statistics (wait and service of every job started on any of its nodes).
/// </summary>
public sealed class Pool
{
    private readonly IDispatcher _dispatcher;
    private readonly List<Node> _candidates = [];
    private readonly ListWithout<Node> _remaining = new();
    private readonly List<Node> _nodes = [];
    private readonly Queue<Request> _holding = new();
    private readonly Simulation _sim;
    private readonly IQueueDiscipline<Request>? _central;
    private readonly List<(Request Job, double Since)> _passedOver = [];
    private double _handOffWait;

    // The nodes a job may go to (up; up and TEE-capable), in index order, rebuilt only when a node goes
    // down or comes up: a dispatcher gets them as they are, not a list built per job.
    private readonly List<Node> _up = [];
    private readonly List<Node> _upTee = [];
    private bool _eligibleStale = true;

    // Join the shortest queue over many nodes: each node's jobs per slot in a tournament tree (infinite
    // while down), kept current as jobs arrive and leave, so a pick is O(1) and a change O(log n).
    private readonly bool _jsq;
    private LeastKeyTree? _jsqAll, _jsqTee;

    // A pool of at most JsqScanLimit nodes keeps the same keys in a plain array instead and scans its eligible nodes
    // per pick (the tree's answer: the lowest index among the least keys). A change is then one store, where the trees
    // walked up to five levels, twice on a pool with some TEE nodes, several times per job (baseline.yaml's 24 GPUs).
    internal const int JsqScanLimit = 64;
    private double[]? _jsqKeys;

    // Every node a plain station (independent slots, no sharing or batching): room for a job is then a free slot.
    private bool _plainStations = true;

    // Least work left over many nodes: an index that computes exact keys only for nodes that could win.
    private readonly bool _lwl;
    private LeastWorkIndex? _lwlAll, _lwlTee;

    // Jobs waiting and in service over all nodes, kept as they change so reading them is O(1).
    private int _waitingOnNodes, _busyOnNodes;
    private int _totalSlots, _teeCapableNodes;

    // Nodes down, kept as nodes go down and come up (UpChanged is called on those transitions only), so
    // availability is updated in O(1) per fault, not by counting every node of the pool.
    private int _downNodes;

    /// <param name="central">The pool's one queue (pools.P.queue: central), or null for per-node queues.</param>
    public Pool(string name, IDispatcher dispatcher, Simulation sim, IQueueDiscipline<Request>? central = null)
    {
        Name = name;
        _dispatcher = dispatcher;
        _jsq = dispatcher.PicksFewestJobsPerSlot;
        _lwl = dispatcher.PicksLeastWorkLeft;
        _sim = sim;
        _central = central;
        CentralWaiting = new TimeWeightedAverage(sim.Now);
        sim.StatisticsReset += now =>
        {
            Wait.Reset();
            Service.Reset();
            Availability.Reset(now);
            CentralWaiting.Reset(now);
            WaitBatches = new BatchMeans();
        };
    }

    /// <summary>True when the pool keeps one queue and a freed slot on any node takes its next job.</summary>
    public bool IsCentral => _central is not null;

    /// <summary>Jobs in the pool's central queue, time-weighted (0 with per-node queues).</summary>
    public TimeWeightedAverage CentralWaiting { get; }

    private int CentralCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (_central?.Count ?? 0) + _passedOver.Count;
    }

    /// <summary>Puts a job in the central queue: no eligible node had room for it.</summary>
    public void WaitCentrally(Request request)
    {
        _central!.Enqueue(request, _sim.Now);
        CentralWaiting.Update(_sim.Now, CentralCount);
    }

    /// <summary>
    /// A slot freed on <paramref name="node"/>: with a central queue it takes the next jobs it can serve, in the
    /// discipline's order. A job the node may not serve (a TEE request on a node without TEE) is passed over and
    /// keeps its place ahead of later jobs; a job it may serve but has no room for ends the scan (no overtaking).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the check, on every job's departure; the work apart
    internal void OnSlotFreed(Node node)
    {
        if (_central is not null && node.IsUp) TakeFromCentralQueue(node);
    }

    private void TakeFromCentralQueue(Node node)
    {
        int before = CentralCount;
        for (int i = 0; i < _passedOver.Count;)
        {
            (Request job, double since) = _passedOver[i];
            if (!Eligible(node, job)) { i++; continue; }
            if (!node.HasRoomFor(job)) { Updated(before); return; }
            _passedOver.RemoveAt(i);
            HandOff(node, job, since);
        }
        while (_central!.Count > 0)
        {
            Request job = _central.Dequeue(out double since);
            if (!Eligible(node, job)) { _passedOver.Add((job, since)); continue; }
            if (!node.HasRoomFor(job))
            {
                _passedOver.Add((job, since));
                break;
            }
            HandOff(node, job, since);
        }
        Updated(before);

        void Updated(int was)
        {
            if (CentralCount != was) CentralWaiting.Update(_sim.Now, CentralCount);
        }
    }

    /// <summary>TEE inference runs only on TEE-capable nodes; every other job on any node of the pool.</summary>
    private static bool Eligible(Node node, Request job) =>
        node.TeeCapable || !(job.Stage == RequestStage.Inference && job.Path == VerificationPath.Tee);

    private void HandOff(Node node, Request job, double since)
    {
        // The node starts it at once; its wait in the pool's queue is added to the node's (zero) wait.
        _handOffWait = _sim.Now - since;
        bool started = node.Arrive(job);
        _handOffWait = 0;
        if (!started) throw new InvalidOperationException($"{Name}: node {node.Index} had room but refused a job from the central queue");
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
    public void NodeStateChanged() => Availability.Update(_sim.Now, (double)(_nodes.Count - _downNodes) / _nodes.Count);

    public string Name { get; }
    public IReadOnlyList<Node> Nodes => _nodes;
    public SampleStatistic Wait { get; } = new();
    public SampleStatistic Service { get; } = new();

    /// <summary>Waits in service-start order, for a batch-means interval when there is one replication.</summary>
    public BatchMeans WaitBatches { get; private set; } = new();
    public int TotalSlots => _totalSlots;
    public int TeeCapableNodes => _teeCapableNodes;

    public void Add(Node node)
    {
        // The JSQ tree and the dispatchers' tie-breaking use the index as the node's position.
        if (node.Index != _nodes.Count) throw new ArgumentException($"node {node.Index} added at position {_nodes.Count} of pool {Name}", nameof(node));
        _nodes.Add(node);
        _plainStations &= node.Station is Station<Request>;
        _totalSlots += node.Slots;
        if (node.TeeCapable) _teeCapableNodes++;
        _waitingOnNodes += node.Waiting;
        _busyOnNodes += node.Busy;
        node.CountedWaiting = node.Waiting;
        node.CountedBusy = node.Busy;
        _eligibleStale = true;
        _jsqAll = _jsqTee = null; // built again, for every node, at the next pick
        _jsqKeys = null;
        _lwlAll = _lwlTee = null;
    }

    /// <summary>Jobs waiting on all nodes and in the holding queue.</summary>
    public int Waiting
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _waitingOnNodes + _holding.Count + CentralCount;
    }

    /// <summary>Slots busy on all nodes.</summary>
    public int Busy => _busyOnNodes;

    /// <summary>
    /// A node's jobs (waiting or in service) changed: the pool's sums and the JSQ tree follow. Nodes call
    /// it after every change and before any callback that could dispatch, so a pick sees the live state.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void LoadChanged(Node node)
    {
        int waiting = node.Waiting, busy = node.Busy;
        _waitingOnNodes += waiting - node.CountedWaiting;
        _busyOnNodes += busy - node.CountedBusy;
        node.CountedWaiting = waiting;
        node.CountedBusy = busy;
        if (_lwlAll is not null)
        {
            _lwlAll.MarkDirty(node.Index);
            _lwlTee?.MarkDirty(node.Index);
        }
        if (_jsqAll is null && _jsqKeys is null) return;
        // From the counts just read: a node's Busy and Waiting are interface calls (sums over lanes on a GPU that
        // also proves), not worth making twice per change.
        double key = JsqKey(node, busy, waiting);
        if (_jsqKeys is not null)
        {
            _jsqKeys[node.Index] = key;
            return;
        }
        _jsqAll!.Set(node.Index, key);
        _jsqTee?.Set(node.Index, node.TeeCapable ? key : double.PositiveInfinity);
    }

    /// <summary>A node went down or came up: who is eligible changes.</summary>
    internal void UpChanged(Node node)
    {
        _downNodes += node.IsUp ? -1 : 1;
        _eligibleStale = true;
        LoadChanged(node);
    }

    // Exactly NodeLoad.JobsPerSlot, the key JoinShortestQueueDispatcher compares; infinite while down.
    private static double JsqKey(Node n) => JsqKey(n, n.Busy, n.Waiting);

    // Jobs per slot; a node that is down never wins.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double JsqKey(Node n, int busy, int waiting) => n.IsUp ? (double)(busy + waiting) / n.Slots : double.PositiveInfinity;

    // The checks inlined into every pick (a call per job each, for what is nearly always a no), the work apart.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void RefreshEligible()
    {
        if (_eligibleStale) RebuildEligible();
    }

    private void RebuildEligible()
    {
        _eligibleStale = false;
        _up.Clear();
        _upTee.Clear();
        foreach (Node n in _nodes)
        {
            if (!n.IsUp) continue;
            _up.Add(n);
            if (n.TeeCapable) _upTee.Add(n);
        }
    }

    /// <summary>
    /// Builds the JSQ tree or least-work index at the first pick that reads it, from the nodes' load then. Built
    /// only there: a pool whose jobs always go to every node (verification with k = all) never picks, and keeping
    /// a tree current on every job it never reads was three key changes per verification copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureIndex()
    {
        if ((_jsq && _jsqAll is null && _jsqKeys is null) || (_lwl && _lwlAll is null)) BuildIndex();
    }

    private void BuildIndex()
    {
        if (_jsq && _jsqAll is null && _jsqKeys is null)
        {
            if (_nodes.Count <= JsqScanLimit) _jsqKeys = new double[_nodes.Count];
            else
            {
                _jsqAll = new LeastKeyTree(_nodes.Count);
                // A separate tree for TEE-only picks only when some nodes are not TEE-capable.
                _jsqTee = _teeCapableNodes > 0 && _teeCapableNodes < _nodes.Count ? new LeastKeyTree(_nodes.Count) : null;
            }
            foreach (Node n in _nodes) LoadChanged(n);
        }
        if (_lwl && _lwlAll is null)
        {
            _lwlAll = new LeastWorkIndex(_nodes, _ => true);
            _lwlTee = _teeCapableNodes > 0 && _teeCapableNodes < _nodes.Count ? new LeastWorkIndex(_nodes, n => n.TeeCapable) : null;
        }
    }

    /// <summary>
    /// The node of <paramref name="eligible"/> (in index order, not empty) with the least JSQ key, the first on ties
    /// (the tree's and the scan's rule), leaving out those in <paramref name="taken"/> (a few distinct picks so far).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Node LeastByKey(List<Node> eligible, List<Node>? taken)
    {
        double[] keys = _jsqKeys!;
        if (taken is null)
        {
            // Every pick of a node for one job (Choose, ChooseWithRoom): a loop without the taken check, whose call (List.Contains)
            // made the Native AOT compiler keep the best key on the stack, loaded and stored on every node (3.1% of a baseline
            // run's samples in this scan of 24 nodes). The same rule: the first node, then each one with a strictly smaller key.
            int least = 0;
            double leastKey = keys[eligible[0].Index];
            for (int i = 1; i < eligible.Count; i++)
            {
                double key = keys[eligible[i].Index];
                if (key < leastKey)
                {
                    least = i;
                    leastKey = key;
                }
            }
            return eligible[least];
        }
        Node? best = null;
        double bestKey = double.PositiveInfinity;
        // An index loop: List<T>'s enumerator is shared generic code that the Native AOT compiler does not inline.
        for (int i = 0; i < eligible.Count; i++)
        {
            Node n = eligible[i];
            double key = keys[n.Index];
            if ((best is null || key < bestKey) && (taken is null || !taken.Contains(n)))
            {
                best = n;
                bestKey = key;
            }
        }
        return best!;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void RecordStart(double waitSeconds, double serviceSeconds)
    {
        waitSeconds += _handOffWait;
        Wait.Record(waitSeconds);
        WaitBatches.Push(waitSeconds);
        Service.Record(serviceSeconds);
    }

    // A batching node records the wait at the start and the service at the end (it depends on the batch).
    internal void RecordWait(double waitSeconds, bool batchMeans)
    {
        Wait.Record(waitSeconds + _handOffWait);
        if (batchMeans) WaitBatches.Push(waitSeconds + _handOffWait);
    }

    internal void RecordService(double serviceSeconds) => Service.Record(serviceSeconds);

    /// <summary>Picks an eligible node (TEE-capable only when <paramref name="teeOnly"/>); null when none is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Node? Choose(bool teeOnly)
    {
        RefreshEligible();
        List<Node> eligible = teeOnly ? _upTee : _up;
        if (eligible.Count == 0) return null;
        EnsureIndex();
        if (_jsqKeys is not null) return LeastByKey(eligible, null);
        if (_jsqAll is not null) return _nodes[(teeOnly && _jsqTee is not null ? _jsqTee : _jsqAll).Least];
        if (_lwlAll is not null) return _nodes[(teeOnly && _lwlTee is not null ? _lwlTee : _lwlAll).Least(_sim.Now)];
        return eligible[_dispatcher.Choose(eligible)];
    }

    /// <summary>Picks, among the eligible nodes up, one with room to start <paramref name="request"/> now; null when none has room.</summary>
    public Node? ChooseWithRoom(Request request, bool teeOnly)
    {
        RefreshEligible();
        EnsureIndex();
        if ((_jsqAll is not null || _jsqKeys is not null) && _plainStations)
        {
            // JSQ over plain stations: a node has room exactly when it is up with a free slot, which for a plain
            // station (it queues only when every slot is busy) is exactly a jobs-per-slot key below 1; nodes without
            // room have keys of 1 or more (infinite while down). So the tree's least node is the scan's pick among
            // the nodes with room when its key is below 1, and none has room otherwise: O(1), not a scan of the pool.
            List<Node> eligible = teeOnly ? _upTee : _up;
            if (eligible.Count == 0) return null;
            Node least = _jsqKeys is not null ? LeastByKey(eligible, null) : _nodes[(teeOnly && _jsqTee is not null ? _jsqTee : _jsqAll!).Least];
            return JsqKey(least) < 1 ? least : null;
        }
        _candidates.Clear();
        foreach (Node n in _nodes)
        {
            if (n.IsUp && (!teeOnly || n.TeeCapable) && n.HasRoomFor(request)) _candidates.Add(n);
        }
        return _candidates.Count == 0 ? null : _candidates[_dispatcher.Choose(_candidates)];
    }

    /// <summary>Picks <paramref name="count"/> distinct nodes that are up (all that are up when fewer), in dispatch order.</summary>
    public void ChooseDistinct(int count, List<Node> chosen)
    {
        RefreshEligible();
        if (count >= _up.Count)
        {
            // k = all (or more than are up): every node that is up checks it; none up leaves the list empty. The list is
            // overwritten in place: Clear then Add cleared its array (Array.Clear) for every request.
            CollectionsMarshal.SetCount(chosen, _up.Count);
            CollectionsMarshal.AsSpan(_up).CopyTo(CollectionsMarshal.AsSpan(chosen));
            return;
        }
        chosen.Clear();
        EnsureIndex();
        if (_jsqKeys is not null)
        {
            // The tree's picks: the least key among the nodes up not yet chosen, again and again.
            for (int i = 0; i < count; i++) chosen.Add(LeastByKey(_up, chosen));
            return;
        }
        if (_jsqAll is { } tree)
        {
            // Take the least loaded, hide it, and again; then put the keys back. Same picks as a scan of the rest.
            for (int i = 0; i < count; i++)
            {
                Node node = _nodes[tree.Least];
                chosen.Add(node);
                tree.Set(node.Index, double.PositiveInfinity);
            }
            foreach (Node node in chosen) tree.Set(node.Index, JsqKey(node));
            return;
        }
        if (_lwlAll is { } index)
        {
            // The same, hiding each pick from the index until all are taken.
            for (int i = 0; i < count; i++)
            {
                Node node = _nodes[index.Least(_sim.Now)];
                chosen.Add(node);
                index.Hide(node.Index);
            }
            index.ShowAll();
            return;
        }
        if ((long)count * count <= 4L * _up.Count)
        {
            // Few picks from many nodes: the dispatcher sees the up-list minus the picks so far, without a copy of it
            // (the same list, in the same order, as the copy below leaves).
            _remaining.Reset(_up);
            for (int i = 0; i < count; i++)
            {
                int pick = _dispatcher.Choose(_remaining);
                chosen.Add(_remaining[pick]);
                _remaining.RemoveAt(pick);
            }
            return;
        }
        _candidates.Clear();
        _candidates.AddRange(_up);
        for (int i = 0; i < count; i++)
        {
            int pick = _dispatcher.Choose(_candidates);
            chosen.Add(_candidates[pick]);
            _candidates.RemoveAt(pick); // the rest stay in index order, as the dispatcher saw them before
        }
    }
}
