using HacaSim.Catalog;
using HacaSim.Model;
using HacaSim.Policies;

namespace HacaSim.Tests.Cli;

public class ListCommandTests
{
    [Test]
    public void List_prints_every_catalog_entry_with_its_description_and_parameters()
    {
        var run = CliRun.Execute("list");
        var c = ScenarioCatalogs.Default;
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.Multiple(() =>
        {
            foreach (var (name, description, usage) in c.PathPolicies.Entries.Select(e => (e.Name, e.Description, e.Usage))
                .Concat(c.Dispatchers.Entries.Select(e => (e.Name, e.Description, e.Usage)))
                .Concat(c.Disciplines.Entries.Select(e => (e.Name, e.Description, e.Usage)))
                .Concat(c.Arrivals.Entries.Select(e => (e.Name, e.Description, e.Usage)))
                .Concat(c.Distributions.Entries.Select(e => (e.Name, e.Description, e.Usage))))
            {
                Assert.That(run.Stdout, Does.Contain($"  {name}\n      {description}"), name);
                if (usage != "{}") Assert.That(run.Stdout, Does.Contain(usage), name);
            }
            Assert.That(run.Stdout, Does.Contain("{backlog_high, [backlog_low]"));
            Assert.That(run.Stdout, Does.Contain("p2c").And.Contain("lwl"));
        });
    }

    [Test]
    public void Run_help_points_to_list()
    {
        var run = CliRun.Execute("run", "--help");
        Assert.That(run.Stdout, Does.Contain("hacasim list"));
    }
}
