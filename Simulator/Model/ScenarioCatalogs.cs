using HacaSim.Catalog;
using HacaSim.Engine;
using HacaSim.Randomness;
using HacaSim.Workload;

namespace HacaSim.Model;

/// <summary>
/// Every catalog a scenario can name from, in one place: the loader validates against it,
/// the model builds from it, and <c>hacasim list</c> prints it. The built-in set is
/// <c>ScenarioCatalogs.Default</c> (Policies/DefaultCatalogs.cs: it names the policies, which sit above the model).
/// </summary>
public sealed record ScenarioCatalogs(
    Catalog<IDistribution> Distributions,
    Catalog<IArrivalProcess> Arrivals,
    Catalog<IDispatcher> Dispatchers,
    Catalog<IQueueDiscipline<Request>> Disciplines,
    Catalog<IPathPolicy> PathPolicies);
