// The hosts of this project start Hangfire servers with one worker each and real `ipwh serve` processes, and the
// timing tests (misfire, lease lapse, takeover) must not compete for two cores: the tests take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
