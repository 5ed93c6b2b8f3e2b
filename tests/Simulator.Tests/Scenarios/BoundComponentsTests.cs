using HacaSim.Capacity;
using HacaSim.Model;
using HacaSim.Policies;
using HacaSim.Randomness;
using HacaSim.Scenarios.Loading;
using HacaSim.Workload;

namespace HacaSim.Tests.Scenarios;

/// <summary>
/// Components are bound once (issue 14): the loader binds every distribution, arrival process and path policy it reads
/// for its description, without a random source; questions of mean, minimum, rate or kind read that one binding, and a
/// replication builds its own instance by attaching its stream. A description that draws throws.
/// </summary>
public class BoundComponentsTests
{
    [Test]
    public void A_description_cannot_draw()
    {
        Assert.Throws<InvalidOperationException>(() => NoRandomness.Instance.NextDouble());
        Assert.Throws<InvalidOperationException>(() => NoRandomness.Instance.Next(10));
    }

    [Test]
    public void The_loader_binds_each_component_once_and_describing_it_builds_nothing()
    {
        var s = ScenarioSource.Read(RepositoryPaths.Scenario("baseline.yaml")).With([]).Scenario;
        var catalogs = ScenarioCatalogs.Default;
        Assert.Multiple(() =>
        {
            Assert.That(s.Traffic.Arrival!.Described, Is.InstanceOf<IArrivalProcess>());
            Assert.That(catalogs.Arrivals.Describe(s.Traffic.Arrival), Is.SameAs(s.Traffic.Arrival.Described), "no second build");
            Assert.That(s.Policy.Described, Is.InstanceOf<IPathPolicy>());
            var verify = s.Paths.Zkml.VerifySeconds;
            Assert.That(catalogs.Distributions.Describe(verify), Is.SameAs(verify.Described));
        });
    }

    [Test]
    public void A_bound_trace_is_never_consumed_by_the_questions_asked_of_it()
    {
        // The capacity model counts the trace's rows in the window from a replay of its own: asking twice gives the same rate.
        var s = ScenarioSource.Read(RepositoryPaths.Scenario("trace-replay.yaml")).With(["run.duration_s=900"]).Scenario;
        double first = CapacityModel.Analyse(s, ScenarioCatalogs.Default).ArrivalRatePerSecond;
        double second = CapacityModel.Analyse(s, ScenarioCatalogs.Default).ArrivalRatePerSecond;
        Assert.That(first, Is.GreaterThan(0));
        Assert.That(second, Is.EqualTo(first));
    }
}
