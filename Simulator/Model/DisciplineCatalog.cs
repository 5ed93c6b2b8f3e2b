using HacaSim.Catalog;
using HacaSim.Engine;

namespace HacaSim.Model;

/// <summary>The queue disciplines a pool may name (<c>discipline:</c>); all non-preemptive.</summary>
public static class DisciplineCatalog
{
    public static Catalog<IQueueDiscipline<Request>> Create() => new("queue discipline",
    [
        new("fifo", "First come, first served.", [new()], (_, _) => new FifoDiscipline<Request>()),
        new("priority_by_path", "Strongest-trust path first (zkml, tee, zkcrv, vanilla), FIFO within a path.", [new()],
            (_, _) => new KeyedDiscipline<Request>(r => (double)r.Path)),
        new("edf", "Earliest deadline first; requests without a deadline last, FIFO among equals.", [new()],
            (_, _) => new KeyedDiscipline<Request>(r => r.DeadlineSeconds)),
    ]);
}
