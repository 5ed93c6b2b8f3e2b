// Fixtures run two at a time (the machine the suite must fit has 2 cores): most tests are single-threaded
// stretches of loading, JIT, writing and rendering between simulations. Tests inside a fixture stay in order.
// A fixture that measures wall time or shares a process-wide resource is [NonParallelizable].
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
