namespace HacaSim.Model;

/// <summary>
/// The node with the least work left per slot (<see cref="Policies.LeastWorkLeftDispatcher"/>'s rule: the
/// first node in index order with the strictly smallest <c>WorkLeftSeconds / Slots</c>) without scanning
/// every node per job, for pools of many nodes (issue 19).
/// <para>
/// Unlike a node's job count, its work left changes with time: the jobs in service drain at one second per
/// second each, so a key fixed at the last change would be wrong by the next pick. The index therefore
/// keeps, per node, a number from which a lower bound of its key follows at any later time, and computes
/// the exact key (the node's own expression, so the same floating-point result) only for the few nodes
/// whose bound could still win. A node with no job in service, or whose in-service end-time sum is not
/// positive (a batching or sharing node, which cannot know its jobs' ends), has a key that no longer
/// changes with time: kept exactly, in one tree. Every other node, with <c>b</c> jobs in service and
/// <c>s</c> slots, goes into the tree of its (b, s) group keyed by <c>v = E + Q</c> (in-service end times
/// plus queued work): its key at time t is <c>max(0, E - b t) + Q</c> over s, at least <c>(v - b t) / s</c>
/// less rounding, so within a group the order of v is the order of the bounds. A pick takes the static
/// tree's least, then searches each group's tree (a handful of groups: b runs from 1 to s) from the root,
/// skipping every subtree whose smallest bound is above the best exact key found so far.
/// </para>
/// <para>
/// Nodes whose jobs changed are only marked; the index brings them up to date from their live state at the
/// next pick, so a pick sees exactly what the scan would see.
/// </para>
/// </summary>
internal sealed class LeastWorkIndex
{
    // How far below (v - b t) / s a node's exact key may lie: the rounding of a few additions, multiplications
    // and one division (each a relative 1.1e-16, a few of them) is far below this; a wider margin only computes a few more
    // exact keys near a tie, never a different pick.
    private const double Margin = 1e-12;

    private readonly IReadOnlyList<Node> _nodes;
    private readonly bool[] _member;
    private readonly LeastKeyTree _static;
    private readonly List<LeastKeyTree> _groupTrees = [];
    private readonly List<(int Busy, int Slots)> _groupShapes = [];
    private readonly Dictionary<(int Busy, int Slots), int> _groupOf = [];
    // Per position: -2 in no tree, -1 the static tree, g >= 0 group g's tree.
    private readonly int[] _tree;
    private readonly bool[] _dirty;
    private readonly bool[] _hidden;
    private readonly List<int> _dirtyList = [];
    private readonly List<int> _hiddenList = [];
    private int _best;
    private double _bestKey;

    /// <param name="nodes">The pool's nodes; position = index.</param>
    /// <param name="member">Which nodes this index may pick (all, or the TEE-capable ones).</param>
    public LeastWorkIndex(IReadOnlyList<Node> nodes, Func<Node, bool> member)
    {
        _nodes = nodes;
        int n = nodes.Count;
        _member = new bool[n];
        _tree = new int[n];
        _dirty = new bool[n];
        _hidden = new bool[n];
        _static = new LeastKeyTree(n);
        Array.Fill(_tree, -2);
        for (int i = 0; i < n; i++)
        {
            _member[i] = member(nodes[i]);
            MarkDirty(i);
        }
    }

    /// <summary>The node at <paramref name="position"/> may have changed (jobs, work, up or down).</summary>
    public void MarkDirty(int position)
    {
        if (_dirty[position]) return;
        _dirty[position] = true;
        _dirtyList.Add(position);
    }

    /// <summary>Leaves the node out of picks until <see cref="ShowAll"/> (k distinct picks in a row).</summary>
    public void Hide(int position)
    {
        _hidden[position] = true;
        _hiddenList.Add(position);
        MarkDirty(position);
    }

    public void ShowAll()
    {
        foreach (int p in _hiddenList)
        {
            _hidden[p] = false;
            MarkDirty(p);
        }
        _hiddenList.Clear();
    }

    /// <summary>Position of the member node up with the least work left per slot at <paramref name="now"/> (ties to the lowest); -1 when none.</summary>
    public int Least(double now)
    {
        Flush();
        _best = -1;
        _bestKey = double.PositiveInfinity;
        int s = _static.Least;
        if (!double.IsPositiveInfinity(_static[s]))
        {
            _best = s;
            _bestKey = _static[s];
        }
        for (int g = 0; g < _groupTrees.Count; g++)
        {
            (int busy, int slots) = _groupShapes[g];
            Search(_groupTrees[g], 1, busy * now, slots);
        }
        return _best;
    }

    private void Search(LeastKeyTree tree, int node, double drained, int slots)
    {
        int position = tree.WinnerUnder(node);
        double v = tree[position];
        if (double.IsPositiveInfinity(v)) return;
        // Lower bound of every key under this tree node: v is the subtree's least, and the bound grows with v.
        double bound = (v - drained) / slots - Margin * (Math.Abs(v) + drained) / slots;
        if (bound > _bestKey) return;
        if (node >= tree.Leaves)
        {
            Node n = _nodes[position];
            double key = n.WorkLeftSeconds / n.Slots; // LeastWorkLeftDispatcher's expression, exactly
            if (key < _bestKey || (key == _bestKey && position < _best))
            {
                _best = position;
                _bestKey = key;
            }
            return;
        }
        Search(tree, 2 * node, drained, slots);
        Search(tree, 2 * node + 1, drained, slots);
    }

    private void Flush()
    {
        foreach (int p in _dirtyList)
        {
            _dirty[p] = false;
            Node node = _nodes[p];
            int tree = -2;
            double key = double.PositiveInfinity;
            if (_member[p] && !_hidden[p] && node.IsUp)
            {
                int busy = node.Busy;
                double ends = node.InServiceEndSum;
                if (busy == 0 || ends <= 0)
                {
                    // max(0, E - b t) is 0 (or E when b = 0) at every later t: the key is fixed.
                    tree = -1;
                    key = node.WorkLeftSeconds / node.Slots;
                }
                else
                {
                    tree = Group(busy, node.Slots);
                    key = ends + node.QueuedWorkSum;
                }
            }
            if (_tree[p] != tree && _tree[p] != -2) TreeOf(_tree[p]).Set(p, double.PositiveInfinity);
            _tree[p] = tree;
            if (tree != -2) TreeOf(tree).Set(p, key);
        }
        _dirtyList.Clear();
    }

    private LeastKeyTree TreeOf(int tree) => tree == -1 ? _static : _groupTrees[tree];

    private int Group(int busy, int slots)
    {
        if (_groupOf.TryGetValue((busy, slots), out int g)) return g;
        g = _groupTrees.Count;
        _groupOf[(busy, slots)] = g;
        _groupShapes.Add((busy, slots));
        _groupTrees.Add(new LeastKeyTree(_nodes.Count));
        return g;
    }
}
