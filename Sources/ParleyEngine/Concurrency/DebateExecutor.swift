import Dispatch
import Synchronization

/// The serial executor every peer of a debate runs on, both as the peers' actor executor and
/// as their tasks' preferred task executor. Handing the floor from one peer to the next
/// resumes the next peer's task on this same executor, which goes on running jobs on the
/// thread it has while there are any — so a turn's handoff costs no thread wake-up. The peers'
/// own code never runs in parallel; their model calls still wait on the network in parallel.
final class DebateExecutor: SerialExecutor, TaskExecutor {
    private struct Queue: ~Copyable {
        var jobs: [UnownedJob] = []
        var draining = false
    }

    private let queue = Mutex(Queue())

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let startDraining = queue.withLock { queue in
            queue.jobs.append(job)
            if queue.draining { return false }
            queue.draining = true
            return true
        }
        if startDraining { DispatchQueue.global().async { self.drain() } }
    }

    /// Runs the jobs enqueued, batch by batch, until none is left.
    private func drain() {
        let executor = asUnownedSerialExecutor()
        let taskExecutor = asUnownedTaskExecutor()
        while true {
            let batch: [UnownedJob] = queue.withLock { queue in
                if queue.jobs.isEmpty {
                    queue.draining = false
                    return []
                }
                defer { queue.jobs.removeAll(keepingCapacity: true) }
                return queue.jobs
            }
            if batch.isEmpty { return }
            for job in batch { job.runSynchronously(isolatedTo: executor, taskExecutor: taskExecutor) }
        }
    }
}
