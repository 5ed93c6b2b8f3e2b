using HacaSim.Catalog;

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
    public void Scenarios_README_embeds_exactly_what_list_markdown_prints()
    {
        var run = CliRun.Execute("list", "--markdown");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        string readme = File.ReadAllText(Path.Combine(Scenarios.RepositoryPaths.Root, "Scenarios", "README.md")).Replace("\r\n", "\n");
        int begin = readme.IndexOf(CatalogReference.BeginMarker, StringComparison.Ordinal);
        int end = readme.IndexOf(CatalogReference.EndMarker, StringComparison.Ordinal);
        Assert.That(begin, Is.GreaterThanOrEqualTo(0), "Scenarios/README.md has the begin marker");
        Assert.That(end, Is.GreaterThan(begin), "Scenarios/README.md has the end marker after it");
        string embedded = readme[(begin + CatalogReference.BeginMarker.Length)..end].Trim('\n') + "\n";
        Assert.That(embedded, Is.EqualTo(run.Stdout),
            "Scenarios/README.md's catalogue reference differs from `hacasim list --markdown`; paste the command's output between the markers");
    }

    [Test]
    public void List_markdown_names_every_arrival_process_distribution_policy_dispatcher_discipline_and_fault_kind()
    {
        var run = CliRun.Execute("list", "--markdown");
        var c = ScenarioCatalogs.Default;
        var names = c.Arrivals.Names.Concat(c.Distributions.Names).Concat(c.PathPolicies.Names).Concat(c.Dispatchers.Names)
            .Concat(c.Disciplines.Names).Concat(FaultKinds.All.Select(k => k.Name));
        Assert.Multiple(() =>
        {
            foreach (string name in names) Assert.That(run.Stdout, Does.Contain($"| `{name}` |"), name);
        });
    }

    [Test]
    public void Run_help_points_to_list()
    {
        var run = CliRun.Execute("run", "--help");
        Assert.That(run.Stdout, Does.Contain("hacasim list"));
    }
}
