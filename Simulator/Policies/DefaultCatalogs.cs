using HacaSim.Catalog;
using HacaSim.Model;

namespace HacaSim.Policies;

/// <summary>
/// The built-in catalogs, as <c>ScenarioCatalogs.Default</c>. The record lives in the model (which builds
/// from it); this set lives here because it names the dispatchers and path policies, which sit above the model.
/// </summary>
public static class DefaultCatalogs
{
    private static readonly ScenarioCatalogs BuiltIn = new(
        DistributionCatalog.Create(),
        ArrivalCatalog.Create(),
        DispatcherCatalog.Create(),
        DisciplineCatalog.Create(),
        PathPolicyCatalog.Create());

    extension(ScenarioCatalogs)
    {
        /// <summary>Every built-in distribution, arrival process, dispatcher, discipline and path policy.</summary>
        public static ScenarioCatalogs Default => BuiltIn;
    }
}
