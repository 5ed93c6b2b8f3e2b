using HacaSim.Engine;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Workload;

namespace HacaSim.Catalog;

/// <summary>
/// Every catalog a scenario can name from, in one place: the loader validates against it,
/// the model builds from it, and <c>hacasim list</c> prints it.
/// </summary>
public sealed record ScenarioCatalogs(
    Catalog<IDistribution> Distributions,
    Catalog<IArrivalProcess> Arrivals,
    Catalog<IDispatcher> Dispatchers,
    Catalog<IQueueDiscipline<Request>> Disciplines,
    Catalog<IPathPolicy> PathPolicies)
{
    public static ScenarioCatalogs Default { get; } = new(
        DistributionCatalog.Create(),
        ArrivalCatalog.Create(),
        DispatcherCatalog.Create(),
        DisciplineCatalog.Create(),
        PathPolicyCatalog.Create());
}
