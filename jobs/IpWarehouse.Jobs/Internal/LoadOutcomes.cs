using Hangfire.Common;
using Hangfire.States;

namespace IpWarehouse.Jobs.Internal;

// A load stopped by a cancel (ipwh jobs cancel, SIGTERM, the dashboard's delete): published nothing, is not rerun.
internal sealed class LoadCancelledException(string message) : Exception(message);

// A load the loader reported failed: the job shows Failed in the dashboard, and is not retried whole.
internal sealed class LoadFailedException(string message) : Exception(message);

// A cancelled load ends Deleted with its reason, not Failed and not requeued (a stopping server would requeue
// a job that ends by OperationCanceledException, so the load ends by LoadCancelledException instead).
[AttributeUsage(AttributeTargets.Method)]
internal sealed class CancelledLoadFilterAttribute : JobFilterAttribute, IElectStateFilter
{
    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is FailedState { Exception: LoadCancelledException cancelled })
        {
            context.CandidateState = new DeletedState { Reason = "已取消：" + cancelled.Message };
        }
    }
}

/// This process's node id, as the lease, the dashboard's servers and <c>/api/jobs</c> show it.
internal sealed record SchedulerNode(string Id);
