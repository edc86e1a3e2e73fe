// Quartz reads the time through a process-wide static (SystemTime), which each host points at its own
// (fake) clock, and Quartz keeps one scheduler per name per process: the tests of this project take turns.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
