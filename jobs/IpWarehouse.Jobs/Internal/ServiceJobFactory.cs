using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Spi;

namespace IpWarehouse.Jobs.Internal;

// Quartz's own factory needs parameterless jobs; ours come from the host's services.
internal sealed class ServiceJobFactory(IServiceProvider services) : IJobFactory
{
    public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return (IJob)ActivatorUtilities.CreateInstance(services, bundle.JobDetail.JobType);
    }

    public void ReturnJob(IJob job) => (job as IDisposable)?.Dispose();
}
