import CNcursesw
import Foundation

/// How Parley's heap is laid out. A debate's work runs on one serial executor, so glibc's
/// per-thread malloc arenas only spread a long debate's memory over several heaps that each keep
/// their freed pages: with one arena a 100,000-message debate peaks about 10% lower (the engine
/// benchmark's peak memory says how much).
public enum HeapArenas {
    /// Asks glibc for a single malloc arena, unless `MALLOC_ARENA_MAX` says otherwise. Call it
    /// first thing in `main`, before any thread starts. Does nothing where malloc is not glibc's.
    public static func useOne(environment: [String: String] = ProcessInfo.processInfo.environment) {
        guard environment["MALLOC_ARENA_MAX"] == nil else { return }
        _ = parley_single_malloc_arena()
    }
}
